"""The long pages written in Markdown, and `/`, which picks a language."""

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for

from .. import flow, mode, pieces, review_map, review_notice, situations
from ..answers import from_multidict
from ..caching import public
from ..content import PAGES
from ..content_layout import PLACE_PAGES
from ..i18n import browser_choice, current
from ..jurisdiction import resolve
from . import library, parts
from .letters import Letters

root = Blueprint("root", __name__)
bp = Blueprint("pages", __name__, url_prefix="/<lang>")


@root.get("/")
def choose_language():
    response = redirect(url_for("pages.home", lang=browser_choice()), 302)
    response.headers["Vary"] = "Accept-Language"
    return response


def _show(name: str):
    """A content page is the same for everyone in a language and mode: it was rendered at
    start-up, and may be kept by browsers and proxies (where the mode allows)."""
    return public(make_response(parts().page(name, current())))


@bp.get("/")
def home():
    return _show("home")


# The rights page and the breach page (PLACE_PAGES) can show what applies in one place:
# their chooser asks these answers.
PLACE_FIELDS = ("country", "state", "province", "land", "operator")
# What the rights page adds for a chosen place: acting for someone else, and officials.
RIGHTS_BOXES = ("acting_other", "acting_child", "officials")


@bp.get("/<name>")
def page(name: str):
    if name not in PAGES or name == "home":
        abort(404)
    if name in PLACE_PAGES and request.args:
        return page_for_place(name)
    return _show(name)


# Only in kiosk mode, where answers are posted rather than put in a link (mode.values()
# answers 405 elsewhere): the chooser of the rights and breach pages.
@bp.post("/<any(rights, breach):name>")
def page_posted(name: str):
    return page_for_place(name)


def page_for_place(name: str):
    """The rights or breach page with what applies in the place chosen below it
    (`?country=ca&province=on`): rendered per request, and, like every answer-bearing
    response, never stored."""
    values = mode.values()
    answers = from_multidict(values)
    steps = [step for step in flow.STEPS if step.name in PLACE_FIELDS and step.applies(answers)]
    place = resolve(answers) if answers["country"] else None
    lang = current()
    breach = None
    if name == "breach" and place is not None:
        breach = {"rules": library().breach(place.texts, lang),
                  "letter": Letters(place, answers, (), (), None).stage("breach", lang)}
    boxes = []
    if name == "rights" and place is not None:
        for kind in RIGHTS_BOXES:
            key = situations.entry_key(library(), situations.SECTION_OF_KIND[kind], place)
            if key is not None:
                boxes.append(getattr(parts(), kind)(key, lang))
    shown = [pieces.breach(library().breach_id(place.texts)), pieces.LADDER] if breach else []
    if boxes:
        shown += review_map.situation_pieces(library(), place, RIGHTS_BOXES)
    review_notice.shows("place-page", [*review_map.page_pieces(library(), name), *shown],
                        place.key if place else None)
    return make_response(render_template(
        "page.html", page=library().page(name, lang), place_steps=steps, answers=answers,
        place_box=parts().rights(place.key, lang) if place else None, breach=breach, place_situations=boxes))
