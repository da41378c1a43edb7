"""WeasyPrint, set up once and then used for many documents.

Only a renderer process imports this module (see renderer.py): WeasyPrint and its fonts
would add tens of megabytes to any process that loaded them.

WeasyPrint may fetch only this site's own static files, read from disk, and data: URLs: a
PDF never causes a request to anywhere. The site's stylesheet and the PDF's own print
layout (print.css) are parsed once, with one font configuration, and reused for every
document: parsing them and loading the fonts' configuration anew cost tens of
milliseconds a PDF. The engine keeps nothing of a document once it is rendered.
"""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import weasyprint
from weasyprint.text.fonts import FontConfiguration

BASE_URL = "https://askfirst.invalid/"  # a name that resolves nowhere: relative links stay local
STATIC_URL = BASE_URL + "static/"
SITE_CSS = "style.css"
PRINT_CSS = Path(__file__).resolve().parent / "print.css"

# Before the first real document: every script the sheet is written in (so that each
# font is found and loaded), bold and regular, and a long word in each language that
# WeasyPrint hyphenates (so that each hyphenation dictionary is read).
WARM_UP_WORDS = {
    "en": "responsibilities", "es": "responsabilidades", "fr": "responsabilités",
    "de": "Datenschutzbeauftragter", "da": "databeskyttelsesrådgiver", "pt-BR": "responsabilidades",
    "vi": "Câu hỏi về hình ảnh của tôi", "zh-Hans": "我的影像问题，谁会拿到副本？",
    "ar": "أسئلتي عن صوري الطبية",
}


class LocalOnly(weasyprint.urls.URLFetcher):
    """Serves this site's static files from disk and data: URLs, and refuses everything
    else. The site's stylesheet comes back empty: the engine has it parsed already."""

    def __init__(self, static_folder: Path):
        super().__init__()
        self.static_folder = static_folder

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if url.startswith(STATIC_URL):
            name = parts.path.removeprefix("/static/")
            if name == SITE_CSS:
                return weasyprint.urls.URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            path = (self.static_folder / name).resolve()
            if path.is_relative_to(self.static_folder) and path.is_file():
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return weasyprint.urls.URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        raise ValueError(f"the PDF may not load {url}")


class Engine:
    def __init__(self, static_folder: str):
        folder = Path(static_folder).resolve()
        self.fetcher = LocalOnly(folder)
        self.fonts = FontConfiguration()
        # Given to WeasyPrint as user stylesheets: the page links no other (its link to
        # style.css fetches an empty one) and has no inline style (the CSP forbids it), so
        # these rules are the page's own, style.css first and print.css over it.
        self.stylesheets = [self._css((folder / SITE_CSS).read_text(encoding="utf-8"), STATIC_URL + SITE_CSS),
                            self._css(PRINT_CSS.read_text(encoding="utf-8"), STATIC_URL)]

    def _css(self, text: str, base_url: str):
        return weasyprint.CSS(string=text, base_url=base_url, url_fetcher=self.fetcher, font_config=self.fonts)

    def layout(self, html: str) -> weasyprint.Document:
        """The document laid out in pages, before it is written: its boxes, for the tests
        that measure the printed sheet."""
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=self.fetcher)
        return document.render(stylesheets=self.stylesheets, font_config=self.fonts)

    def render(self, html: str) -> bytes:
        return self.layout(html).write_pdf()

    def warm_up(self) -> None:
        questions = [_question(lang, word) for lang, word in WARM_UP_WORDS.items()]
        # Again in narrow columns, so that the long words must be hyphenated.
        narrow = [f'<div class="pair" style="inline-size: 12em">{question}{question}</div>' for question in questions]
        self.render(f'<!doctype html><html lang="en"><body><main class="sheet">{"".join(questions + narrow)}</main>')


def _question(lang: str, word: str) -> str:
    """A question of the sheet with the same word everywhere, as templates/sheet/ builds it."""
    explain = "".join(f"<div><dt>{word}</dt><dd>{word} {word}</dd></div>" for _ in range(3))
    return (f'<div class="question" lang="{lang}"><p class="ask"><input type="checkbox"><label>{word}</label></p>'
            f'<dl class="explain">{explain}</dl></div>')
