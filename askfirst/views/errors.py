"""Error pages in the site's layout and the reader's language, for every HTTP error.

Unexpected exceptions become the 500 page: a patient never sees a stack trace.
"""

from flask import current_app, make_response, render_template, request
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from .. import review_notice
from ..i18n import lazy_gettext as _l

# Status -> (title, what to do). Statuses not listed use the 400 text.
MESSAGES = {
    400: (_l("Something in the request was wrong"),
          _l("The page could not understand what was sent. Go back and try again.")),
    404: (_l("Page not found"),
          _l("There is no page at this address. Check the address, or start from the home page.")),
    405: (_l("This page cannot be used that way"),
          _l("Go back to the page before and use its buttons and links.")),
    413: (_l("Too much was sent"),
          _l("The form sent more than this site accepts. Go back and try again.")),
    429: (_l("Too many requests"),
          _l("Please wait a minute, then try again.")),
    503: (_l("This is not available right now"),
          _l("Please try again later. You can still print the sheet from your browser.")),
    500: (_l("Something went wrong on our side"),
          _l("This is not your fault. Please try again in a few minutes.")),
}


def render_error(error: HTTPException):
    if isinstance(error, SecurityError):
        _links_for_own_host()
    code = error.code or 500
    title, advice = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
    review_notice.shows("error")
    response = make_response(render_template("error.html", code=code, title=title, advice=advice), code)
    # Keep the headers an error needs (Allow on 405, Retry-After on 429).
    kept = dict(error.get_headers())
    for header in ("Allow", "Retry-After"):
        if header in kept:
            response.headers[header] = kept[header]
    return response  # never marked public, so caching.py sends it no-store


def _links_for_own_host() -> None:
    """A request for a host not in TRUSTED_HOSTS is refused before Flask can build URLs,
    and the error page needs them: build them for the site's own host, never the other."""
    if request_ctx.url_adapter is None and current_app.config["TRUSTED_HOSTS"]:
        environ = {**request.environ, "HTTP_HOST": current_app.config["TRUSTED_HOSTS"][0]}
        request_ctx.url_adapter = current_app.url_map.bind_to_environ(environ, subdomain="")


def register(app) -> None:
    app.register_error_handler(HTTPException, render_error)
    # Anything unexpected: Flask passes it wrapped in an InternalServerError.
    app.register_error_handler(InternalServerError, render_error)
