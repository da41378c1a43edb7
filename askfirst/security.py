"""Response headers that every response carries: pages, errors and static files alike.

A few lines here rather than Flask-Talisman: AskFirst needs a fixed set of headers and
nothing else Talisman does (it also manages cookies and forces HTTPS redirects, which
belong to the reverse proxy), and a reader can see the whole policy in one place.
"""

import hashlib
from pathlib import Path

from flask import Flask

# Everything from this site only; no script or style inline, so an injected tag can't run.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",  # the inline icon; an image can't run code
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
])
# No feature a question sheet could need; denying them means no embedded thing can ask.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope",
    "hid", "magnetometer", "microphone", "midi", "payment", "serial", "usb",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
HSTS = "max-age=31536000"
# Static files carry their content hash in the URL, so browsers may keep them a year.
STATIC_MAX_AGE = 365 * 24 * 3600


HEADER_ITEMS = list(HEADERS.items())


class SecurityHeaders:
    """WSGI middleware: every response the app sends gets the headers, whatever made it
    (a view, an error page, a static file). Appending them where the response starts
    costs a fraction of Werkzeug's checked header updates on each response object."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            headers.extend(HEADER_ITEMS)
            # Behind a proxy, ProxyFix (outside this middleware) has set the scheme from
            # X-Forwarded-Proto; HSTS means something only over HTTPS.
            if environ.get("wsgi.url_scheme") == "https":
                headers.append(("Strict-Transport-Security", HSTS))
            return start_response(status, headers, exc_info)

        return self.app(environ, start)


def static_versions(folder: Path) -> dict[str, str]:
    """A short content hash per static file, computed once at start-up."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            for path in folder.rglob("*") if path.is_file()}


def init_app(app: Flask) -> None:
    app.wsgi_app = SecurityHeaders(app.wsgi_app)
    versions = static_versions(Path(app.static_folder))
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = STATIC_MAX_AGE

    @app.url_defaults
    def version_static_urls(endpoint, values):
        # `?v=<hash>`: a changed file gets a new URL, so the long cache never serves it stale.
        if endpoint == "static" and values.get("filename") in versions:
            values.setdefault("v", versions[values["filename"]])
