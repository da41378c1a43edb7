"""QR codes as inline SVG (segno, pure Python): no image request, nothing from elsewhere."""

from functools import lru_cache

import segno
from flask import current_app, request
from markupsafe import Markup


def public_url(path: str) -> str:
    """An absolute URL on this site: the configured public address, else this request's."""
    base = current_app.config["PUBLIC_BASE_URL"] or request.host_url.rstrip("/")
    return f"{base}{path}"


@lru_cache(maxsize=128)
def qr_svg(url: str) -> Markup:
    """The QR code for `url`, hidden from screen readers: the address is printed beside it."""
    svg = segno.make(url, error="m").svg_inline(scale=2, border=2, svgclass="qr", lineclass=None, omitsize=True)
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
