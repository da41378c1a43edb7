"""The sheet printed by Chromium: at most two pages at A4 and at Letter in every language,
for a typical selection (a CT scan in the US, at an imaging centre, images on a portal,
worried about sharing); no question split over two pages; no navigation; body text at
least 10 pt. Printed on its own paper (the size its CSS asks for, as the print dialog
starts with it): Letter in the United States and Canada, A4 elsewhere, or the patient's
choice."""

import io
import re

import pytest
from pypdf import PdfReader

from askfirst.i18n import native_name
from conftest import LANGUAGES

pytestmark = pytest.mark.browser

TYPICAL = "country=us&exam=ct&channel=portal&setting=imaging_centre&worry=sharing"
SIZES = {"A4": (595, 842), "Letter": (612, 792)}  # in points
# Before printing, each question gets an ASCII mark at its start and end, so that the
# PDF's text says on which page each begins and ends, whatever the script.
# Only the printed questions: "More questions for your situation" is not printed unless asked.
PRINTED = ".ask-first .question, .then-ask .question"
MARK_QUESTIONS = """() => document.querySelectorAll('.ask-first .question, .then-ask .question').forEach((q, i) => {
  q.querySelector('.ask').insertAdjacentText('afterbegin', `QS${i}Q `);
  q.querySelector('.explain div:last-child dd').insertAdjacentText('beforeend', ` QE${i}Q`);
})"""
SMALLEST_BODY_TEXT = """() => Math.min(...[...document.querySelectorAll(
  '.sheet-intro, .sheet-header, .ask, .explain dt, .explain dd, .rights dt, .rights dd, .rights .law')]
  .map(e => parseFloat(getComputedStyle(e).fontSize)))"""


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def is_on(reader, paper: str) -> bool:
    """Whether every page is A4 or Letter, to a point (Chromium rounds its A4 up to 596 × 843)."""
    width, height = SIZES[paper]
    return all(abs(float(item.mediabox.width) - width) <= 1 and abs(float(item.mediabox.height) - height) <= 1
               for item in reader.pages)


# None: the sheet's own paper, Letter for the United States.
@pytest.mark.parametrize("paper", ["A4", "Letter", None])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sheet_prints_on_two_pages_without_splitting_a_question(page, live_server, lang, paper):
    page.goto(f"{live_server}/{lang}/sheet?{TYPICAL}")
    count = page.locator(PRINTED).count()
    page.evaluate(MARK_QUESTIONS)
    printed = page.pdf(prefer_css_page_size=True) if paper is None else page.pdf(format=paper)
    reader = PdfReader(io.BytesIO(printed))
    assert is_on(reader, paper or "Letter")
    texts = [item.extract_text() for item in reader.pages]
    assert len(texts) <= 2, f"{len(texts)} pages"

    def page_of(mark):
        found = [number for number, text in enumerate(texts) if mark in re.sub(r"\s+", "", text)]
        assert len(found) == 1, f"{mark} on pages {found}"
        return found[0]

    for index in range(count):
        assert page_of(f"QS{index}Q") == page_of(f"QE{index}Q"), f"question {index} split over two pages"
    printed = "\n".join(texts)
    for other in LANGUAGES:
        if other != lang:
            assert native_name(other) not in printed, "the language switcher was printed"


@pytest.mark.parametrize("lang, query, paper", [
    ("en", "country=ca&province=on&exam=mri&channel=portal", "Letter"),
    ("fr", "country=ca&province=qc&exam=mri", "Letter"),
    ("en", "country=gb&exam=ct&channel=portal&worry=sharing", "A4"),
    ("de", "country=at&exam=ct&channel=portal", "A4"),
    ("ar", "country=other&exam=xray", "A4"),
    ("es", "country=unsure", "A4"),
    ("en", f"{TYPICAL}&paper=a4", "A4"),
    ("vi", f"{TYPICAL}&paper=a4", "A4"),
    ("da", "country=dk&exam=mri&paper=letter", "Letter"),
])
def test_the_sheet_asks_for_its_countrys_paper_or_the_patients_choice(page, live_server, lang, query, paper):
    page.goto(f"{live_server}/{lang}/sheet?{query}")
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert is_on(reader, paper)
    assert len(reader.pages) <= 2


def test_the_patient_switches_the_paper_on_the_sheet(page, live_server):
    page.goto(f"{live_server}/en/sheet?{TYPICAL}")
    page.get_by_role("group", name="Paper size:").get_by_role("link", name="A4").click()
    page.wait_for_url("**paper=a4")
    assert is_on(PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))), "A4")
    assert page.locator(".paper-choice [aria-current=true]").inner_text() == "A4"


@pytest.mark.parametrize("lang", ["en", "vi", "zh-hans", "ar"])
def test_printed_body_text_is_at_least_10_points(page, live_server, lang):
    page.goto(f"{live_server}/{lang}/sheet?{TYPICAL}")
    page.emulate_media(media="print")
    smallest_px = page.evaluate(SMALLEST_BODY_TEXT)
    page.emulate_media(media="screen")
    assert round(smallest_px * 0.75, 2) >= 10  # CSS pixels to points (10pt is 13.33px)


def test_nothing_but_the_sheet_is_printed(page, live_server):
    page.goto(f"{live_server}/en/sheet?{TYPICAL}")
    page.emulate_media(media="print")
    for hidden in ["header.site-header", "footer.site-footer", ".skip-link", "#print-help", "a[download]"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".qr-block svg").is_visible()
    page.emulate_media(media="screen")
