"""The long pages written in Markdown, and `/`, which picks a language."""

from flask import Blueprint, abort, make_response, redirect, url_for

from ..caching import public
from ..content import PAGES
from ..i18n import browser_choice, current
from . import parts

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


@bp.get("/<name>")
def page(name: str):
    if name not in PAGES or name == "home":
        abort(404)
    return _show(name)
