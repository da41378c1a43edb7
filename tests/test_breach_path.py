"""When images were exposed (issue 11, item 5), and kiosk mode's own way with the new pages
(item 6): the path from the home page, the rules where the patient is treated, the letter
asking for the details and the body to complain to; in kiosk mode, posted and with nothing
to take away."""

import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from askfirst.places import PLACES
from conftest import LANGUAGES, Page, check_page
from walk import form_fields


def normalized(text: str) -> str:
    return " ".join(text.split())


def links_out(page: Page) -> list[str]:
    return [tag.get("href") for tag in page.soup.select("[href]")
            if re.match(r"(https?:|mailto:|//)", tag.get("href") or "")]


# --- from the home page --------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_breach_path_starts_on_the_home_page_in_every_language(client, lang):
    home = check_page(client.get(f"/{lang}/"), lang=lang)
    link = home.one("main .other-paths a")
    assert link["href"] == f"/{lang}/breach"
    page = check_page(client.get(link["href"]), lang=lang)
    chooser = page.one("section.place-chooser form")
    assert chooser["method"] == "get" and chooser["action"] == f"/{lang}/breach"
    assert page.select("section.place-chooser select#country")
    assert not page.select("section.breach-rules")  # no place chosen: no rules yet
    if page.one("article.prose").get("lang"):  # shown in English until translated, and marked so
        assert page.one("article.prose")["lang"] == "en" and page.select("p.notice")


# --- the rules where the patient is treated ------------------------------------------------

BREACH_RULES = {
    # place answers -> words of the rules, the body to complain to
    "country=us": (["within 60 days", "500 or more", "45 CFR §§164.402–164.412"], "us"),
    "country=fr": (["high risk", "72 hours", "GDPR Art. 33 and 34"], "fr"),
    "country=es": (["high risk", "without undue delay"], "es"),
    "country=gb": (["same as in the EU", "high risk", "ICO", "UK GDPR"], "gb"),
    "country=ca&province=on": (["first reasonable opportunity", "(IPC)", "PHIPA s. 12(2)"], "ca-on"),
    "country=other": (["AskFirst has not checked the rules"], None),
    "country=unsure": (["AskFirst has not checked the rules"], None),
}


@pytest.mark.parametrize("query, expected", BREACH_RULES.items(), ids=BREACH_RULES.keys())
def test_the_rules_the_letter_and_the_body_for_each_place(client, query, expected):
    words, authority = expected
    response = client.get(f"/en/breach?{query}")
    assert response.headers["Cache-Control"] == "no-store"  # it carries the place
    page = check_page(response)
    rules = normalized(page.one("section.breach-rules").get_text(" "))
    for word in words:
        assert word in rules, word
    letter = page.one("section.letter")
    assert letter.select_one("h3").get_text() == "Questions about a data breach that may affect medical images"
    body = normalized(letter.select_one(".letter-body").get_text(" "))
    for asked in ["which ones, and since when", "who may have seen or copied them", "whom you have told",
                  "what you are changing", "what steps you advise to reduce any harm"]:
        assert asked in body
    assert letter.select_one("a[href^='mailto:']")
    rights = page.one("section.rights")
    if authority:
        assert PLACES.authorities[authority].name in rights.get_text(" ")
    else:
        assert not rights.select("li.authority")
    # The chooser keeps the place chosen.
    for name, values in parse_qs(query).items():
        assert page.one(f"section.place-chooser select#{name} option[selected]")["value"] == values[0]


def test_the_us_rules_are_not_shown_elsewhere(client):
    eu = normalized(check_page(client.get("/en/breach?country=fr")).one("section.breach-rules").get_text(" "))
    us = normalized(check_page(client.get("/en/breach?country=us")).one("section.breach-rules").get_text(" "))
    assert "60 days" not in eu and "HHS" not in eu
    assert "high risk" not in us and "GDPR" not in us


def test_the_chooser_asks_the_province_or_land_where_the_rules_depend_on_it(client):
    canada = check_page(client.get("/en/breach?country=ca"))
    assert canada.select("section.place-chooser select#province")
    assert "has not checked" in canada.one("section.breach-rules").get_text()  # no province: no rules claimed
    fields = [(name, value) for name, value in form_fields(canada, "section.place-chooser form") if name != "province"]
    ontario = check_page(client.get("/en/breach", query_string=[*fields, ("province", "on")]))
    assert "(IPC)" in ontario.one("section.breach-rules").get_text()
    germany = check_page(client.get("/en/breach?country=de&land=by"))
    assert germany.select("section.place-chooser select#land")
    assert germany.select("section.place-chooser select#operator")
    assert "high risk" in germany.one("section.breach-rules").get_text()


def test_the_breach_letter_is_addressed_to_the_privacy_contact(app_with):
    client = app_with(PRIVACY_CONTACT="privacy@clinic.example").test_client()
    page = check_page(client.get("/en/breach?country=ca&province=on"))
    href = page.one("section.letter a[href^='mailto:']")["href"]
    assert href.startswith("mailto:privacy%40clinic.example?") or href.startswith("mailto:privacy@clinic.example?")


# --- kiosk mode ----------------------------------------------------------------------------

def test_kiosk_breach_chooser_is_posted_and_shows_the_rules_with_nothing_to_take_away(client):
    start = check_page(client.get("/kiosk/en/breach"))
    form = start.one("section.place-chooser form")
    assert form["method"] == "post" and form["action"] == "/kiosk/en/breach"
    response = client.post(form["action"], data={"country": "ca"})
    assert response.headers["Cache-Control"] == "no-store"
    canada = check_page(response)
    form = canada.one("section.place-chooser form")
    assert form["method"] == "post" and canada.select("select#province")
    fields = [(name, value) for name, value in form_fields(canada, "section.place-chooser form") if name != "province"]
    ontario = check_page(client.post(form["action"], data=MultiDict([*fields, ("province", "on")])))
    assert "(IPC)" in ontario.one("section.breach-rules").get_text()
    assert ontario.one("section.letter .letter-body")
    assert links_out(ontario) == [] and not ontario.select("a[download]")
    # Nothing of this patient in any address on the page.
    assert not [tag.get("href") or tag.get("action") for tag in ontario.soup.select("[href], form[action]")
                if "province=" in (tag.get("href") or tag.get("action") or "")]


@pytest.mark.parametrize("stage", ["request", "followup", "complaint"])
def test_kiosk_next_steps_have_no_e_mail_or_download(client, stage):
    response = client.post("/kiosk/en/next-steps", data={"country": "ca", "province": "on", "exam": "mri",
                                                         "stage": stage,
                                                         "received": (date.today() - timedelta(days=40)).isoformat()})
    assert response.headers["Cache-Control"] == "no-store"
    page = check_page(response)
    assert page.select(".letter")
    assert links_out(page) == [] and not page.select("a[download]") and not page.select("form.reminder")
    # The timeline's steps are posted buttons, with no answer in their address.
    for form in page.select("nav.ladder form"):
        assert form["method"] == "post" and "?" not in form["action"]
    if stage == "complaint":
        assert "Information and Privacy Commissioner of Ontario" in page.one("section.rights").get_text()


def test_kiosk_follow_up_without_a_date_asks_for_it_by_post(client):
    page = check_page(client.post("/kiosk/en/next-steps", data={"country": "us", "stage": "followup"}))
    form = page.one("form.received")
    assert form["method"] == "post" and "?" not in form["action"]
    answered = check_page(client.post(form["action"], data=MultiDict(form_fields(page, "form.received"))))
    assert answered.select(".letter") and not answered.select("a[href^='mailto:']")


def test_kiosk_sheet_has_no_file_or_e_mail(client):
    page = Page(client.post("/kiosk/en/sheet", data={"country": "us", "exam": "ct", "more": "1"}))
    assert page.status == 200 and page.headers["Cache-Control"] == "no-store"
    assert links_out(page) == [] and not page.select("a[download]")
    assert page.select("section.ask-first .question")


def test_a_breach_link_in_the_url_of_the_web_site_keeps_to_get(client):
    # Outside kiosk mode the chooser is a plain GET form; posting it is refused.
    assert client.post("/en/breach", data={"country": "us"}).status_code == 405
    page = check_page(client.get("/en/breach?country=us"))
    assert parse_qs(urlsplit(page.one("section.place-chooser form")["action"]).query) == {}
