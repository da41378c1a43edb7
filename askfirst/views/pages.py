"""The long pages written in Markdown, and `/`, which picks a language."""

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for

from .. import flow, mode
from ..answers import from_multidict
from ..caching import public
from ..content import PAGES
from ..i18n import browser_choice, current
from ..jurisdiction import resolve
from . import library, parts

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


# The rights page can show the rights box of one place: its chooser asks these answers.
PLACE_FIELDS = ("country", "province", "land", "operator")


@bp.route("/<name>", methods=["GET", "POST"])
def page(name: str):
    if name not in PAGES or name == "home":
        abort(404)
    if name == "rights" and (request.method == "POST" or request.args):
        return rights_for_place()
    if request.method == "POST":
        abort(405)
    return _show(name)


def rights_for_place():
    """The rights page with the box of the place chosen below it (`?country=ca&province=on`):
    rendered per request, and, like every answer-bearing response, never stored."""
    answers = from_multidict(mode.values())
    steps = [step for step in flow.STEPS if step.name in PLACE_FIELDS and step.applies(answers)]
    place = resolve(answers) if answers["country"] else None
    return make_response(render_template(
        "page.html", page=library().page("rights", current()), place_steps=steps, answers=answers,
        place_box=parts().rights(place.key, current()) if place else None))
