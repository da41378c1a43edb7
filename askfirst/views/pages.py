"""The long pages written in Markdown, and `/`, which picks a language."""

from flask import Blueprint, abort, make_response, redirect, render_template, url_for

from ..content import PAGES
from ..i18n import browser_choice, current
from . import library, public

root = Blueprint("root", __name__)
bp = Blueprint("pages", __name__, url_prefix="/<lang>")


@root.get("/")
def choose_language():
    response = redirect(url_for("pages.home", lang=browser_choice()), 302)
    response.headers["Vary"] = "Accept-Language"
    response.headers["Cache-Control"] = "no-cache"
    return response


def _render(name: str):
    page = library().page(name, current())
    if page is None:
        abort(404)
    return public(make_response(render_template("page.html", page=page)))


@bp.get("/")
def home():
    return _render("home")


@bp.get("/<name>")
def page(name: str):
    if name not in PAGES or name == "home":
        abort(404)
    return _render(name)
