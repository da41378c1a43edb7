"""Extensions, bound to an app in create_app."""

from flask import Flask
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

babel = Babel()

# The routes that cost work, and the config key of each one's limit. GET on a step
# is cheap and can't be abused more than any page; posting a step and building a
# sheet are what a bot would hammer.
RATE_LIMITS = (
    ("check.step", "RATELIMIT_FORM_POSTS", ["POST"]),
    ("check.review", "RATELIMIT_FORM_POSTS", ["POST"]),  # kiosk mode posts the review
    ("sheet.sheet", "RATELIMIT_SHEET", None),
    ("sheet.sheet_pdf", "RATELIMIT_PDF", None),
)


def init_limiter(app: Flask) -> Limiter:
    """One Limiter per app: Flask-Limiter keeps its storage and switches on the object,
    so a shared one would mix the counts and settings of apps in the same process."""
    # The key is the client address (after ProxyFix), counted and never written to disk.
    limiter = Limiter(key_func=get_remote_address, app=app)
    for endpoint, config_key, methods in RATE_LIMITS:
        view = app.view_functions[endpoint]
        limit = app.config[config_key]
        app.view_functions[endpoint] = limiter.limit(limit, methods=methods)(view)
    app.extensions["askfirst_limiter"] = limiter
    return limiter
