"""Who may keep a response: nobody, unless its view says it is the same for everyone.

Every response leaves as `no-store` (browsers and proxies keep nothing) unless the view
marked it public with `public(response)`, and even then only when it is a success and its
request had no query string: a query string may hold a patient's answers. Redirects and
error pages are never public, whatever a view says.
"""

from flask import Flask, Request, Response, current_app, request

from . import mode

# Statuses that may be kept: a success, or "not modified" for a file a browser already has.
KEEPABLE = (200, 304)
# Static files carry their content hash in `?v=`: that query is ours and holds no answer.
STATIC_VERSION_ARG = "v"


def public(response: Response, max_age: int | None = None) -> Response:
    """Mark a response as the same for everyone; `max_age` defaults to the content setting."""
    response.askfirst_max_age = current_app.config["CONTENT_CACHE_SECONDS"] if max_age is None else max_age
    return response


def _query_is_plain(here: Request) -> bool:
    if here.endpoint == "static":
        return set(here.args) <= {STATIC_VERSION_ARG}
    return not here.query_string


def _keepable_here(here: Request) -> bool:
    """A static file is the same in every mode; a page is kept only where the mode allows it."""
    return here.endpoint == "static" or mode.current().pages_cacheable


def apply_policy(response: Response) -> Response:
    max_age = getattr(response, "askfirst_max_age", None)
    # Most answers were never marked public (every page with answers): no-store without
    # looking at the request (profiled: its checks made five context lookups a request).
    if max_age is not None and response.status_code in KEEPABLE:
        here = request._get_current_object()
        if _query_is_plain(here) and _keepable_here(here):
            response.headers["Cache-Control"] = f"public, max-age={max_age}"
            return response
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.after_request(apply_policy)
    # Flask's own static view: its files are the same for everyone, and versioned.
    serve_static = app.view_functions["static"]
    app.view_functions["static"] = lambda **kwargs: public(
        app.make_response(serve_static(**kwargs)), app.config["SEND_FILE_MAX_AGE_DEFAULT"])
