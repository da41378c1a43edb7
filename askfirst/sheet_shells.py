"""The sheet on screen as a shell (shells.py): the page rendered ahead per language, mode
and shape, with slots for what a patient's answers decide.

Profiling showed the sheet costing about 2.4 ms a request, most of it Jinja: two macros
called for every question and topic (tens of thousands of runtime calls), url_for for
four links that carry the answers, and gettext. Yet most of the page (the headings,
instructions, header lines, QR block, and the layout) is the same for everyone in a
language and mode. What differs is:

- which questions, under which topics (`first`, `topics`, `more`): the question blocks
  are rendered ahead already (prerendered.py), so a slot is filled by joining them;
- the rights box of the place (`rights`), rendered ahead too;
- the answers in the links and buttons (`query`, `hidden`), and the scan named on the
  "Appointment" line (`exam`);
- whether there are topics beyond the first three, other questions, and whether they are
  to be printed: these change the page's structure, so they choose one of a few shells
  (a "shape"), rather than a slot each.

The template stays the one source: sheet.html calls the helpers below (`sheet_questions`,
`sheet_topics`, `appointment`, `answers_url`), and a shell is that template rendered with
helpers that put slots in their place. A PDF, and a sheet without any answer, are still
rendered by Jinja in full. The request's values are put in per request and kept nowhere.
"""

from itertools import product

from flask import current_app, render_template, url_for
from markupsafe import Markup, escape

from . import carry, frames, i18n, situations
from . import mode as modes
from .answers import acting_for
from .i18n import lazy_gettext as _l
from .i18n import pgettext
from .jurisdiction import resolve
from .labels import label
from .paths import path_to
from .shells import fill, slot


def _parts_getter():
    """The store's `get` for this request's mode: looked up once per list, not per block."""
    store, mode = current_app.extensions["askfirst_prerendered"], modes.current()
    return lambda kind, name, lang: store.get(kind, name, lang, mode)


# Plain f-strings of parts that are markup already (or escaped here): Markup.format goes
# through string.Formatter for each field, which profiling showed costing more than the
# rest of the sheet.
def sheet_questions(questions, also: str | None) -> Markup:
    """The question blocks, each beside its echo in the clinic's language when there is one."""
    return _questions(_parts_getter(), i18n.current(), questions, also)


def _questions(part, lang: str, questions, also: str | None) -> Markup:
    if also:
        return Markup("".join(f'<div class="pair">{part("question", question.id, lang)}'
                              f'{part("echo", question.id, also)}</div>' for question in questions))
    return Markup("".join(part("question", question.id, lang) for question in questions))


def sheet_topics(groups, prefix: str, also: str | None, brief: bool = False, part=None) -> Markup:
    """One section per topic: its title (in both languages) and its questions; `brief`,
    only the questions' words, as a list (the questions not printed, shown on screen: the
    heaviest sheet held 45 of them, more than half of its bytes, with their explanations).
    `part`, the store's getter where the page has it (_parts_getter)."""
    part, lang, prefix = part or _parts_getter(), i18n.current(), escape(prefix)
    also_attributes = also and f'lang="{escape(i18n.tag(also))}" dir="{escape(i18n.direction(also))}"'
    sections = []
    for group in groups:
        topic = escape(group.topic)
        also_title = (f' <span class="also" {also_attributes}>/ {part("topic", group.topic, also)}</span>'
                      if also else "")
        questions = (f'<ul class="asks">{"".join(part("ask", question.id, lang) for question in group.questions)}</ul>'
                     if brief else _questions(part, lang, group.questions, also))
        sections.append(f'\n<section class="topic" aria-labelledby="{prefix}-{topic}">\n'
                        f'  <h3 id="{prefix}-{topic}">{part("topic", group.topic, lang)}{also_title}</h3>\n'
                        f'  {questions}\n</section>')
    return Markup("".join(sections))


def appointment(answers) -> str:
    """The scan, written in on the "Appointment" line when the patient named one."""
    exam = answers["exam"][0] if answers["exam"] else None
    return label("exam", exam) if exam and exam not in ("other", "unsure") else ""


# The sheet's title, by who the scan is for (answers.acting_for).
TITLES = {None: _l("My questions about my images"), "child": _l("My questions about my child's images"),
          "other": _l("My questions about the images of someone I care for")}


def sheet_title(answers) -> str:
    return str(TITLES[acting_for(answers) if answers else None])


def patient_line(answers) -> Markup:
    """For someone asking for another person: a line on the header to write the patient's name."""
    if not answers or not acting_for(answers):
        return Markup("")
    # Translators: a line on the printed sheet where a parent or caregiver writes the patient's name.
    return Markup('<div><dt>{}</dt><dd class="write-in"></dd></div>').format(_l("Patient's name"))


def sheet_help(part: str) -> Markup:
    """One of the sheet's help texts that is the same for every place (situations.yaml
    `sheet_help`), in the page's language: the same for everyone, so a shell holds it."""
    return current_app.extensions["askfirst_library"].sheet_help(part, i18n.current()) or Markup("")


def situation_boxes(answers, place_key: str | None, part=None) -> Markup:
    """The boxes these answers bring (acting for someone, officials), each the entry for
    this place in its section, rendered ahead."""
    if not answers or place_key is None:
        return Markup("")
    from .rights_box import PLACES_WITH_BOXES  # imports the jurisdiction model, after start-up
    library = current_app.extensions["askfirst_library"]
    place = resolve(PLACES_WITH_BOXES[place_key])
    part, lang, boxes = part or _parts_getter(), i18n.current(), []
    for kind in situations.boxes_for(answers):
        key = situations.entry_key(library, situations.SECTION_OF_KIND[kind], place)
        if key is not None:
            boxes.append(str(part(kind, key, lang)))
    return Markup("".join(boxes))


def answers_url(endpoint: str, query: dict) -> str:
    return url_for(endpoint, **query)


# The paper sizes' names, as the switch shows them.
PAPER_NAMES = {"a4": lambda: pgettext("paper size", "A4"), "letter": lambda: pgettext("paper size", "Letter")}
# Translators: before the two paper sizes the sheet can print on, "A4 · Letter".
PAPER_SIZE = _l("Paper size:")


def paper_choice(paper: str, answers_query: dict, more: bool = False, link_to=None) -> Markup:
    """"Paper size: A4 · Letter", the current one in bold, the other a way to the same
    sheet on that paper (a link, or a posted button in kiosk mode); `link_to(size, name)`
    makes that way where a shell has the link's parts at hand."""
    from .places import PAPERS

    others = {key: value for key, value in answers_query.items() if key != "paper"}
    items = []
    for size in PAPERS:
        name = PAPER_NAMES[size]()
        items.append(f'\n  <strong aria-current="true">{escape(name)}</strong>' if size == paper
                     else link_to(size, name) if link_to
                     else carry.go("sheet.sheet", {**others, **({"more": ["1"]} if more else {}), "paper": [size]},
                                   {}, "", name))
    # f-strings of escaped values: profiled, Markup.format made this switch cost a third
    # of the sheet's fill.
    between = ' <span aria-hidden="true">·</span>'
    return Markup(f'<div class="paper-choice no-print" role="group" aria-labelledby="paper-label">\n'
                  f'  <span id="paper-label">{escape(PAPER_SIZE)}</span>{between.join(items)}\n</div>')


# --- The shell --------------------------------------------------------------------------

# What a shell is rendered with instead of the answers' query: one key that stands for
# all of them, which `dict(answers_query, more=["1"])` in the template keeps.
ANSWERS = object()


def _split(query: dict) -> tuple[bool, dict]:
    """Whether `query` holds the answers' stand-in, and the values added to it."""
    return ANSWERS in query, {key: value for key, value in query.items() if key is not ANSWERS}


def _shell_url(endpoint: str, query: dict) -> Markup:
    """An address with the answers' query as a slot, and what the template added after it
    (`&more=1`) encoded as url_for would."""
    carries, extra = _split(query)
    address = Markup(escape(url_for(endpoint)))
    if not carries:
        return Markup(escape(url_for(endpoint, **extra)))
    added = url_for(endpoint, **extra).partition("?")[2]
    return address + slot("query") + (escape("&" + added) if added else "")


def _shell_go(endpoint: str, answers: dict, values: dict, css_class: str, words) -> Markup:
    """carry.go with the answers as slots: the link's query, or the posted hidden fields."""
    carries, extra = _split(answers)
    if modes.current().posts_answers:
        return carry.BUTTON.format(url_for(endpoint, **values), slot("hidden") + carry.hidden_fields(extra),
                                   Markup(" ") + css_class if css_class else "", words)
    return carry.link(_shell_url(endpoint, answers), {}, css_class, words)


class _Plan:
    """A plan of the given shape: whether there are topics after the first three and more
    questions; which questions, the slots say."""

    def __init__(self, topics: bool, more: bool):
        self.first, self.topics, self.more = "first", topics, more


SHAPES = {f"{'topics' if topics else 'no-topics'}+{'more' if more else 'no-more'}+{'print' if printed else 'screen'}":
          (topics, more, printed) for topics, more, printed in product((True, False), repeat=3)}


def shape_of(plan, print_more: bool) -> str:
    return (f"{'topics' if plan.topics else 'no-topics'}+{'more' if plan.more else 'no-more'}"
            f"+{'print' if print_more else 'screen'}")


class _ShellParts:
    """The store's parts as the template asks for them, but the place's rights box a slot."""

    def __init__(self, parts):
        self._parts = parts

    def __getattr__(self, kind: str):
        if kind in ("rights", "guide"):
            return lambda name, lang: slot(kind)
        return getattr(self._parts, kind)


def render(shape: str) -> str:
    """The shell of a sheet of this shape, in the language and mode being rendered."""
    from .prerendered import Parts  # prerendered.py imports this module

    topics, more, printed = SHAPES[shape]
    return render_template(
        "sheet.html", plan=_Plan(topics, more), answers=None, answers_query={ANSWERS: ()}, also=None,
        more=printed, for_pdf=False, place_key=None,
        # The kiosk's sheet is never served from a shell (views/sheet.py): no hand-off code here.
        shell=True,
        parts=_ShellParts(Parts(current_app.extensions["askfirst_prerendered"], modes.current())),
        sheet_questions=lambda questions, also: slot(questions),
        sheet_topics=lambda groups, prefix, also, brief=False: slot(prefix),
        appointment=lambda answers: slot("exam"), answers_url=_shell_url, go_to=_shell_go,
        sheet_title=lambda answers: slot("title_words"), patient_line=lambda answers: slot("patient_line"),
        situation_boxes=lambda answers, place_key: slot("situations"),
        paper=slot("paper"), paper_choice=lambda paper, query, more: slot("paper_choice"),
        # The layout's own slots stay for the request to fill (through the frame, or the
        # layout itself where a test renders without frames).
        **frames.rendering_values(frames.PAGE),
        frame=lambda title, main, query, description: fill(
            frames.frame_of_request(), {"title": lambda: title, "main": lambda: main,
                                        "description": lambda: description}, keep_others=True))


def page(shell: Markup, plan, answers, answers_query: dict, also: str | None, place_key: str,
         paper: str, more: bool, switch_query: dict) -> Markup:
    """The sheet on screen: its shell, filled with this request's answers."""
    lang = i18n.current()
    # The answers' query encoded once, for every link of the page: profiled, encoding it
    # anew for each (url_for, the language links, the paper switch) cost a fifth of the fill.
    # The paper, when chosen, comes last (render_sheet), as `more` in the language links.
    carried = carry.query_string({key: value for key, value in answers_query.items() if key != "paper"})
    query = carry.joined(carried, f"paper={paper}" if "paper" in answers_query else "")
    more_part = "more=1" if more else ""
    address = path_to("sheet.sheet")
    part = _parts_getter()  # one for every list and box of the page

    def link_to(size: str, name: str) -> Markup:  # paper_choice's link to the other paper
        return carry.link(f"{address}?{carry.joined(carried, more_part, f'paper={size}')}", {}, "", name)

    return fill(shell, {
        **frames.fillers(Markup(""), Markup(""), switch_query, encoded=carry.joined(query, more_part)),
        "first": lambda: _questions(part, lang, plan.first, also),
        "topic": lambda: sheet_topics(plan.topics, "topic", also, part=part),
        "more": lambda: sheet_topics(plan.more, "more", also, brief=not more, part=part),
        "rights": lambda: part("rights", place_key, lang),
        "exam": lambda: appointment(answers),
        "title_words": lambda: sheet_title(answers),
        "patient_line": lambda: patient_line(answers),
        "situations": lambda: situation_boxes(answers, place_key, part),
        "guide": lambda: part("guide", place_key, lang),
        "paper": lambda: escape(paper),
        "paper_choice": lambda: paper_choice(paper, answers_query, more, link_to),
        "query": lambda: "?" + query,
        "hidden": lambda: carry.hidden_fields(answers_query)})
