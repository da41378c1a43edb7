"""The sheet's PDF, measured as WeasyPrint lays it out: body text at least 11 pt, two ruled
lines to write each answer, and at most two pages of its own paper, in several languages
and for the places whose rights boxes are longest (tests/test_browser_print.py measures the
same in Chromium). The PDF view's own HTML is measured by the renderers' engine in a process
of its own (tests/pdf_layout.py): the test process never loads WeasyPrint."""

import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_browser_print import LINE_MM, MM, PLACES, PRINT_LANGUAGES, SHEET_PAGES, TYPICAL

from askfirst import pdf
from conftest import LANGUAGES

pytestmark = pytest.mark.served  # it starts a process of its own


class Measurer:
    """Stands in for the PDF service: sends the HTML the view would have rendered to the
    measuring process, and keeps what it measured."""

    def __init__(self):
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).with_name("pdf_layout.py"))],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.measured = []

    def __call__(self, app):
        return self

    @contextmanager
    def slot(self, weight: int):
        yield self

    def render(self, html: str) -> bytes:
        data = html.encode("utf-8")
        self.process.stdin.write(b"%d\n" % len(data) + data)
        self.process.stdin.flush()
        self.measured.append(json.loads(self.process.stdout.readline()))
        return b"%PDF-measured"

    def close(self):
        self.process.stdin.close()
        self.process.wait(10)


@pytest.fixture(scope="module")
def measurer():
    measurer = Measurer()
    yield measurer
    measurer.close()


@pytest.fixture()
def measured(client, measurer, monkeypatch):
    """measured(lang, query) -> what the measuring process found in the sheet's PDF."""
    monkeypatch.setattr(pdf, "service", measurer)
    monkeypatch.setattr(pdf, "available", lambda: True)

    def _measured(lang: str, query: str) -> dict:
        assert client.get(f"/{lang}/sheet.pdf?{query}").status_code == 200
        return measurer.measured.pop()

    return _measured


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_body_text_is_at_least_11_points_with_two_lines_for_each_answer(measured, lang):
    sheet = measured(lang, TYPICAL)
    assert sheet["smallest_pt"] is not None and sheet["smallest_pt"] >= 11 - 0.01, sheet["smallest_pt"]
    assert sheet["spaces"]
    for space in sheet["spaces"]:
        assert space["lines"] == 2, space
        assert space["first"] >= LINE_MM * MM and space["rest"] >= LINE_MM * MM, space


# The places with the longest sheets, on Letter (US, Ontario) and on A4 (France, Germany).
@pytest.mark.parametrize("place", ["us", "ca-on", "fr", "de-any"])
@pytest.mark.parametrize("lang", PRINT_LANGUAGES)
def test_the_pdf_prints_within_its_pages_on_its_own_paper(measured, lang, place):
    assert measured(lang, PLACES[place])["pages"] <= SHEET_PAGES
