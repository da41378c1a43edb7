"""The sheet's PDF, measured as WeasyPrint lays it out: body text at least 11 pt, two ruled
lines to write each answer, and at most two pages of its own paper, in several languages
and for the places whose rights boxes are longest (tests/test_browser_print.py measures the
same in Chromium). The PDF is rendered in this process by the renderers' own engine, from
exactly the HTML the PDF view sends, so that its boxes can be measured."""

from contextlib import contextmanager

import pytest
from test_browser_print import LINE_MM, MM, PLACES, PRINT_LANGUAGES, TYPICAL

from askfirst import pdf
from askfirst.pdf.engine import Engine

POINT = 96 / 72  # CSS pixels per point
# Classes of the sheet's body text, and of the fine print that may be smaller (the source
# of a rights box, the disclaimer, the QR code's address).
BODY_TEXT = {"sheet-intro", "staff-note", "sheet-header", "ask", "explain", "rights", "law", "authorities"}
FINE_PRINT = {"source", "disclaimer", "made-by", "qr-block", "url"}


class InProcess:
    """Stands in for the PDF service: renders in this process and keeps each laid-out
    document for the test to measure."""

    def __init__(self, static_folder: str):
        self.engine = Engine(static_folder)
        self.documents = []

    def __call__(self, app):
        return self

    @contextmanager
    def slot(self, weight: int):
        yield self

    def render(self, html: str) -> bytes:
        self.documents.append(self.engine.layout(html))
        return self.documents[-1].write_pdf()


@pytest.fixture(scope="module")
def renderer(app):
    return InProcess(app.static_folder)


@pytest.fixture()
def laid_out(client, renderer, monkeypatch):
    """laid_out(lang, query) -> the sheet's PDF as WeasyPrint laid it out."""
    monkeypatch.setattr(pdf, "service", renderer)
    monkeypatch.setattr(pdf, "available", lambda: True)

    def _laid_out(lang: str, query: str):
        response = client.get(f"/{lang}/sheet.pdf?{query}")
        assert response.status_code == 200 and response.data.startswith(b"%PDF")
        return renderer.documents.pop()

    return _laid_out


def boxes(document):
    """Every box of every page, with the classes of its element and of the elements it is in."""
    def walk(box, inherited):
        own = set(((box.element.get("class") or "") if box.element is not None else "").split())
        yield box, inherited | own
        for child in getattr(box, "children", ()):
            yield from walk(child, inherited | own)

    for page in document.pages:
        yield from walk(page._page_box, set())


@pytest.mark.parametrize("lang", ["en", "de", "ar", "zh-hans", "vi"])
def test_pdf_body_text_is_at_least_11_points_with_two_lines_for_each_answer(laid_out, lang):
    document = laid_out(lang, TYPICAL)
    text_sizes = [box.style["font_size"] for box, names in boxes(document)
                  if type(box).__name__ == "TextBox" and names & BODY_TEXT and not names & FINE_PRINT]
    assert text_sizes and min(text_sizes) >= 11 * POINT - 0.01, min(text_sizes) / POINT
    spaces = [box for box, names in boxes(document)
              if "answer-space" in names and box.element_tag == "p" and type(box).__name__ == "BlockBox"]
    assert spaces
    for space in spaces:
        # The line under the first line of writing (::before) and the box's own bottom line.
        first = next(child for child in space.children if child.element_tag == "p::before")
        assert first.border_bottom_width > 0 and space.border_bottom_width > 0
        assert first.border_height() >= LINE_MM * MM
        assert space.border_height() - first.border_height() >= LINE_MM * MM


# The places with the longest sheets, on Letter (US, Ontario) and on A4 (France, Germany).
@pytest.mark.parametrize("place", ["us", "ca-on", "fr", "de-any"])
@pytest.mark.parametrize("lang", PRINT_LANGUAGES)
def test_the_pdf_prints_on_two_pages_of_its_own_paper(laid_out, lang, place):
    assert len(laid_out(lang, PLACES[place]).pages) <= 2
