"""The long pages written in Markdown, and `/`, which picks a language."""

from flask import Blueprint, abort, make_response, redirect, render_template, url_for

from .. import kiosk
from ..content import PAGES
from ..i18n import browser_choice, current
from . import library, private, public, rendered_once

root = Blueprint("root", __name__)
bp = Blueprint("pages", __name__, url_prefix="/<lang>")


@root.get("/")
def choose_language():
    response = redirect(url_for("pages.home", lang=browser_choice()), 302)
    response.headers["Vary"] = "Accept-Language"
    response.headers["Cache-Control"] = "no-cache"
    return response


def _render(name: str):
    """A content page is the same for everyone who asks in the same language, so it is
    rendered once and kept (a few kilobytes per page and language)."""
    def render():
        page = library().page(name, current())
        if page is None:
            abort(404)
        return render_template("page.html", page=page)

    html = rendered_once("page", name, render)
    # In kiosk mode nothing is kept either, so that Back after "Finish" shows nothing.
    return (private if kiosk.active() else public)(make_response(html))


@bp.get("/")
def home():
    return _render("home")


@bp.get("/<name>")
def page(name: str):
    if name not in PAGES or name == "home":
        abort(404)
    return _render(name)
