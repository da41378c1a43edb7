"""What each kind of page shows, for the "not reviewed yet" notice.

A page shows two sorts of pieces (pieces.py):

- interface messages: counted by the files they come from. Each kind of page ("screen")
  lists its templates (with every template they import, found by Jinja) and the Python
  modules whose words it shows; every page has the layout's too. A screen counts every
  message of those files, also ones a particular request leaves out (the rights page's
  chooser counts the whole of labels.py): more than it shows, never less, so that the
  notice can only err on the side of showing.
- content pieces: named by the view, which knows them (the sheet's questions, the place's
  rights box, the letter); see views and review_notice.py.

Not counted: names from CLDR (countries, languages, dates), which are not translations of
ours, and the second language of a two-language sheet or letter: the notice speaks of the
page's language. tests/test_review_notice.py renders each kind of page while recording
every message it translates, and fails when a file is missing here.

No Flask here; reading the files costs about a tenth of a second, so it is done at
start-up and only when some language has review records at all.
"""

from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from jinja2 import Environment, FileSystemLoader, meta

from . import content_layout as layout
from . import pieces, situations
from .answers import acting_for
from .config import ROOT
from .content import Library
from .jurisdiction import Jurisdiction, resolve
from .rights_box import PLACES_WITH_BOXES

# What `make extract` looks for besides Babel's defaults (`-k` in the Makefile).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "pgettext": ((1, "c"), 2)}
TEMPLATES = ROOT / "templates"

# On every page: the layout (rendered ahead as a frame), its footer, this notice and the
# description for search results of a page without its own.
LAYOUT = ("templates/layout.html", "templates/parts/footer.html", "templates/parts/review_note.html",
          "askfirst/indexing.py")
# The words of the check's steps and answers, shown wherever answers are.
ANSWER_WORDS = ("askfirst/flow.py", "askfirst/labels.py")
RIGHTS_BOX = ("templates/sheet/rights.html", "askfirst/labels.py")
# Acting for someone else, and whether officials can get the images (situations.py).
SITUATION_BOXES = ("templates/sheet/acting.html", "templates/sheet/officials.html")
SCREENS = {
    "page": ("templates/page.html",),
    # The rights and breach pages: their place chooser, and what applies in the place chosen.
    "place-page": ("templates/page.html", *ANSWER_WORDS, *RIGHTS_BOX, *SITUATION_BOXES, "askfirst/letter_words.py"),
    "step": ("templates/check/step.html", *ANSWER_WORDS, "askfirst/forms.py", "askfirst/step_shells.py"),
    "review": ("templates/check/review.html", *ANSWER_WORDS, "askfirst/review_shells.py"),
    "sheet": ("templates/sheet.html", "templates/sheet/question.html", *RIGHTS_BOX, *SITUATION_BOXES,
              "templates/sheet/guide.html", "askfirst/sheet_shells.py"),
    "next-steps": ("templates/next_steps.html", "templates/next_steps/letters.html", "templates/next_steps/dates.html",
                   *RIGHTS_BOX, "askfirst/letter_words.py"),
    # The poster's form asks the clinic's country.
    "poster": ("templates/poster.html", "templates/parts/poster_words.html", "templates/parts/poster_clinic.html",
               *ANSWER_WORDS),
    "partners": ("templates/partners.html", *ANSWER_WORDS, "askfirst/prerendered.py"),
    "error": ("templates/error.html", "askfirst/views/errors.py"),
}


# The content pages with a place chooser below their text: the rights and breach pages, and
# the staff page for the tablet (its form asks the clinic's place).
CHOOSER_PAGES = (*layout.PLACE_PAGES, "tablet")


def page_screen(name: str) -> str:
    """The screen of a content page."""
    return "place-page" if name in CHOOSER_PAGES else "page"


def _with_imports(files: tuple[str, ...], imports: Callable[[str], list[str]]) -> list[str]:
    """The files, and every template they extend, import or include, however deep."""
    found, todo = [], list(files)
    while todo:
        file = todo.pop()
        if file not in found:
            found.append(file)
            todo += imports(file)
    return found


def _imports(root: Path) -> Callable[[str], list[str]]:
    """What a file imports, if it is a template (each parsed once)."""
    env = Environment(loader=FileSystemLoader(root / "templates"))

    @cache
    def imports(file: str) -> list[str]:
        if not file.startswith("templates/"):
            return []
        source = (root / file).read_text(encoding="utf-8")
        return [f"templates/{name}" for name in meta.find_referenced_templates(env.parse(source)) if name]
    return imports


def file_messages(file: str, root: Path = ROOT) -> frozenset[str]:
    """The names of the messages one file holds, as `make extract` finds them."""
    method = "jinja2" if file.endswith(".html") else "python"
    return frozenset(pieces.message(text[0] if isinstance(text, tuple) else text, context)
                     for _line, text, _comments, context in extract_from_file(method, root / file, keywords=KEYWORDS))


def screen_messages(root: Path = ROOT) -> dict[str, frozenset[str]]:
    """Each screen's messages, the layout's included."""
    messages, imports = cache(lambda file: file_messages(file, root)), _imports(root)
    return {screen: frozenset().union(*(messages(file) for file in _with_imports((*LAYOUT, *files), imports)))
            for screen, files in SCREENS.items()}


# --- Content pieces: each view names what it shows with these, from the same choices it
# renders by (situations.py, the Library), so that the names follow what is on the page.

def page_pieces(library: Library, name: str) -> tuple[str, ...]:
    """A content page's pieces: its text; the help page also lists every place's language
    help, with the line to show at the desk."""
    if name != "help":
        return (pieces.page(name),)
    return (pieces.page(name), pieces.sheet_help("show_at_desk"),
            *(pieces.situation(layout.INTERPRETERS, key) for key in library.situation_keys(layout.INTERPRETERS)))


def situation_pieces(library: Library, place: Jurisdiction, kinds) -> tuple[str, ...]:
    """The situation boxes of these kinds (`acting_child`, `officials`) for the place."""
    found = []
    for kind in kinds:
        section = situations.SECTION_OF_KIND[kind]
        key = situations.entry_key(library, section, place)
        if key is not None:
            found.append(pieces.situation(section, key))
    return tuple(found)


def guide_pieces(library: Library, place: Jurisdiction, lang: str) -> tuple[str, ...]:
    """The sheet's help for the place (situations.guide): who can answer, what next, local
    rules where none is known, and language help where it shows."""
    found = [pieces.sheet_help("who_can_answer"), pieces.sheet_help("after_a_worrying_answer")]
    if not place.local:
        found.append(pieces.sheet_help("local_rules"))
    key = situations.entry_key(library, layout.INTERPRETERS, place, general=False)
    if key is not None and place.language != lang:
        found += [pieces.situation(layout.INTERPRETERS, key), pieces.sheet_help("show_at_desk")]
    return tuple(found)


def sheet_pieces(library: Library, plan, answers, place: Jurisdiction, lang: str) -> tuple[str, ...]:
    """The sheet's pieces but its rights box: every question on it (those under "More
    questions" are on screen even when not printed), its help, and its situation boxes."""
    questions = (*plan.first, *(question for group in (*plan.topics, *plan.more) for question in group.questions))
    return (*(pieces.question(question.id) for question in questions), pieces.sheet_help("keep_appointment"),
            *guide_pieces(library, place, lang), *situation_pieces(library, place, situations.boxes_for(answers)))


def letter_pieces(library: Library, place: Jurisdiction, stage: str, answers) -> tuple[str, ...]:
    """A step's letters: the request, with its place's paragraphs and legal lines and, for
    someone else, who writes and the papers to tick; or the letters after it."""
    if stage != "request":
        return (pieces.LADDER,)
    found = [pieces.letter(place.letter)]
    english = layout.SOURCE_LANGUAGE  # where a piece exists at all
    found += [pieces.letter_paragraph(key) for key in place.note_keys() if library.national(key, english)]
    found += [pieces.letter_legal_line(key) for key in place.note_keys() if library.national_legal(key, english)]
    if acting_for(answers):
        found += [pieces.ACTING, *situation_pieces(library, place, ("acting_other",))]
    return tuple(found)


def rights_box_pieces(place: Jurisdiction) -> tuple[str, ...]:
    """The content pieces a place's rights box shows: its texts, its notes, and how to find
    out what is still open (each where the English has one; see rights_box.py)."""
    return (pieces.rights(place.texts), *(pieces.note(key) for key in place.note_keys()),
            *(pieces.finding_out(key) for key in place.open_questions))


def every_rights_box(known: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Each place's rights box (by its key) and its pieces that exist (`known`)."""
    return {key: tuple(name for name in rights_box_pieces(resolve(answers)) if name in known)
            for key, answers in PLACES_WITH_BOXES.items()}
