"""Waiting rooms and advocates in a real browser: the kiosk goes back to the start by
itself, and Back then shows nothing of the previous patient; prepared links open the
state they name; the poster prints on one page."""

import io
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from pypdf import PdfReader

from askfirst.config import TestConfig
from browser import serving
from conftest import fresh_app

pytestmark = pytest.mark.browser

IDLE_SECONDS = 2
# How many questions a sheet has, in the app the browser tests serve.
MAX_QUESTIONS = TestConfig().SHEET_MAX_QUESTIONS


@pytest.fixture(scope="module")
def kiosk_server(app_with):
    with serving(app_with(KIOSK_IDLE_SECONDS=IDLE_SECONDS)) as url:
        yield url


def finish_a_check(page, base):
    page.goto(f"{base}/kiosk/en/check")
    page.check("#person-child")
    page.click("form.step-form button[type=submit]")
    page.select_option("#country", "li")
    page.click("form.step-form button[type=submit]")
    for choice in ["exam-mammogram", "channel-other_doctor", "setting-mobile", "worry-authorities"]:
        page.check(f"#{choice}")
        page.click("form.step-form button[type=submit]")
    page.click("form.make-sheet button[type=submit]")  # the review: make the sheet
    page.wait_for_selector(".question")
    assert "Datenschutzstelle" in page.locator("section.rights").inner_text()


def test_kiosk_goes_back_to_the_start_when_left_alone(browser, kiosk_server):
    page = browser.new_page()
    finish_a_check(page, kiosk_server)
    page.wait_for_url(f"{kiosk_server}/kiosk/en/", timeout=(IDLE_SECONDS + 5) * 1000)
    assert page.locator(".question").count() == 0
    page.close()


@pytest.mark.parametrize("how", ["finish", "idle"])
def test_back_after_a_reset_shows_nothing_of_the_previous_patient(browser, kiosk_server, how):
    page = browser.new_page()
    finish_a_check(page, kiosk_server)
    if how == "finish":
        page.click("a.finish")
    page.wait_for_url(f"{kiosk_server}/kiosk/en/", timeout=(IDLE_SECONDS + 5) * 1000)
    try:
        page.go_back(wait_until="commit")
    except PlaywrightError:  # Chromium refuses to show a posted page again: that is the point
        pass
    shown = settled_content(page)
    for trace in ["Datenschutzstelle", "Liechtenstein", "Mammogram", "question"]:
        assert trace not in shown
    page.close()


def settled_content(page, tries=50):
    """The page's HTML once it has stopped navigating (Chromium's own error page, here)."""
    for _ in range(tries):
        try:
            page.wait_for_load_state("load")
            return page.content()
        except PlaywrightError:
            time.sleep(0.1)
    raise AssertionError("the page never settled after Back")


@pytest.mark.parametrize("link, check", [
    # A prepared link asks who the scan is for first, then shows the country it names.
    ("/es/check?country=es&exam=mri&channel=portal", lambda p: p.locator("#person-self").count() == 1
     and "country=es" in p.url),
    ("/es/check/country?country=es&exam=mri", lambda p: p.locator("#country").input_value() == "es"),
    ("/es/check/exam?country=es&exam=mri", lambda p: p.locator("#exam-mri").is_checked()),
    ("/de/check/worry?country=de&worry=research&worry=breach",
     lambda p: p.locator("#worry-research").is_checked() and p.locator("#worry-breach").is_checked()),
    ("/fr/sheet?country=fr&exam=ct&setting=office", lambda p: "CNIL" in p.locator("section.rights").inner_text()),
    ("/en/sheet?country=us&also=vi&channel=disc",
     lambda p: p.locator(".ask-first .pair .echo[lang=vi], .then-ask .pair .echo[lang=vi]").count() == MAX_QUESTIONS),
    ("/en/check/country?country=xx&exam=brain", lambda p: p.locator("#country").input_value() == ""),
])
def test_prepared_links_open_the_state_they_name(browser, live_server, link, check):
    page = browser.new_page()
    response = page.goto(live_server + link)
    assert response.status == 200
    assert check(page)
    page.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("languages", ["vi", "en,es", "de,fr,vi,pt-br", "en,es,ar,zh-hans"])
def test_the_poster_prints_on_one_page(browser, live_server, paper, languages):
    page = browser.new_page()
    page.goto(f"{live_server}/en/poster?langs={languages}")
    pages = PdfReader(io.BytesIO(page.pdf(format=paper))).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    assert "Languages on the poster" not in text  # the choice form is not printed
    page.close()


def test_the_staff_pages_link_opens_the_kiosk_with_the_place_chosen(browser):
    """Staff fill in the tablet page's form without JavaScript, as the tablet would, then
    open the link it makes: the kiosk's first step has their country, the next their Land."""
    app = fresh_app()
    with serving(app) as base:
        app.config["PUBLIC_BASE_URL"] = base  # the link is built from the public address
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{base}/en/tablet")
        page.select_option("#tablet_lang", "de")
        page.select_option("#country", "de")
        page.click("section.tablet-form button[type=submit]")
        page.select_option("#land", "be")  # now asked: the form knows Germany's states
        page.click("section.tablet-form button[type=submit]")
        page.click(".prepared .url a")
        page.wait_for_url(f"{base}/kiosk/de/check/person?**")  # who the scan is for, first
        page.check("#person-self")
        page.click("form.step-form button[type=submit]")
        assert page.locator("#country").input_value() == "de"
        assert page.locator("a.finish").is_visible()  # kiosk mode
        page.click("form.step-form button[type=submit]")
        assert page.locator("#land").input_value() == "be"
        context.close()


def test_the_poster_has_a_print_button(browser, live_server):
    page = browser.new_page()
    page.goto(f"{live_server}/en/poster?langs=en,es")
    assert page.get_by_role("button", name="Print this poster").is_visible()
    page.close()
