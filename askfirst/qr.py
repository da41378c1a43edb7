"""QR codes as inline SVG (segno, pure Python): no image request, nothing from elsewhere."""

import segno
from flask import current_app
from markupsafe import Markup

from . import mode


def public_url(path: str) -> str:
    """An absolute URL on this site, from the configured public address only: a request's
    own Host header never decides where a printed code or a shared link points."""
    return f"{current_app.config['PUBLIC_BASE_URL']}{path}"


def web_path(path: str) -> str:
    """A path built in kiosk mode (`/kiosk/en/sheet?...`) as the ordinary web site's
    (`/en/sheet?...`): where a code shown on a shared screen leads a patient's own phone."""
    prefix = mode.current().prefix
    return path[len(prefix):] if prefix and path.startswith(prefix + "/") else path


def qr_svg(url: str) -> Markup:
    """The QR code for `url`, hidden from screen readers: the address is printed beside it.

    Not cached here: the codes of fixed addresses are kept in the prerendered store, and
    a code for a link with answers in it must not outlive its request."""
    svg = segno.make(url, error="m").svg_inline(scale=2, border=2, svgclass="qr", lineclass=None, omitsize=True)
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
