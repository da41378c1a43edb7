"""The "not reviewed yet" notice: on a page in another language than English while any piece
it shows is unreviewed, or changed since its review (reviews.py).

The state is computed once, at start-up (ReviewState); a request only looks it up. A view
says what its page shows with `shows(screen, pieces, place)`: the kind of page (its
interface messages, review_map.py), the content pieces it names, and the place whose
rights box it shows. The layout asks `note()` (through its `review` slot where the page is
rendered ahead). A page that says nothing gets the notice unless every piece of its
language is reviewed: a forgotten declaration errs on the side of the notice.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from flask import current_app, g
from markupsafe import Markup

from . import content_layout as layout
from . import i18n, pieces, review_map, reviews
from . import mode as modes
from .shells import fill


class ReviewState:
    """Which pieces, kinds of page and rights boxes of each language are reviewed and current."""

    def __init__(self, content: Path, languages: Iterable[str], translations: Path = pieces.TRANSLATIONS):
        sources = cache(lambda: pieces.source_hashes(content, translations))
        self._reviewed = {lang: reviews.Language(lang, content, sources, translations).reviewed()
                          for lang in languages if lang != layout.SOURCE_LANGUAGE}
        self._screens: dict[str, frozenset[str]] = {lang: frozenset() for lang in self._reviewed}
        self._boxes: dict[str, frozenset[str]] = dict(self._screens)
        self._everything = {lang: False for lang in self._reviewed}
        if not any(self._reviewed.values()):
            return  # no review yet: nothing more to read
        screens = review_map.screen_messages()
        boxes = review_map.every_rights_box(frozenset(sources()))
        for lang, done in self._reviewed.items():
            self._screens[lang] = frozenset(screen for screen, names in screens.items() if names <= done)
            self._boxes[lang] = frozenset(key for key, names in boxes.items() if done.issuperset(names))
            self._everything[lang] = done.issuperset(sources())

    def needs_notice(self, lang: str, screen: str | None, names: Iterable[str] = (), place: str | None = None) -> bool:
        if lang == layout.SOURCE_LANGUAGE:
            return False
        if screen is None:
            return not self._everything.get(lang, False)
        if screen not in self._screens.get(lang, ()) or (place is not None and place not in self._boxes[lang]):
            return True
        done = self._reviewed[lang]
        return not all(name in done for name in names)


def init_app(app) -> None:
    translations = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0])  # Flask-Babel's first
    app.extensions["askfirst_reviews"] = ReviewState(Path(app.config["CONTENT_DIR"]), app.config["LANGUAGES"],
                                                     translations)


def shows(screen: str, names: Iterable[str] = (), place: str | None = None) -> None:
    """What this request's page shows: its kind (review_map.SCREENS), the content pieces it
    names (pieces.py), and the place whose rights box it shows."""
    g._askfirst_shows = (screen, tuple(names), place)


@contextmanager
def showing(screen: str, names: Iterable[str] = (), place: str | None = None):
    """`shows` for a page rendered ahead, whose context other parts share: only while it renders."""
    shows(screen, names, place)
    try:
        yield
    finally:
        g.pop("_askfirst_shows", None)


def note(answers_query: dict) -> Markup:
    """The notice, or nothing: its link (or, where answers were posted, its button) leads to
    the same page in English, with the same answers."""
    lang = i18n.current()
    # English is the source (never noticed): decided before the other lookups.
    if lang == layout.SOURCE_LANGUAGE or not current_app.extensions["askfirst_reviews"].needs_notice(
            lang, *g.get("_askfirst_shows", (None,))):
        return Markup("")
    posted = modes.answers_posted()
    english = i18n.same_page_in("en", {} if modes.current().posts_answers else answers_query)
    kept = current_app.extensions["askfirst_prerendered"].get("note", "button" if posted else "link", lang)
    return fill(kept, {"english": lambda: english})
