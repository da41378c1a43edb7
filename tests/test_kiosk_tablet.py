"""The waiting-room tablet, as the server sends it: the idle warning's markup (its words
through gettext, the refresh without JavaScript), the hand-off QR code on the kiosk sheet,
and a language switcher that keeps the answers, posted in kiosk mode and in the link on
the web. The idle logic itself runs in a browser: test_browser_kiosk.py."""

from urllib.parse import parse_qsl, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from askfirst import i18n
from askfirst.config import ROOT
from askfirst.qr import qr_svg
from conftest import check_page, fresh_app
from walk import form_fields

PUBLIC = "https://askfirst.example"
ANSWERS = [("country", "de"), ("exam", "mri"), ("channel", "portal"), ("channel", "disc"), ("setting", "hospital"),
           ("worry", "research")]


def kiosk_post(client, url, fields, lang="en", **extra):
    data = MultiDict(fields)
    for key, value in extra.items():
        data.add(key, value)
    response = client.post(url, data=data)
    assert response.status_code == 200, response.status_code
    return check_page(response, lang=lang)


def switcher_fields(page) -> list[tuple[str, str]]:
    return form_fields(page, "form#switch-language")


def switch_to(client, page, lang):
    """Press the language switcher's button for `lang`, as a browser would."""
    button = page.one(f'nav.languages button[formaction*="/{lang}/"]')
    return kiosk_post(client, button["formaction"], switcher_fields(page), lang=lang)


# --- the idle warning ---------------------------------------------------------------------

def test_kiosk_pages_load_the_idle_script_and_keep_a_longer_refresh_for_no_javascript(client):
    page = check_page(client.get("/kiosk/en/check/exam"))
    scripts = page.select("script")
    assert [s["src"].split("?")[0] for s in scripts] == ["/kiosk/static/kiosk.js"]
    assert all(s.has_attr("defer") and not s.get_text().strip() for s in scripts)  # no inline script
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]
    # The refresh is only for a browser without JavaScript, and three times as long.
    refreshes = page.select('meta[http-equiv="refresh"]')
    assert len(refreshes) == 1 and refreshes[0].parent.name == "noscript"
    assert refreshes[0].parent.parent.name == "head"
    assert refreshes[0]["content"] == "360; url=/kiosk/en/"
    assert client.get(scripts[0]["src"]).status_code == 200


@pytest.mark.parametrize("url", ["/kiosk/en/", "/en/check/exam", "/en/sheet?country=de"])
def test_no_idle_script_or_warning_where_there_is_no_idle_reset(client, url):
    page = check_page(client.get(url))
    assert not page.select('script[src*="kiosk.js"]') and not page.select("#idle-warning")
    assert not page.select('meta[http-equiv="refresh"]')


def test_the_idle_warning_is_an_accessible_dialog_the_script_reads(app_with):
    client = app_with(KIOSK_IDLE_SECONDS=90).test_client()
    page = check_page(client.get("/kiosk/en/check/exam"))
    box = page.one("#idle-warning")
    assert box.has_attr("hidden") and "no-print" in box["class"]
    assert box["role"] == "alertdialog" and box["aria-modal"] == "true"
    assert page.one("#" + box["aria-labelledby"]).get_text() == "Are you still there?"
    text = page.one("#" + box["aria-describedby"])
    assert text["aria-live"] == "assertive"
    assert text.get_text() == ""  # put in by the script when shown, so that it is announced
    assert text["data-text"] == ("For your privacy, this screen will clear your answers and go back to the "
                                 "start in 20 seconds.")
    assert box.select_one("button[type=button]").get_text() == "Yes, I am still here"
    assert (box["data-idle-seconds"], box["data-warn-seconds"], box["data-start"]) == ("90", "20", "/kiosk/en/")


def test_a_short_idle_time_warns_for_half_of_it(app_with):
    page = check_page(app_with(KIOSK_IDLE_SECONDS=4).test_client().get("/kiosk/en/check/exam"))
    assert page.one("#idle-warning")["data-warn-seconds"] == "2"
    assert "in 2 seconds" in page.one("#idle-warning-text")["data-text"]


class Marked:
    """A catalog that marks every string it translates: what shows unmarked did not go
    through gettext."""

    def ugettext(self, string):
        return f"«{string}»"

    def ungettext(self, singular, plural, n):
        return f"«{singular if n == 1 else plural}»"

    def upgettext(self, context, string):
        return f"«{string}»"


def test_the_dialogs_words_go_through_gettext_and_none_are_in_the_script(monkeypatch):
    app = fresh_app(PRERENDER=False)  # the frame rendered in the request, with the catalog below
    monkeypatch.setattr(i18n, "request_translations", lambda: Marked())
    page = check_page(app.test_client().get("/kiosk/de/check/exam"), lang="de")
    box = page.one("#idle-warning")
    assert box.h2.get_text() == "«Are you still there?»"
    assert box.button.get_text() == "«Yes, I am still here»"
    assert page.one("#idle-warning-text")["data-text"].startswith("«For your privacy")
    script = (ROOT / "static" / "kiosk.js").read_text(encoding="utf-8")
    for words in ["still there", "still here", "privacy", "seconds"]:
        assert words not in script.split("//")[0] and f'"{words}' not in script


def test_kiosk_sheet_prints_with_the_kiosk_script_alone(client):
    # One script per kiosk page (the page-weight budget): kiosk.js adds the Print button.
    sheet = kiosk_post(client, "/kiosk/en/sheet", ANSWERS)
    assert [s["src"].split("?")[0] for s in sheet.select("script")] == ["/kiosk/static/kiosk.js"]
    assert sheet.one("#print-help")["data-label"] == "Print this sheet"


# --- the hand-off QR code -----------------------------------------------------------------

@pytest.fixture(scope="module")
def public_app(app_with):
    return app_with(PUBLIC_BASE_URL=PUBLIC)


def expected_code(app, url):
    with app.test_request_context("/en/"):
        return str(qr_svg(url))


def test_the_kiosk_sheet_hands_off_to_the_public_web_sheet_with_the_same_answers(public_app):
    client = public_app.test_client()
    response = client.post("/kiosk/en/sheet", data=MultiDict([*ANSWERS, ("also", "fr")]),
                           headers={"Host": "tablet.local"})  # never the Host header
    sheet = check_page(response)
    assert response.headers["Cache-Control"] == "no-store"
    handoff = sheet.one(".qr-block.handoff")
    assert "no-print" in handoff["class"]
    assert handoff.p.get_text() == "Scan this code to take this sheet with you on your phone."
    url = (f"{PUBLIC}/en/sheet?country=de&exam=mri&channel=portal&channel=disc&setting=hospital"
           f"&worry=research&also=fr")
    assert str(handoff.svg) == str(sheet.soup.__class__(expected_code(public_app, url), "html.parser").svg)
    assert handoff.svg["aria-hidden"] == "true"
    # The link is in the code only: no address on the page holds an answer.
    assert "country=de" not in response.get_data(as_text=True)
    # On the phone, the ordinary web sheet with the same answers, as any prepared link.
    split = urlsplit(url)
    on_phone = check_page(client.get(f"{split.path}?{split.query}"))
    assert on_phone.one(".ask-first").get_text() == sheet.one(".ask-first").get_text()
    assert on_phone.select(".pair [lang=fr]")
    assert on_phone.one("section.rights").get_text() == sheet.one("section.rights").get_text()


def test_the_hand_off_code_is_made_for_each_sheet(public_app):
    client = public_app.test_client()
    first = kiosk_post(client, "/kiosk/en/sheet", [("country", "de")]).one(".handoff svg")
    second = kiosk_post(client, "/kiosk/en/sheet", [("country", "fr")]).one(".handoff svg")
    assert str(first) != str(second)
    assert str(first) == str(kiosk_post(client, "/kiosk/en/sheet", [("country", "de")]).one(".handoff svg"))


def test_no_hand_off_on_the_web_sheet(client):
    assert not check_page(client.get("/en/sheet?country=de")).select(".handoff")


def test_a_kiosk_copy_hands_off_to_its_own_public_address(app_with):
    client = app_with(KIOSK=True, PUBLIC_BASE_URL=PUBLIC).test_client()
    sheet = kiosk_post(client, "/es/sheet", [("country", "es")], lang="es")
    code = sheet.one(".handoff svg")
    with client.application.test_request_context("/es/"):
        assert str(code) == str(sheet.soup.__class__(str(qr_svg(f"{PUBLIC}/es/sheet?country=es")), "html.parser").svg)


# --- changing language keeps the answers: kiosk ----------------------------------------------

def test_kiosk_language_change_on_a_step_keeps_the_answers_and_the_step(client):
    # Posted to the country step, the exam step is shown: the switcher posts to that.
    exam = kiosk_post(client, "/kiosk/en/check/country", [("country", "es")])
    assert exam.select("#exam-mri")
    spanish = switch_to(client, exam, "es")
    assert spanish.one("html")["lang"] == "es"
    assert spanish.select("#exam-mri") and spanish.one("form.step-form input[name=country]")["value"] == "es"
    # A step opened from the review keeps its way back to the review.
    step = kiosk_post(client, "/kiosk/en/check/setting", ANSWERS, show="1", then="review")
    assert ("then", "review") in switcher_fields(step)
    french = switch_to(client, step, "fr")
    assert french.one("form.step-form input[name=then]")["value"] == "review"
    assert french.one("#setting-hospital").has_attr("checked")


@pytest.mark.parametrize("url, extra, heading", [
    ("/kiosk/en/check/review", [], ".answers"),
    ("/kiosk/en/sheet", [("also", "fr")], "section.rights"),
    ("/kiosk/en/next-steps", [("stage", "followup"), ("received", "2026-11-20")], "main"),
])
def test_kiosk_language_change_keeps_the_answers(client, url, extra, heading):
    page = kiosk_post(client, url, [*ANSWERS, *extra])
    carried = switcher_fields(page)
    assert sorted(carried) == sorted([*ANSWERS, *extra, ("show", "1")])
    formactions = [b["formaction"] for b in page.select("nav.languages button")]
    assert all("?" not in action for action in formactions)
    assert f"/kiosk/de{url.removeprefix('/kiosk/en')}" in formactions
    german = switch_to(client, page, "de")
    assert german.one("html")["lang"] == "de"
    assert sorted(switcher_fields(german)) == sorted(carried)  # and on again, the same answers


def test_kiosk_english_link_of_an_unreviewed_language_posts_the_answers(client):
    page = kiosk_post(client, "/kiosk/es/sheet", ANSWERS, lang="es")
    button = page.one(".review-note button")
    assert button["form"] == "switch-language" and button["formaction"] == "/kiosk/en/sheet"
    english = kiosk_post(client, button["formaction"], switcher_fields(page))
    assert sorted(switcher_fields(english)) == sorted([*ANSWERS, ("show", "1")])


def test_kiosk_pages_not_posted_keep_plain_links_without_answers(client):
    page = check_page(client.get("/kiosk/en/check/country"))
    assert not page.select("#switch-language")
    assert [a["href"] for a in page.select("nav.languages a")][:2] == [
        "/kiosk/en/check/country", "/kiosk/es/check/country"]


# --- changing language keeps the answers: web ---------------------------------------------

@pytest.mark.parametrize("url", [
    "/en/check/setting?country=de&exam=mri&channel=portal&channel=disc",
    "/en/check/setting?country=de&exam=mri&channel=portal&setting=office&then=review",
    "/en/check/review?country=de&exam=mri&channel=portal&setting=hospital&worry=research",
    "/en/sheet?country=de&exam=mri&channel=portal&setting=hospital&worry=research&also=fr",
    "/en/sheet?country=de&exam=mri&more=1",
    "/en/next-steps?country=us&exam=ct&also=fr",
    "/en/next-steps?country=us&exam=ct&stage=followup&received=2026-11-20",
    "/en/next-steps?country=gb&want=dicom&want=report&by=disc",
])
def test_web_language_links_carry_the_query(client, url):
    page = check_page(client.get(url))
    query = sorted(parse_qsl(urlsplit(url).query))
    links = page.select("nav.languages a")
    assert len(links) == len(i18n_languages(client))
    for link in links:
        href = urlsplit(link["href"])
        assert href.path == f"/{link['hreflang'].lower()}{urlsplit(url).path.removeprefix('/en')}"
        assert sorted(parse_qsl(href.query)) == query, link["href"]
    spanish = check_page(client.get(page.one('nav.languages a[hreflang="es"]')["href"]), lang="es")
    assert sorted(parse_qsl(urlsplit(spanish.one('nav.languages a[hreflang="en"]')["href"]).query)) == query


def i18n_languages(client):
    return client.application.config["LANGUAGES"]
