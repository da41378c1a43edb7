"""Extensions, made here and bound to an app in create_app."""

from flask import current_app
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

babel = Babel()
# The key is the client address, which is counted and never written anywhere.
limiter = Limiter(key_func=get_remote_address)


def form_post_limit() -> str:
    return current_app.config["RATELIMIT_FORM_POSTS"]


def sheet_limit() -> str:
    return current_app.config["RATELIMIT_SHEET"]
