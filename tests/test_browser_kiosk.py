"""The waiting-room tablet's idle reset in a real browser (static/kiosk.js): counted from
the last touch or key, "Are you still there?" shortly before the time is up, a key or the
button to continue, the start when nobody answers; and without JavaScript, the slower
refresh in <noscript>."""

import time

import pytest

from browser import axe_violations, serving

pytestmark = pytest.mark.browser

IDLE_SECONDS = 4  # the warning shows for the last 2 (half of a short idle time)
WARN_SECONDS = 2
STEP = "/kiosk/en/check/exam"


@pytest.fixture(scope="module")
def kiosk_server(app_with):
    with serving(app_with(KIOSK_IDLE_SECONDS=IDLE_SECONDS)) as url:
        yield url


def open_step(browser, base, **context):
    page = browser.new_context(**context).new_page()
    page.goto(base + STEP)
    return page


def wait_for_warning(page):
    page.wait_for_selector("#idle-warning", state="visible", timeout=(IDLE_SECONDS + 2) * 1000)


def focused_is_the_button(page) -> bool:
    return page.evaluate("document.activeElement === document.querySelector('#idle-warning button')")


def test_the_question_comes_before_the_reset_and_is_announced(browser, kiosk_server):
    page = open_step(browser, kiosk_server)
    assert page.locator("#idle-warning").is_hidden()
    wait_for_warning(page)
    assert page.url == kiosk_server + STEP
    assert focused_is_the_button(page)
    assert page.locator("#idle-warning-text").inner_text().startswith("For your privacy")
    assert page.get_by_role("alertdialog", name="Are you still there?").is_visible()
    assert axe_violations(page) == []
    page.context.close()


@pytest.mark.parametrize("answer", ["key", "escape", "button"])
def test_an_answer_keeps_the_page_and_starts_the_count_again(browser, kiosk_server, answer):
    page = open_step(browser, kiosk_server)
    page.click("#exam-mri")  # a choice made: it must survive
    wait_for_warning(page)
    if answer == "button":
        page.click("#idle-warning button")
    else:
        page.keyboard.press("Shift" if answer == "key" else "Escape")
    assert page.locator("#idle-warning").is_hidden()
    answered = time.monotonic()
    # The count starts again: the question comes back after the quiet time, not at once,
    # and the page is still there with its choice.
    wait_for_warning(page)
    assert time.monotonic() - answered >= IDLE_SECONDS - WARN_SECONDS - 0.5
    assert page.url == kiosk_server + STEP
    assert page.locator("#exam-mri").is_checked()
    page.context.close()


def test_touches_and_keys_put_the_question_off(browser, kiosk_server):
    page = open_step(browser, kiosk_server)
    until = time.monotonic() + IDLE_SECONDS + 2
    while time.monotonic() < until:  # someone using the page for longer than the idle time
        page.mouse.click(5, 300)
        page.keyboard.press("Shift")
        time.sleep(0.5)
        assert page.locator("#idle-warning").is_hidden()
    assert page.url == kiosk_server + STEP
    page.context.close()


def test_no_answer_leads_to_the_start(browser, kiosk_server):
    page = open_step(browser, kiosk_server)
    page.click("#exam-mri")
    wait_for_warning(page)
    page.wait_for_url(f"{kiosk_server}/kiosk/en/", timeout=(WARN_SECONDS + 3) * 1000)
    assert page.locator("#exam-mri").count() == 0
    page.context.close()


def test_without_javascript_the_refresh_remains_and_is_slower(browser, kiosk_server):
    page = open_step(browser, kiosk_server, java_script_enabled=False)
    refresh = page.locator('noscript meta[http-equiv="refresh"]')
    assert refresh.count() == 1
    assert refresh.get_attribute("content") == f"{3 * IDLE_SECONDS}; url=/kiosk/en/"
    time.sleep(IDLE_SECONDS + 1)  # past the idle time: no script, no question, still here
    assert page.url == kiosk_server + STEP
    assert page.locator("#idle-warning").is_hidden()
    page.wait_for_url(f"{kiosk_server}/kiosk/en/", timeout=(2 * IDLE_SECONDS + 3) * 1000)
    page.context.close()


def test_with_javascript_the_refresh_is_ignored(browser, kiosk_server):
    page = open_step(browser, kiosk_server)
    # Parsed as text when scripts run: no refresh element at all.
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    page.context.close()
