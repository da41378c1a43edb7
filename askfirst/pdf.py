"""The sheet as a PDF, rendered by WeasyPrint from the same HTML as the page.

WeasyPrint may fetch only this site's own static files, read from disk: a PDF never
causes a request to anywhere. It needs Pango (a system library); without it the PDF
route answers 503 and the page still prints from the browser.
"""

import logging
import mimetypes
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger(__name__)
BASE_URL = "https://askfirst.invalid/"  # a name that resolves nowhere: relative links stay local


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


def _local_only(static_folder: Path):
    """A WeasyPrint URL fetcher that serves this site's static files from disk and data:
    URLs, and refuses everything else, so that rendering never touches the network."""
    weasyprint = _weasyprint()

    class LocalOnly(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if url.startswith(BASE_URL + "static/"):
                path = (static_folder / parts.path.removeprefix("/static/")).resolve()
                if path.is_relative_to(static_folder) and path.is_file():
                    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return weasyprint.urls.URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
            raise ValueError(f"the PDF may not load {url}")

    return LocalOnly()


def render(html: str, static_folder: str) -> bytes:
    folder = Path(static_folder).resolve()
    document = _weasyprint().HTML(string=html, base_url=BASE_URL, url_fetcher=_local_only(folder))
    return document.write_pdf()
