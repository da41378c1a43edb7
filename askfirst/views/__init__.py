"""The site's views, one blueprint per part: pages, the check and sheet, errors."""

from flask import Response, current_app, render_template, request
from markupsafe import Markup

from ..content import Library
from ..i18n import current


def library() -> Library:
    return current_app.extensions["askfirst_library"]


def private(response: Response) -> Response:
    """For pages that show a patient's answers: never kept by a browser or proxy cache."""
    response.headers["Cache-Control"] = "no-store"
    return response


def public(response: Response) -> Response:
    """For pages the same for everyone: cacheable for the configured time."""
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['CONTENT_CACHE_SECONDS']}"
    return response


def rendered_once(kind: str, name: str, render) -> Markup:
    """HTML that is the same for everyone in a language (a content page, the footer):
    rendered on first use per language and address prefix, then kept. `render` must use
    nothing from the request but its language; it may abort (nothing is kept then)."""
    key = (kind, name, current(), request.script_root)
    cache = current_app.extensions.setdefault("askfirst_rendered_once", {})
    html = cache.get(key)
    if html is None:
        html = cache[key] = Markup(render())
    return html


def static_part(name: str) -> Markup:
    """A part of the layout that is the same on every page of a language (the footer)."""
    return rendered_once("part", name, lambda: render_template(f"parts/{name}.html"))
