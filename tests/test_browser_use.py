"""What a person does in a real browser: the whole check with the keyboard alone, always
seeing where the focus is; the skip link; the check with JavaScript turned off."""

from urllib.parse import parse_qs, urlsplit

import pytest

from askfirst.config import TestConfig

pytestmark = pytest.mark.browser

# How many questions a sheet has, in the app the browser tests serve.
MAX_QUESTIONS = TestConfig().SHEET_MAX_QUESTIONS
FOCUS_IS_VISIBLE = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return el !== document.body && (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                                   || style.boxShadow !== 'none');
}"""


def tab_to(page, selector, limit=60):
    """Press Tab until the element matching `selector` has the focus; every stop must show it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.outerHTML")[:120]
        assert page.evaluate(FOCUS_IS_VISIBLE), f"focus not visible on {focused}"
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"never reached {selector} with Tab")


def test_skip_link_is_first_visible_and_moves_to_the_content(browser, live_server):
    page = browser.new_page()
    page.goto(f"{live_server}/en/why")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0  # on screen when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


def test_the_whole_check_with_the_keyboard_alone(browser, live_server):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{live_server}/en/")
    tab_to(page, "a.button")  # Start the check
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/person")
    tab_to(page, "input[name=person]")
    page.keyboard.press("Space")  # the first answer: "Me"
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/country?**")
    tab_to(page, "select#country")
    page.keyboard.type("Spain")  # a closed select picks the option typed
    assert page.evaluate("document.activeElement.value") == "es"
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    for step, key_presses in [("exam", ["ArrowDown", "ArrowDown"]), ("channel", ["Space"]),
                              ("setting", ["Space"]), ("worry", ["Space"])]:
        page.wait_for_url(f"**/check/{step}?**")
        tab_to(page, f"input[name={step}]")
        for key in key_presses:
            page.keyboard.press(key)
        tab_to(page, "button[type=submit]")
        page.keyboard.press("Enter")
    page.wait_for_url("**/check/review?**")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sheet?**")
    answers = parse_qs(urlsplit(page.url).query)
    assert answers["person"] == ["self"]
    assert answers["country"] == ["es"] and answers["exam"] == ["mri"]  # two arrows down from X-ray
    assert answers["channel"] == ["portal"] and answers["setting"] == ["hospital"]
    assert page.locator(".ask-first .question, .then-ask .question").count() == MAX_QUESTIONS
    page.close()


def test_an_error_can_be_fixed_with_the_keyboard(browser, live_server):
    page = browser.new_page()
    page.goto(f"{live_server}/en/check/exam?country=fr")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    tab_to(page, ".error-summary a")
    page.keyboard.press("Enter")  # the summary's link leads to the field
    assert page.evaluate("document.activeElement.id") == "exam-xray"
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/channel?**")
    assert parse_qs(urlsplit(page.url).query) == {"country": ["fr"], "exam": ["xray"]}
    page.close()


def test_the_check_works_with_javascript_turned_off(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/ar/")
    page.click("a.button")
    page.check("#person-other")
    page.click("button[type=submit]")
    page.select_option("select#country", "gb")
    page.click("button[type=submit]")
    for choice in ["exam-ultrasound", "channel-disc", "setting-mobile", "worry-authorities"]:
        page.check(f"#{choice}")
        page.click("button[type=submit]")
    page.select_option("select#also", "en")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/ar/sheet?**")
    assert page.locator(".ask-first .pair, .then-ask .pair").count() == MAX_QUESTIONS
    assert page.locator("#print-help p").is_visible()  # how to print without the button
    assert page.locator("#print-help button").count() == 0  # the script did not run
    assert "ico.org.uk" in page.locator("section.rights").inner_text()
    context.close()


def test_the_print_button_appears_with_javascript(browser, live_server):
    page = browser.new_page()
    page.goto(f"{live_server}/en/sheet?country=us")
    assert page.locator("#print-help button").inner_text() == "Print this sheet"
    page.close()
