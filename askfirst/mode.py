"""The mode a request is in: the ordinary web site, or kiosk mode for a shared screen.

Kiosk mode is for a tablet or PC in a waiting room. It is on when the clinic's copy says
so (ASKFIRST_KIOSK=1) or for any URL under /kiosk/. The prefix is moved into SCRIPT_NAME
by a small WSGI middleware, so every link the app builds stays in kiosk mode without a
second set of routes.

Everything that differs in kiosk mode is declared here, once, as a property of the mode;
views and templates ask the mode (`mode.downloads`), never "are we in a kiosk?".

In kiosk mode answers never appear in a URL: every move is posted and the page is shown
in the response (no redirect), so after "Finish and clear", or after the idle time sends
the screen back to the start, Back finds only pages that were posted and never stored
(no-store): the browser has nothing of the previous patient to show.
"""

from dataclasses import dataclass, replace

from flask import current_app, g, has_request_context, request
from werkzeug.exceptions import MethodNotAllowed

PREFIX = "/kiosk"
ENVIRON_KEY = "askfirst.kiosk"


@dataclass(frozen=True)
class Mode:
    name: str
    # The part of every URL that keeps a request in this mode ("" or "/kiosk").
    prefix: str
    # Answers travel only in posted forms: each link that would carry them is a button.
    posts_answers: bool
    # Files to take away (PDF, calendar file) and e-mail links: a shared screen keeps none.
    downloads: bool
    # Links that leave the site: on a shared screen they would lead the next person astray.
    outside_links: bool
    # Back to the start after a time without input, and a "Finish and clear" button.
    idle_reset: bool
    # Whether a page that is the same for everyone may be kept by a browser or proxy.
    pages_cacheable: bool
    # The sheet shows a QR code that takes it, answers and all, to the patient's own phone:
    # a shared screen keeps no file, so the code is how the sheet leaves with them.
    phone_handoff: bool
    # Whether search engines may index its pages (those the same for everyone): a shared
    # screen's pages are for the people in the room, and never in search results.
    indexable: bool


WEB = Mode("web", "", posts_answers=False, downloads=True, outside_links=True, idle_reset=False,
           pages_cacheable=True, phone_handoff=False, indexable=True)
KIOSK = Mode("kiosk", PREFIX, posts_answers=True, downloads=False, outside_links=False, idle_reset=True,
             pages_cacheable=False, phone_handoff=True, indexable=False)


# The idle warning ("Are you still there?") shows this long before the idle time is up, or
# for half of an idle time shorter than twice this.
IDLE_WARNING_SECONDS = 20


def idle_warning_seconds(idle: int) -> int:
    return max(1, min(IDLE_WARNING_SECONDS, idle // 2))


def modes_of(config) -> tuple[Mode, ...]:
    """The modes an app serves: a kiosk copy serves only kiosk mode, at the site's root."""
    if config["KIOSK"]:
        return (replace(KIOSK, prefix=""),)
    return (WEB, KIOSK)


def current() -> Mode:
    """The mode of this request; decided here and nowhere else."""
    if not has_request_context():
        return WEB
    try:
        return g._askfirst_mode  # asked several times a request: decided on the first
    except AttributeError:
        pass
    config = current_app.config
    served = modes_of(config)
    mode = g._askfirst_mode = served[-1] if (config["KIOSK"] or request.environ.get(ENVIRON_KEY)) else served[0]
    return mode


def values():
    """Where a page that shows answers reads them: the query string of a GET, or in a
    posting mode the posted form. Outside such a mode a page is never posted: 405."""
    if request.method != "POST":
        return request.args
    if not current().posts_answers:
        raise MethodNotAllowed(valid_methods=["GET", "HEAD"])
    return request.form


def answers_posted() -> bool:
    """Whether this page was posted, answers and all, to a view that takes posts: then
    whatever leads to the same page in another language must post them too."""
    if not has_request_context() or not current().posts_answers or request.method != "POST":
        return False
    rule = request.url_rule
    return rule is not None and "POST" in (rule.methods or ())


def show_as(endpoint: str, values: dict) -> None:
    """Says which page a response shows, when it is not the page its URL names: in a
    posting mode a step posted is answered with the next step, at the posted step's URL."""
    g._askfirst_shown = (endpoint, values)


def shown() -> tuple[str, dict]:
    """The page this response shows: its endpoint and path values (without the language)."""
    return g.get("_askfirst_shown") or (request.endpoint, dict(request.view_args or {}))


def shows(form) -> bool:
    """A posted "show" asks a step to show itself with these answers, not to check them:
    the posted form of what a link does outside a posting mode (Back, Change)."""
    return current().posts_answers and "show" in form


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
