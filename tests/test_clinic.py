"""Waiting rooms and advocates: kiosk mode, a clinic's own settings, prepared links, the
partners page, the poster, and the page for after the appointment."""

import re
from datetime import date, timedelta
from urllib.parse import unquote

import pytest
from werkzeug.datastructures import MultiDict

from conftest import Page, check_page, fresh_app
from walk import form_fields

ANSWER_VALUES = ["mri", "portal", "hospital", "research", "es"]


def urls_in(page: Page) -> list[str]:
    return [tag.get("href") or tag.get("action") for tag in page.soup.select("[href], form[action]")]


def kiosk_post(client, url, fields, **extra):
    data = MultiDict(fields)
    for key, value in extra.items():
        data.add(key, value)
    response = client.post(url, data=data)
    assert response.status_code == 200, response.status_code  # shown, never redirected
    return check_page(response)


# --- kiosk mode ---------------------------------------------------------------------------

def test_kiosk_walk_keeps_every_answer_out_of_every_url(client):
    start = client.get("/kiosk/en/check")
    assert start.headers["Location"] == "/kiosk/en/check/person"
    page = check_page(client.get(start.headers["Location"]))
    for field, value in [("person", "self"), ("country", "es"), ("exam", "mri"), ("channel", "portal"), ("setting", "hospital"),
                         ("worry", "research")]:
        form = page.one("form.step-form")
        assert form["method"] == "post" and form["action"].startswith("/kiosk/en/check/")
        page = kiosk_post(client, form["action"], [f for f in form_fields(page, "form.step-form")
                                                   if f[0] != field] + [(field, value)])
        for url in urls_in(page):
            assert "?" not in url or not any(v in url for v in ANSWER_VALUES), url
    assert page.one("h1").get_text() == "Check your answers"
    make_sheet = page.one("form.make-sheet")
    assert make_sheet["method"] == "post"
    sheet = kiosk_post(client, make_sheet["action"], form_fields(page, "form.make-sheet"))
    assert len(sheet.select(".ask-first .question, .then-ask .question")) == client.application.config[
        "SHEET_MAX_QUESTIONS"]
    assert "AEPD" in sheet.one("section.rights").get_text()
    assert sheet.headers["Cache-Control"] == "no-store"
    assert not sheet.select("a[download]")  # a shared screen keeps no files
    assert not [url for url in urls_in(sheet) if "?" in url and "country" in url]


def test_kiosk_returns_to_the_start_by_itself_and_has_a_way_out(client):
    page = check_page(client.get("/kiosk/en/check/exam"))
    # Without JavaScript: a refresh three times the idle time (static/kiosk.js does better).
    refresh = page.one('noscript meta[http-equiv="refresh"]')["content"]
    assert refresh == "360; url=/kiosk/en/"
    assert page.one("a.finish")["href"] == "/kiosk/en/"
    assert "kiosk" in page.one("body")["class"]
    home = check_page(client.get("/kiosk/en/"))
    assert not home.select('meta[http-equiv="refresh"]') and not home.select("a.finish")


def test_kiosk_change_from_a_review_with_unanswered_steps_comes_back_to_it(client):
    review = kiosk_post(client, "/kiosk/en/check/review", [("country", "gb"), ("exam", "ct")])
    change = next(form for form in review.select(".change form") if "/check/exam?" in form["action"])
    exam = kiosk_post(client, change["action"], form_fields(review, f".change form[action='{change['action']}']"))
    fields = [f for f in form_fields(exam, "form.step-form") if f[0] != "exam"] + [("exam", "xray")]
    back = kiosk_post(client, exam.one("form.step-form")["action"], fields)
    assert back.one("h1").get_text() == "Check your answers"


def test_kiosk_back_and_change_are_posted_and_keep_answers(client):
    setting = kiosk_post(client, "/kiosk/en/check/setting", [("country", "gb"), ("exam", "ct"), ("channel", "disc")],
                         show="1")
    back = setting.one(".back-nav form")
    assert back["method"] == "post" and "?" not in back["action"]
    page = kiosk_post(client, back["action"], form_fields(setting, ".back-nav form"))
    assert page.one("h1").get_text() == "How will you get or share the images?"
    assert page.one("#channel-disc").has_attr("checked")  # the step before, answer kept
    review = kiosk_post(client, "/kiosk/en/check/review", [("country", "gb"), ("exam", "ct"), ("channel", "disc"),
                                                           ("setting", "office"), ("worry", "rights")])
    change = next(form for form in review.select(".change form") if "/check/exam?" in form["action"])
    exam = kiosk_post(client, change["action"], form_fields(review, f".change form[action='{change['action']}']"))
    assert exam.one("#exam-ct").has_attr("checked")
    assert exam.one("form.step-form input[name=then]")["value"] == "review"
    fields = [f for f in form_fields(exam, "form.step-form") if f[0] != "exam"] + [("exam", "xray")]
    back = kiosk_post(client, exam.one("form.step-form")["action"], fields)
    assert back.one("h1").get_text() == "Check your answers"
    assert "X-ray" in back.one(".answers").get_text()


def test_kiosk_pages_keep_nothing_and_link_nowhere_else(client):
    for url in ["/kiosk/en/", "/kiosk/en/help", "/kiosk/es/rights", "/kiosk/en/check/country"]:
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
        page = check_page(response, lang=url.split("/")[2])
        leaving = [href for href in urls_in(page) if re.match(r"(https?:|mailto:|//)", href or "")]
        assert leaving == [], url
    assert check_page(client.get("/en/help")).select('main a[href^="https:"]')  # outside kiosk: links


def test_kiosk_offers_no_downloads(client):
    assert client.get("/kiosk/en/sheet.pdf?country=us").status_code == 404
    assert client.get("/kiosk/en/next-steps/reminder.ics?country=us").status_code == 404
    page = kiosk_post(client, "/kiosk/en/next-steps", [("country", "us")])
    assert not page.select('a[href^="mailto:"]') and not page.select("form.reminder")


def test_kiosk_language_buttons_post_the_answers_and_no_url_holds_one(client):
    page = kiosk_post(client, "/kiosk/en/check/country", [("country", "es")])
    # A posted page: each language posts the answers to the page shown (the next step).
    assert not page.select("nav.languages a")
    assert [b["formaction"] for b in page.select("nav.languages button")][:2] == [
        "/kiosk/en/check/exam", "/kiosk/es/check/exam"]
    assert page.one("form#switch-language")["method"] == "post"


def test_kiosk_mode_from_configuration(app_with):
    client = app_with(KIOSK=True).test_client()
    page = check_page(client.get("/en/check/country"))
    assert page.one('noscript meta[http-equiv="refresh"]')["content"] == "360; url=/en/"
    assert client.post("/en/check/country", data={"country": "us"}).status_code == 200


# --- a clinic's own settings --------------------------------------------------------------

def test_clinic_name_on_the_sheet_and_the_poster(app_with):
    client = app_with(CLINIC_NAME="Riverside Imaging").test_client()
    sheet = check_page(client.get("/en/sheet?country=us"))
    assert sheet.soup.select_one(".sheet-header dd").get_text() == "Riverside Imaging"
    assert check_page(client.get("/en/poster")).one(".poster-clinic").get_text() == "Riverside Imaging"


def test_default_country_is_preselected_but_not_assumed(app_with):
    client = app_with(DEFAULT_COUNTRY="dk").test_client()
    step = check_page(client.get("/da/check/country"), lang="da")
    assert step.one("option[selected]")["value"] == "dk"
    other = check_page(client.get("/da/check/country?country=se"), lang="da")
    assert other.one("option[selected]")["value"] == "se"
    sheet = check_page(client.get("/en/sheet"))  # a sheet never assumes a country
    assert "Denmark" not in sheet.one("section.rights").get_text()


def test_a_default_country_the_check_does_not_offer_stops_start_up(app_with):
    with pytest.raises(ValueError):
        app_with(DEFAULT_COUNTRY="xx")


# --- prepared links -----------------------------------------------------------------------

def test_a_prepared_link_fills_in_every_step(client):
    query = "country=es&exam=mri&channel=portal&channel=disc&setting=hospital&worry=research&worry=bogus"
    first = client.get(f"/es/check?{query}")
    assert first.status_code == 302
    # The link does not say who the scan is for: the check asks that first, then shows the
    # country the link chose.
    assert first.headers["Location"].startswith("/es/check/person?")
    step = check_page(client.get(f"/es/check/country?{query}"), lang="es")
    assert step.one("option[selected]")["value"] == "es"
    for field, values in [("exam", ["mri"]), ("channel", ["portal", "disc"]), ("setting", ["hospital"]),
                          ("worry", ["research"])]:
        page = check_page(client.get(f"/es/check/{field}?{query}"), lang="es")
        assert [i["value"] for i in page.select(f"input[name={field}][checked]")] == values


def test_a_prepared_sheet_link_opens_the_finished_sheet(client):
    page = check_page(client.get("/fr/sheet?country=fr&exam=ct&channel=link&setting=office&worry=breach"),
                      lang="fr")
    assert "CNIL" in page.one("section.rights").get_text()
    assert len(page.select(".ask-first .question, .then-ask .question")) == client.application.config[
        "SHEET_MAX_QUESTIONS"]


# --- partners -----------------------------------------------------------------------------

def test_partners_page_builds_a_link_a_qr_code_and_a_plain_button(app_with):
    client = app_with(PUBLIC_BASE_URL="https://askfirst.example").test_client()
    empty = check_page(client.get("/en/partners"))
    assert not empty.select(".prepared")
    page = check_page(client.get("/en/partners?link_lang=es&target=sheet&country=es&exam=mri&channel=portal"))
    link = page.one(".prepared .url a")["href"]
    assert link == "https://askfirst.example/es/sheet?country=es&exam=mri&channel=portal"
    assert page.one(".qr-large svg")
    snippet = page.one(".prepared pre code").get_text()
    assert snippet.startswith(f'<a href="{link}"') and "Preguntas" in snippet  # the link's language
    assert "<script" not in snippet and "<iframe" not in snippet
    svg = client.get("/en/partners/qr.svg?link_lang=es&target=sheet&country=es&exam=mri&channel=portal")
    png = client.get("/en/partners/qr.png?link_lang=es&target=sheet&country=es&exam=mri&channel=portal")
    assert svg.mimetype == "image/svg+xml" and svg.data.startswith(b"<?xml")
    assert png.mimetype == "image/png" and png.data.startswith(b"\x89PNG")
    check = check_page(client.get("/en/partners?link_lang=de&target=check&exam=xray"))
    assert check.one(".prepared .url a")["href"] == "https://askfirst.example/de/check?exam=xray"


def test_partners_qr_needs_a_real_link(client):
    assert client.get("/en/partners/qr.png?link_lang=xx").status_code == 404
    assert client.get("/en/partners/qr.gif?link_lang=en").status_code == 404


def test_a_partners_request_longer_than_any_form_gets_no_qr_code(client):
    every_choice = "link_lang=zh-hans&target=sheet&country=other&exam=ultrasound&setting=imaging_centre&" + \
        "&".join(f"channel={value}" for value in ("portal", "link", "disc", "other_doctor")) + "&" + \
        "&".join(f"worry={value}" for value in ("who_sees", "internet", "sharing", "research", "copies",
                                                "identity", "keeping", "breach", "rights", "authorities"))
    assert client.get(f"/en/partners/qr.png?{every_choice}").status_code == 200
    padded = f"{every_choice}&note={'x' * 3000}"  # valid choices, but far more than the form sends
    assert client.get(f"/en/partners/qr.png?{padded}").status_code == 404
    assert client.get(f"/en/partners?{padded}").status_code == 200  # the form, with no link or code


def test_a_configured_address_that_is_no_host_name_stops_start_up():
    """Such an address (one label of 1,100 letters) could not be printed as a code either:
    it is refused when the app starts, not on the first QR code."""
    with pytest.raises(ValueError, match="ASKFIRST_PUBLIC_BASE_URL"):
        fresh_app(PUBLIC_BASE_URL="https://" + "a" * 1100 + ".example")


# --- poster -------------------------------------------------------------------------------

def test_poster_in_the_chosen_languages_in_order(client):
    page = check_page(client.get("/en/poster?langs=ar,es&langs=xx,zh-hans,fr,de"))
    blocks = page.select(".poster-block")
    assert [b["lang"] for b in blocks] == ["ar", "es", "zh-Hans", "fr"]  # at most four, unknown ones dropped
    assert blocks[0]["dir"] == "rtl"
    assert blocks[1].select_one(".url").get_text().endswith("/es/")
    single = check_page(client.get("/vi/poster"), lang="vi")
    assert [b["lang"] for b in single.select(".poster-block")] == ["vi"]


# --- after the appointment ----------------------------------------------------------------

@pytest.mark.parametrize("country, says, cites", [
    ("us", ["HIPAA Privacy Rule", "30 days"], ["45 CFR §164.524"]),
    ("es", ["data protection law", "one month"], ["GDPR Art. 15", "Art. 12(3)"]),
    ("gb", ["data protection law", "one month"], ["UK GDPR Art. 15"]),
    # Canada: the province's law, never PIPEDA by default (it is named under the letter only
    # as the law "where it applies").
    ("ca", ["which privacy law applies"], ["province or territory"]), ("other", ["DICOM"], []),
])
def test_next_steps_letter_cites_the_law_and_deadline(client, country, says, cites):
    """The letter says what it asks in plain words; the law's references are in one line
    under it, not in its sentences."""
    page = check_page(client.get(f"/en/next-steps?country={country}"))
    body = page.one(".letter .letter-body").get_text(" ")
    for words in says:
        assert words in body
    for cite in cites:
        assert cite in page.one(".letter .letter-legal").get_text(" ")
    assert not re.search(r"CFR|Art(icle)?\.? ?\d|§|PIPEDA", body)
    if not cites:
        assert not page.select(".letter .letter-legal")
    mailto = page.one('a[href^="mailto:"]')["href"]
    assert unquote(mailto).startswith("mailto:?subject=") and "[your name]" in unquote(mailto)


def test_next_steps_letter_also_in_the_clinics_language(client):
    page = check_page(client.get("/en/next-steps?country=us&also=es"))
    letters = page.select(".letter")
    assert [letter.get("lang") for letter in letters] == ["en", "es"]
    assert "45 CFR §164.524" in letters[1].select_one(".letter-legal").get_text()


def test_reminder_file_for_the_day_after_the_deadline(client):
    us = client.get("/en/next-steps/reminder.ics?country=us&sent=2026-11-02")
    assert us.mimetype == "text/calendar" and us.headers["Cache-Control"] == "no-store"
    text = us.get_data(as_text=True)
    assert "DTSTART;VALUE=DATE:20261203" in text  # 30 days, then the day after
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    eu = client.get("/en/next-steps/reminder.ics?country=de&sent=2026-01-31").get_data(as_text=True)
    assert "DTSTART;VALUE=DATE:20260301" in eu  # one month from 31 January is 28 February


def test_no_reminder_without_a_legal_deadline(client):
    assert client.get("/en/next-steps/reminder.ics?country=ca").status_code == 404
    assert not check_page(client.get("/en/next-steps?country=ca")).select("form.reminder")


@pytest.mark.parametrize("sent", ["yesterday", "2026-13-01", (date.today() + timedelta(days=900)).isoformat()])
def test_a_nonsense_date_gets_a_translated_400(client, sent):
    page = check_page(client.get(f"/es/next-steps/reminder.ics?country=es&sent={sent}"), status=400, lang="es")
    assert page.one("h1").get_text() != "Something in the request was wrong"
