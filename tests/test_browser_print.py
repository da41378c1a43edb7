"""The sheet printed by Chromium: at most two pages at A4 and at Letter in every language,
for a typical selection (a CT scan in the US, at an imaging centre, images on a portal,
worried about sharing), and on its own paper for places whose rights boxes are long; no
question split over two pages; no navigation; body text at least 11 pt and two ruled lines
to write each answer. Printed on its own paper (the size its CSS asks for, as the print
dialog starts with it): Letter in the United States and Canada, A4 elsewhere, or the
patient's choice.

How many questions the sheet has (ASKFIRST_SHEET_MAX_QUESTIONS) is what makes it fit: the
others go to "More questions", which is printed only on request. These tests measure the
printed pages rather than trust that number, so that a part added to the sheet which pushes
it onto a third page fails here, naming the number of questions that would fit again."""

import io
import re

import pytest
from pypdf import PdfReader

from askfirst.i18n import native_name
from browser import serving
from conftest import LANGUAGES

pytestmark = pytest.mark.browser

TYPICAL = "country=us&exam=ct&channel=portal&setting=imaging_centre&worry=sharing"
SIZES = {"A4": (595, 842), "Letter": (612, 792)}  # in points
# Places whose sheets differ most in length, each printed on its own paper: the longest
# rights boxes (France's; Germany's without a Land or operator, which lists every body;
# Ontario's) and the shortest.
PLACES = {
    "us": TYPICAL,
    "ca-on": "country=ca&province=on&exam=mri&channel=portal",
    "gb": "country=gb&exam=ct&channel=portal&worry=sharing",
    "fr": "country=fr&exam=mri&channel=portal&worry=research",
    "de-any": "country=de&exam=ct&channel=portal",
    "de-by": "country=de&land=by&operator=public&exam=ct&channel=portal",
}
# The languages the issue names, and French, whose sheets are the longest.
PRINT_LANGUAGES = LANGUAGES  # every shipped language, each script and length
# The smallest space to write an answer: two lines, each as high as a ruled notebook's
# narrowest (6 mm), in CSS pixels (96 to the inch).
MM = 96 / 25.4
LINE_MM = 6
# Before printing, each question gets an ASCII mark at its start and end, so that the
# PDF's text says on which page each begins and ends, whatever the script.
# Only the printed questions: "More questions for your situation" is not printed unless asked.
PRINTED = ".ask-first .question, .then-ask .question"
MARK_QUESTIONS = """() => document.querySelectorAll('.ask-first .question, .then-ask .question').forEach((q, i) => {
  q.querySelector('.ask').insertAdjacentText('afterbegin', `QS${i}Q `);
  q.querySelector('.explain div:last-child dd').insertAdjacentText('beforeend', ` QE${i}Q`);
})"""
BODY_TEXT = ".sheet-intro, .staff-note, .sheet-header, .ask, .explain dt, .explain dd, .rights dt, .rights dd, " \
    ".rights .law, .rights dd p, .rights li, .guide p, .acting p, .acting li, .officials p:not(.source)"
SMALLEST_BODY_TEXT = f"""() => Math.min(...[...document.querySelectorAll('{BODY_TEXT}')]
  .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
# Each answer space: its height, and the lines drawn in it (its own bottom border and the
# one under its first line, drawn by ::before), with where that first line is.
ANSWER_SPACES = """() => [...document.querySelectorAll('.ask-first .answer-space, .then-ask .answer-space')].map(e => {
  const before = getComputedStyle(e, '::before');
  return {height: e.getBoundingClientRect().height,
          lines: [getComputedStyle(e).borderBlockEndWidth, before.borderBlockEndWidth]
                   .filter(width => parseFloat(width) > 0).length,
          first: parseFloat(before.blockSize)};
})"""


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


def printed_pages(page, base: str, lang: str, query: str) -> list[str]:
    """The text of each page Chromium prints of this sheet, on the paper it asks for, each
    printed question marked at its start and end."""
    page.goto(f"{base}/{lang}/sheet?{query}")
    page.evaluate(MARK_QUESTIONS)
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return [item.extract_text() for item in reader.pages]


def fitting_limit(app_with, page, lang: str, query: str, pages: int) -> int | None:
    """The most questions with which this sheet prints on `pages` pages, measured: what
    ASKFIRST_SHEET_MAX_QUESTIONS should be lowered to when the sheet has grown."""
    for limit in range(app_with().config["SHEET_MAX_QUESTIONS"] - 1, 0, -1):
        with serving(app_with(SHEET_MAX_QUESTIONS=limit)) as base:
            if len(printed_pages(page, base, lang, query)) <= pages:
                return limit
    return None


# The printed sheet's budget in one language on its own paper. Since the sheet also says who
# can answer, what to do after a worrying answer, and the place's language help (issue 15),
# at 11 pt with two lines to write each answer, French and German sheets need a third page;
# a sheet on the other paper or in two languages, a fourth.
SHEET_PAGES = 3


def assert_fits(app_with, page, texts: list[str], lang: str, query: str, pages: int = SHEET_PAGES):
    """At most `pages` pages, and no printed question split over two of them."""
    if len(texts) > pages:
        limit = fitting_limit(app_with, page, lang, query, pages)
        raise AssertionError(f"/{lang}/sheet?{query} prints on {len(texts)} pages; it fits on {pages} with "
                             f"ASKFIRST_SHEET_MAX_QUESTIONS={limit} (config.py) or a shorter sheet")

    def page_of(mark):
        found = [number for number, text in enumerate(texts) if mark in re.sub(r"\s+", "", text)]
        assert len(found) == 1, f"{mark} on pages {found}"
        return found[0]

    joined = re.sub(r"\s+", "", "".join(texts))
    for index in range(len(re.findall(r"QS\d+Q", joined))):
        assert page_of(f"QS{index}Q") == page_of(f"QE{index}Q"), f"question {index} split over two pages"


# None: the sheet's own paper, Letter for the United States.
@pytest.mark.parametrize("paper", ["A4", "Letter", None])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sheet_prints_within_its_pages_without_splitting_a_question(page, live_server, app_with, lang, paper):
    page.goto(f"{live_server}/{lang}/sheet?{TYPICAL}")
    count = page.locator(PRINTED).count()
    assert count == app_with().config["SHEET_MAX_QUESTIONS"]
    page.evaluate(MARK_QUESTIONS)
    printed = page.pdf(prefer_css_page_size=True) if paper is None else page.pdf(format=paper)
    reader = PdfReader(io.BytesIO(printed))
    assert is_on(reader, paper or "Letter")
    texts = [item.extract_text() for item in reader.pages]
    assert_fits(app_with, page, texts, lang, TYPICAL)
    printed = "\n".join(texts)
    for other in LANGUAGES:
        if other != lang:
            assert native_name(other) not in printed, "the language switcher was printed"


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("lang", PRINT_LANGUAGES)
def test_each_place_prints_within_its_pages_on_its_own_paper(page, live_server, app_with, lang, place):
    texts = printed_pages(page, live_server, lang, PLACES[place])
    assert_fits(app_with, page, texts, lang, PLACES[place])


@pytest.mark.parametrize("lang, query", [
    ("en", f"{PLACES['de-any']}&paper=letter"),  # Letter is shorter than A4
    ("fr", f"{PLACES['fr']}&paper=letter"),
    ("de", f"{PLACES['de-by']}&paper=letter"),
    ("en", f"{TYPICAL}&also=es"),  # two languages side by side
    ("de", f"{PLACES['de-by']}&also=en"),
    ("ar", f"{PLACES['fr']}&also=fr"),
])
def test_the_other_paper_or_two_languages_print_on_one_page_more_at_most(page, live_server, app_with, lang, query):
    texts = printed_pages(page, live_server, lang, query)
    assert_fits(app_with, page, texts, lang, query, pages=SHEET_PAGES + 1)


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
    assert len(reader.pages) <= SHEET_PAGES


def test_the_patient_switches_the_paper_on_the_sheet(page, live_server):
    page.goto(f"{live_server}/en/sheet?{TYPICAL}")
    page.get_by_role("group", name="Paper size:").get_by_role("link", name="A4").click()
    page.wait_for_url("**paper=a4")
    assert is_on(PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))), "A4")
    assert page.locator(".paper-choice [aria-current=true]").inner_text() == "A4"


@pytest.mark.parametrize("lang", ["en", "de", "vi", "zh-hans", "ar"])
def test_printed_body_text_is_at_least_11_points_with_two_lines_for_each_answer(page, live_server, lang):
    page.goto(f"{live_server}/{lang}/sheet?{TYPICAL}")
    page.emulate_media(media="print")
    smallest_px = page.evaluate(SMALLEST_BODY_TEXT)
    spaces = page.evaluate(ANSWER_SPACES)
    page.emulate_media(media="screen")
    assert round(smallest_px * 0.75, 2) >= 11  # CSS pixels to points (11pt is 14.67px)
    assert len(spaces) == page.locator(PRINTED).count()
    for space in spaces:
        assert space["lines"] == 2, space
        assert space["first"] >= LINE_MM * MM and space["height"] - space["first"] >= LINE_MM * MM, space


def test_nothing_but_the_sheet_is_printed(page, live_server):
    page.goto(f"{live_server}/en/sheet?{TYPICAL}")
    page.emulate_media(media="print")
    for hidden in ["header.site-header", "footer.site-footer", ".skip-link", "#print-help", "a[download]"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".qr-block svg").is_visible()
    page.emulate_media(media="screen")
