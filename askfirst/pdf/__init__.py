"""The sheet as a PDF, rendered by WeasyPrint from the same HTML as the page (engine.py),
with print rules of its own that look the same without flex layout (print.css).

It needs Pango (a system library); without it the PDF route answers 503 and the page
still prints from the browser.
"""

import logging
from functools import lru_cache

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _weasyprint():
    try:
        import weasyprint
    except OSError as error:  # Pango or its fonts missing
        log.warning("PDF download is off: WeasyPrint cannot load (%s)", error)
        return None
    return weasyprint


def available() -> bool:
    return _weasyprint() is not None


def warm_up() -> None:
    _weasyprint()


@lru_cache(maxsize=4)
def _engine(static_folder: str):
    from .engine import Engine
    engine = Engine(static_folder)
    engine.warm_up()
    return engine


def render(html: str, static_folder: str) -> bytes:
    return _engine(static_folder).render(html)
