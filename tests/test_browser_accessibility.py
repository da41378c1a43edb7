"""axe-core in Chromium on every page, in every language, at a phone width and a desktop
width: each step of the check with and without validation errors, the review, the sheet
(one and two languages) and an error page. Any WCAG 2.0/2.1/2.2 A or AA violation fails,
and so does a page that scrolls sideways at 320 pixels."""

import pytest

from askfirst.content import PAGES
from askfirst.flow import STEPS
from browser import axe_violations
from conftest import LANGUAGES

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "desktop": 1280}
NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10 Reflow: no sideways scrolling
ANSWERS = "country=us&exam=ct&channel=portal&setting=imaging_centre&worry=sharing"


def pages_to_check(lang):
    """(label, url, with_errors): with_errors submits the step's form with nothing chosen."""
    yield from ((name, f"/{lang}/" if name == "home" else f"/{lang}/{name}", False) for name in PAGES)
    for step in STEPS:
        yield step.name, f"/{lang}/check/{step.name}", False
        yield f"{step.name} with error", f"/{lang}/check/{step.name}", True
    yield "review", f"/{lang}/check/review?{ANSWERS}", False
    yield "sheet", f"/{lang}/sheet?{ANSWERS}", False
    other = "ar" if lang != "ar" else "en"
    yield "sheet in two languages", f"/{lang}/sheet?{ANSWERS}&also={other}", False
    yield "not found", f"/{lang}/no-such-page", False
    yield "next steps", f"/{lang}/next-steps?{ANSWERS}&also={other}", False
    yield "poster", f"/{lang}/poster?langs={lang},{other}", False
    # More languages than fit, and codes to 127.0.0.1: both notices are shown.
    yield "poster with notices", f"/{lang}/poster?langs={','.join(LANGUAGES)}&for=clinic&country=de&name=Clinic", False
    yield "tablet with its link", f"/{lang}/tablet?country=de&land=by&tablet_lang={lang}", False
    yield "partners", f"/{lang}/partners?link_lang={lang}&target=sheet&{ANSWERS}", False
    yield "kiosk step", f"/kiosk/{lang}/check/exam", False
    yield "kiosk step with error", f"/kiosk/{lang}/check/exam", True  # posted: the switcher posts too
    yield "kiosk sheet", f"/kiosk/{lang}/sheet?{ANSWERS}", False  # with the hand-off code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_wcag_violations_and_no_sideways_scrolling(browser, live_server, lang):
    """Each page is loaded once, at 320 pixels, where it must not scroll sideways; then
    resized to each of WIDTHS (pure CSS: the one script draws a print button), where axe
    must find nothing."""
    page = browser.new_page(viewport=NARROWEST)
    wide, problems, checked = [], [], dict.fromkeys(WIDTHS, 0)
    for label, url, with_errors in pages_to_check(lang):
        page.set_viewport_size(NARROWEST)
        page.goto(live_server + url)
        if with_errors:
            page.click("form.step-form button[type=submit]")
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            wide.append(label)
        # No rule is switched off, the kiosk's pages included: with JavaScript their idle
        # reset warns and can be extended (static/kiosk.js), and the timed refresh is only
        # in <noscript> (WCAG 2.2.1).
        rules_off = []
        for number, width in enumerate(WIDTHS):
            page.set_viewport_size({"width": WIDTHS[width], "height": 900})
            if with_errors:
                assert page.locator(".error-summary").is_visible(), f"{label}: no error summary"
            problems += [f"{lang} {width} {label}: {violation}"
                         for violation in axe_violations(page, rules_off, inject=number == 0)]
            checked[width] += 1
    page.close()
    assert wide == [], "scrolls sideways at 320 pixels"
    assert checked == dict.fromkeys(WIDTHS, len(PAGES) + 2 * len(STEPS) + 12)
    assert problems == []
