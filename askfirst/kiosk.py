"""Kiosk mode, for a shared tablet or PC in a waiting room.

On when the clinic's copy says so (ASKFIRST_KIOSK=1) or for any URL under /kiosk/. The
prefix is moved into SCRIPT_NAME by a small WSGI middleware, so every link the app builds
stays in kiosk mode without a second set of routes.

In kiosk mode answers never appear in a URL: each step is posted and the next one is
shown in the response (no redirect), so after "Finish and clear", or after the idle time
sends the screen back to the start, Back finds only pages that were posted and never
stored (no-store): the browser has nothing of the previous patient to show.
"""

from flask import current_app, request

PREFIX = "/kiosk"
ENVIRON_KEY = "askfirst.kiosk"


class KioskPrefix:
    """WSGI middleware: /kiosk/... is served as ... with /kiosk as the script root."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == PREFIX or path.startswith(PREFIX + "/"):
            environ[ENVIRON_KEY] = True
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + PREFIX
            environ["PATH_INFO"] = path[len(PREFIX):] or "/"
        return self.app(environ, start_response)


def active() -> bool:
    return bool(current_app.config["KIOSK"] or request.environ.get(ENVIRON_KEY))
