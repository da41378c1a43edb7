"""The one in-memory store: everything that is the same for everyone, rendered once.

A content page, the footer, each question block of the sheet, each country's rights box,
the poster's words and the QR codes of fixed addresses depend only on the language and
the mode (web or kiosk). All of them are rendered when the app starts, for every
language and mode the app serves, and kept here under (kind, name, language, mode).

The rule, with no exceptions: nothing here is added or changed by a request, and no key
comes from a request. A cache filled by requests would keep a trace of what people asked
about (which countries, which questions), and a key taken from a header would let one
visitor decide what the next one sees. What depends on a patient's answers (a sheet, a
prepared link's QR code) is made per request and never kept.

With `PRERENDER` off (the development config) nothing is kept: every part is rendered
when asked for, from the current templates and content, so an edit shows at once.
"""

import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from flask import Flask, g, render_template, url_for
from markupsafe import Markup

from . import content_layout as layout
from . import (
    frames,
    i18n,
    next_steps_shells,
    review_map,
    review_notice,
    review_shells,
    sheet_shells,
    situations,
    step_shells,
)
from . import mode as modes
from .bank import TOPICS
from .content import PAGES, Library, without_external_links
from .i18n import lazy_gettext as _l
from .labels import TOPIC_TITLES
from .qr import public_url, qr_svg
from .rights_box import PLACES_WITH_BOXES, rights_box
from .shells import Split, slot, split

# The words of the link button that partners put on their sites, in the link's language.
LINK_BUTTON_TEXT = _l("Questions to ask before your scan")
# Pages whose address is printed as a QR code: on the sheet (why it matters) and the poster.
QR_TARGETS = {"why": ("pages.page", {"name": "why"}), "home": ("pages.home", {}), "check": ("check.start", {})}


@dataclass(frozen=True)
class Kind:
    names: Callable[[Library], Iterable[str]]
    render: Callable[[Library, str, str], str]  # (library, name, lang) -> HTML
    # Whether the HTML holds no link of the site's own, so that modes differ only in
    # dropping outside links: then it is rendered once and not again for each mode.
    mode_neutral: bool = False
    # Whether it serves only where answers travel in links (a shell whose page is rendered
    # in full where they are posted): then it is not rendered for a mode that posts them,
    # where it would only take memory (about 1 MB a worker for the sheet's shells).
    links_only: bool = False


def _page(library: Library, name: str, lang: str) -> str:
    with review_notice.showing(review_map.page_screen(name), review_map.page_pieces(library, name)):
        return render_template("page.html", page=library.page(name, lang))


def _frame(library: Library, name: str, lang: str) -> str:
    return render_template("parts/frame.html", **frames.rendering_values(name))


def _question(library: Library, qid: str, lang: str) -> str:
    return render_template("sheet/question.html", qid=qid, texts=library.question(qid, lang))


def _ask(library: Library, qid: str, lang: str) -> str:
    """A question's words only, as an item of the list of questions not printed."""
    texts = library.question(qid, lang)
    attributes = f' lang="{i18n.tag(texts.lang)}" dir="{i18n.direction(texts.lang)}"' if texts.lang != lang else ""
    return f'<li class="ask-only" data-question="{qid}"{attributes}>{texts.parts["ask"]}</li>'


def _echo(library: Library, qid: str, lang: str) -> str:
    """The same question for the clinic's reader, beside the patient's."""
    return render_template("sheet/question_echo.html", texts=library.question(qid, lang))


def _rights(library: Library, place: str, lang: str) -> str:
    """The rights box of one place, by its key (`de-by-public`)."""
    return render_template("sheet/rights.html", box=rights_box(library, PLACES_WITH_BOXES[place], lang))


def _guide(library: Library, place: str, lang: str) -> str:
    """Who can answer, what to do next and language help, for one place (`de-by-public`)."""
    return render_template("sheet/guide.html", guide=situations.guide(library, PLACES_WITH_BOXES[place], lang))


def _situation(kind: str) -> Kind:
    """A situation box (acting for someone, officials), one per entry of its section."""
    section = situations.SECTION_OF_KIND[kind]
    template = "sheet/officials.html" if section == layout.OFFICIALS else "sheet/acting.html"
    person = kind.removeprefix("acting_")
    return Kind(lambda library: library.situation_keys(section),
                lambda library, key, lang: render_template(
                    template, entry=library.situation(section, (key,), lang), person=person),
                mode_neutral=True)


def _qr(library: Library, target: str, lang: str) -> str:
    endpoint, values = QR_TARGETS[target]
    return qr_svg(public_url(url_for(endpoint, **values)))


def _review_note(library: Library, name: str, lang: str) -> str:
    """The "not reviewed yet" notice: a link to the page in English, or a button that posts
    the answers there ("button"); where it leads is a slot (review_notice.py fills it)."""
    return render_template("parts/review_note.html", posted=name == "button", english=slot("english"))


def _words(text) -> Callable[[Library, str, str], str]:
    return lambda library, name, lang: Markup.escape(str(text(name)))


def _template(path) -> Callable[[Library, str, str], str]:
    return lambda library, name, lang: render_template(path(name))


def _question_ids(library: Library) -> Iterable[str]:
    return (question.id for question in library.bank)


# In the order they are built: a frame uses the footer, and a page or a step's shell the
# frame (a page the review notice too), so they come last.
KINDS = {
    "part": Kind(lambda library: ("footer",), _template(lambda name: f"parts/{name}.html")),
    "frame": Kind(lambda library: frames.NAMES, _frame),
    "note": Kind(lambda library: ("link", "button"), _review_note, mode_neutral=True),
    # The poster's words: AskFirst's own ("words"), or a clinic's "Ask us" ("clinic").
    "poster": Kind(lambda library: ("words", "clinic"), _template(lambda name: f"parts/poster_{name}.html"),
                   mode_neutral=True),
    "button": Kind(lambda library: ("text",), _words(lambda name: LINK_BUTTON_TEXT), mode_neutral=True),
    "topic": Kind(lambda library: TOPICS, _words(TOPIC_TITLES.__getitem__), mode_neutral=True),
    "question": Kind(_question_ids, _question, mode_neutral=True),
    "echo": Kind(_question_ids, _echo, mode_neutral=True),
    "ask": Kind(_question_ids, _ask, mode_neutral=True),
    "rights": Kind(lambda library: PLACES_WITH_BOXES, _rights, mode_neutral=True),
    "guide": Kind(lambda library: PLACES_WITH_BOXES, _guide, mode_neutral=True),
    **{kind: _situation(kind) for kind in situations.SECTION_OF_KIND},
    "qr": Kind(lambda library: QR_TARGETS, _qr),
    "page": Kind(lambda library: PAGES, _page),
    "step": Kind(lambda library: step_shells.names(), lambda library, name, lang: step_shells.render(name)),
    # The review on the web, one shell per set of steps it lists (review_shells.py).
    "review": Kind(lambda library: review_shells.shapes(), lambda library, name, lang: review_shells.render(name),
                   links_only=True),
    # The on-screen sheet, one shell per shape (sheet_shells.py); after the questions and
    # rights boxes it does not hold, before nothing.
    "sheet": Kind(lambda library: sheet_shells.SHAPES, lambda library, name, lang: sheet_shells.render(name),
                  links_only=True),
    # The next-steps page on the web, one shell per shape (next_steps_shells.py); after the
    # rights boxes it does not hold.
    # Its dates, one part per place that has any (next_steps_shells.py).
    "next_dates": Kind(lambda library: next_steps_shells.dated_places(),
                       lambda library, name, lang: next_steps_shells.render_dates(name), links_only=True),
    "next_steps": Kind(lambda library: next_steps_shells.shapes(),
                       lambda library, name, lang: next_steps_shells.render(name), links_only=True),
}


def _path(kind: str, name: str, lang: str) -> str:
    """The URL a part is rendered at: a page at its own address, so its links are right."""
    if kind == "page":
        return f"/{lang}/" if name == "home" else f"/{lang}/{name}"
    if kind == "step":
        return f"/{lang}/check/{name}"
    if kind == "review":
        return f"/{lang}/check/review"
    if kind == "sheet":
        return f"/{lang}/sheet"
    if kind == "next_steps":
        return f"/{lang}/next-steps"
    if kind == "frame":  # the layout asks only whether it is on the home page
        return f"/{lang}/" if name == frames.HOME else f"/{lang}/why"
    return f"/{lang}/"


def _for_mode(html: Markup, mode: modes.Mode) -> Markup:
    """Where a mode has no links that leave the site, they are shown as plain text."""
    return html if mode.outside_links else without_external_links(html)


class Prerendered:
    def __init__(self, app: Flask, library_of: Callable[[], Library]):
        self._app = app
        self._library_of = library_of
        self._kept: dict[tuple[str, str, str, str], Markup | Split] = {}
        # Which rendering context this thread is in, if any (the development server
        # renders parts in several request threads at once).
        self._local = threading.local()
        # Rendering runs in a request for the site's own address (the one host it trusts);
        # links in what is kept are paths, and absolute ones come from PUBLIC_BASE_URL.
        self._base = app.config["PUBLIC_BASE_URL"]
        self.keeps = app.config["PRERENDER"]
        app.extensions["askfirst_prerendered"] = self  # templates rendered below use it too
        if self.keeps:
            library = library_of()
            served = modes.modes_of(app.config)
            # Parts that come out the same (a place's dates in every country of one law, a
            # rights box, a page the same in both modes) kept once: measured, 12,800 parts
            # held 27 MB of text of which 16 MB distinct, in every worker. Shells kept split
            # at their slots, the text between shared (shells.py): 33 MB of parts in sixteen
            # languages held in 19 MB.
            same: dict[Markup | Split, Markup | Split] = {}
            pieces: dict[str, str] = {}
            for mode in served:
                for lang in app.config["LANGUAGES"]:
                    with self._rendering(f"/{lang}/", lang, mode):  # shared by all but the pages
                        for kind, spec in KINDS.items():
                            if spec.links_only and mode.posts_answers:
                                continue
                            for name in spec.names(library):
                                key = (kind, name, lang, mode.name)
                                if spec.mode_neutral and mode != served[0]:
                                    html = _for_mode(Markup(self._kept[kind, name, lang, served[0].name]), mode)
                                else:
                                    html = self._render(kind, name, lang, mode)
                                kept = split(html, pieces)
                                self._kept[key] = same.setdefault(kept, kept)

    @contextmanager
    def _rendering(self, path: str, lang: str, mode: modes.Mode):
        """A request context for rendering in `lang` and `mode`. A fresh app context too,
        so that they do not leak into a request under way (in development, parts are
        rendered mid-request). Entering a context costs about as much as rendering a
        question block, so one context serves every part at the same path."""
        key = (path, lang, mode.name)
        outer = getattr(self._local, "key", None)
        if outer == key:
            yield
            return
        with self._app.app_context(), self._app.test_request_context(path, base_url=self._base + mode.prefix):
            g.lang, g._askfirst_mode = lang, mode
            self._local.key = key
            try:
                yield
            finally:
                self._local.key = outer

    def _render(self, kind: str, name: str, lang: str, mode: modes.Mode) -> Markup:
        with self._rendering(_path(kind, name, lang), lang, mode):
            return _for_mode(Markup(KINDS[kind].render(self._library_of(), name, lang)), mode)

    def get(self, kind: str, name: str, lang: str, mode: modes.Mode | None = None) -> Markup | Split:
        """A kept part (a shell as a Split, which shells.fill takes and which is its HTML
        where used as HTML); KeyError for a name that does not exist (the caller decides: 404)."""
        mode = mode or modes.current()
        if self.keeps:
            return self._kept[kind, name, lang, mode.name]
        if name not in KINDS[kind].names(self._library_of()):
            raise KeyError(name)
        return self._render(kind, name, lang, mode)

    def __len__(self) -> int:
        return len(self._kept)


class Parts:
    """The store as templates use it, for the mode of the request: `parts.question(id, lang)`."""

    def __init__(self, store: Prerendered, mode: modes.Mode):
        self._store, self._mode = store, mode

    def __getattr__(self, kind: str):
        if kind not in KINDS:
            raise AttributeError(kind)
        return lambda name, lang: self._store.get(kind, name, lang, self._mode)
