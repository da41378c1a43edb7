"""Content pages answered without Flask: each one's whole response, recorded from the app
itself at start-up, is sent again as it is.

A content page is the same for everyone in a language (prerendered.py). Profiling showed
such a page costing about twice Flask's own "hello world" (80 µs against 40), all of it
the same work on every request: a request context, URL matching, the language from the
path, the store, a response object, the caching policy, the rate limiter's hooks. None of
it can give another answer for the same address, so the answer is made once: at
start-up each content page is asked for through the whole app, and its status, headers
and body are kept when the app itself marked it public (caching.py). A later GET of that
very address, with no query string, is answered from what was kept.

Anything else goes to Flask as before: another method, any query string (it may hold
answers), kiosk mode (its pages are never kept by browsers), a host the site does not
answer for (Flask refuses it), and everything with PRERENDER off (pages change as their
files do). Nothing a request sends is recorded: only what the app answered to requests
made here, before any visitor.
"""

from flask import Flask
from werkzeug.exceptions import SecurityError
from werkzeug.wsgi import get_host

from . import mode
from .content import PAGES

# The views of the content pages (views/pages.py), the only ones asked for at start-up.
CONTENT_VIEWS = ("pages.home", "pages.page")


def page_paths(languages) -> list[str]:
    """Every content page's address, in every language offered."""
    return [f"/{lang}/" if name == "home" else f"/{lang}/{name}" for lang in languages for name in PAGES]


class KeptPages:
    """WSGI middleware in front of Flask (inside the one that adds the security headers,
    so that those are added to a kept page as to any other)."""

    def __init__(self, wsgi_app):
        self.app = wsgi_app
        self.kept: dict[str, tuple[str, list, bytes]] = {}  # path -> status, headers, body
        self.trusted_hosts = None

    def record(self, app: Flask) -> None:
        """Ask the app for each content page, as its WSGI entry would, and keep the answers
        that it marked public. With PRERENDER off, keep none."""
        app.extensions["askfirst_kept_pages"] = self
        if not app.config["PRERENDER"]:
            return
        self.trusted_hosts = app.config["TRUSTED_HOSTS"]
        for path in page_paths(app.config["LANGUAGES"]):
            # Flask.full_dispatch_request less its "first request handled" mark, which
            # would stop tests (and extensions) from setting the app up further.
            with app.test_request_context(path, base_url=app.config["PUBLIC_BASE_URL"]) as context:
                # Only the content pages' own views: a name that another view answers (the
                # tablet's page, the poster) may be rate limited, and asking for it here
                # would count against a client's limit.
                if context.request.endpoint not in CONTENT_VIEWS:
                    continue
                response = app.process_response(app.make_response(
                    app.preprocess_request() or app.dispatch_request()))
                body, status, headers = response.get_wsgi_response(context.request.environ)
                if status.startswith("200 ") and dict(headers).get("Cache-Control", "").startswith("public"):
                    self.kept[path] = (status, headers, b"".join(body))

    def __call__(self, environ, start_response):
        kept = self.kept.get(environ.get("PATH_INFO", ""))
        if (kept is None or environ.get("REQUEST_METHOD") != "GET" or environ.get("QUERY_STRING")
                or environ.get(mode.ENVIRON_KEY) or not self._host_answered(environ)):
            return self.app(environ, start_response)
        status, headers, body = kept
        start_response(status, list(headers))  # a copy: the next middleware adds to it
        return [body]

    def _host_answered(self, environ) -> bool:
        """Whether the site answers for the request's host (ASKFIRST_PUBLIC_BASE_URL);
        if not, Flask refuses it as for any other page."""
        if self.trusted_hosts is None:
            return True
        try:
            get_host(environ, self.trusted_hosts)
        except SecurityError:
            return False
        return True
