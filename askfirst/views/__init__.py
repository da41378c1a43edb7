"""The site's views, one blueprint per part: pages, the check and sheet, errors."""

from flask import Response, current_app

from ..content import Library


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
