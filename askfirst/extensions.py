"""Extensions, bound to an app in create_app."""

import logging
import time
from functools import wraps

from flask import Flask, Response, request
from flask.logging import default_handler
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

babel = Babel()

# The routes that cost work, and the config key of each one's limit. GET on a step
# is cheap and can't be abused more than any page; posting a step and building a
# sheet are what a bot would hammer, and so is building QR codes on the partners page.
RATE_LIMITS = (
    ("check.step", "RATELIMIT_FORM_POSTS", ["POST"]),
    ("check.review", "RATELIMIT_FORM_POSTS", ["POST"]),  # kiosk mode posts the review
    ("sheet.sheet", "RATELIMIT_SHEET", None),
    ("sheet.sheet_pdf", "RATELIMIT_PDF", None),
    ("clinic.partners", "RATELIMIT_PARTNERS", None),
    ("clinic.partners_qr", "RATELIMIT_PARTNERS", None),
    # The poster and the tablet's page make QR codes per request too (a country's, a link's).
    ("clinic.poster", "RATELIMIT_PARTNERS", None),
    ("tablet.tablet", "RATELIMIT_PARTNERS", None),
    ("clinic.poster_pdf", "RATELIMIT_PDF", None),
)
# Each limited endpoint and its limited methods (None: all of them).
LIMITED_METHODS = {endpoint: methods for endpoint, _config_key, methods in RATE_LIMITS}


# The request hooks that Flask-Limiter adds to the app (see _only_where_limited).
HOOK_LISTS = ("before_request_funcs", "after_request_funcs", "teardown_request_funcs")


def init_limiter(app: Flask) -> Limiter:
    """One Limiter per app: Flask-Limiter keeps its storage and switches on the object,
    so a shared one would mix the counts and settings of apps in the same process."""
    hooks_before = {name: len(getattr(app, name).get(None, ())) for name in HOOK_LISTS}
    # The key is the client address (after ProxyFix), counted and never written to disk.
    limiter = Limiter(key_func=get_remote_address, app=app)
    _only_where_limited(app, hooks_before)
    for endpoint, config_key, methods in RATE_LIMITS:
        view = app.view_functions[endpoint]
        limited = limiter.limit(app.config[config_key], methods=methods)(view)
        app.view_functions[endpoint] = limited if methods is None else _for_methods(methods, limited, view)
    app.after_request(lambda response: _retry_after(limiter, response))
    # Flask-Limiter's own logger writes nowhere by default; its warnings (the store is
    # unreachable, counting falls back to memory) belong in the server's error log. They
    # name no request. Its info messages name client addresses, so they stay out.
    limiter_log = logging.getLogger("flask-limiter")
    limiter_log.setLevel(logging.WARNING)
    if default_handler not in limiter_log.handlers:
        limiter_log.addHandler(default_handler)
    app.extensions["askfirst_limiter"] = limiter
    return limiter


def _is_limited() -> bool:
    """Whether this request is one that RATE_LIMITS names: its endpoint and method."""
    if request.endpoint not in LIMITED_METHODS:
        return False
    methods = LIMITED_METHODS[request.endpoint]
    return methods is None or request.method in methods


def _only_where_limited(app: Flask, hooks_before: dict[str, int]) -> None:
    """Flask-Limiter's own request hooks run only for the requests RATE_LIMITS names.

    Profiling showed them costing about 130 µs on every request with limits on (20 µs
    with them off), more than a content page's whole work, though no page, GET of a step
    or static file is ever limited: there are no default or application-wide limits.
    For the routes that are limited, the decorator on the view counts and refuses as
    before; the hooks around it are Flask-Limiter's own, unchanged."""
    for name in HOOK_LISTS:
        hooks = getattr(app, name).setdefault(None, [])
        hooks[hooks_before[name]:] = [_when_limited(hook) for hook in hooks[hooks_before[name]:]]


def _when_limited(hook):
    @wraps(hook)
    def hook_when_limited(*args):
        # An after_request hook hands the response on; a before_request hook must give
        # None, or Flask would take what it gives for the answer.
        return hook(*args) if _is_limited() else (args[0] if args else None)

    return hook_when_limited


def _for_methods(methods: list[str], limited, view):
    """The view behind its limit for `methods` only: a GET of a step skips the limiter's
    checks, which would find nothing to count."""
    @wraps(view)
    def view_limited_for_methods(**values):
        return (limited if request.method in methods else view)(**values)

    return view_limited_for_methods


def _retry_after(limiter: Limiter, response: Response) -> Response:
    """Seconds until the breached limit's window ends, on a 429 only (the X-RateLimit-*
    headers that Flask-Limiter would add to every answer are off)."""
    if response.status_code == 429 and "Retry-After" not in response.headers:
        limit, seconds = limiter.current_limit, 60
        if limit is not None:
            try:
                seconds = int(limit.reset_at - time.time())
            except Exception:  # the store failed just now: the window's length is a safe answer
                seconds = limit.limit.get_expiry()
        response.headers["Retry-After"] = str(max(1, seconds))
    return response


def rate_limit_store_reachable(app: Flask) -> bool:
    """Whether the shared rate-limit store answers now (always true for memory)."""
    limiter = app.extensions.get("askfirst_limiter")
    if limiter is None or not limiter.enabled:
        return True
    return bool(limiter.storage.check())
