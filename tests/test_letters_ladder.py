"""A request the clinic cannot misread, and the follow-up ladder with no account (issue 11,
items 3 and 4): the patient's choices in the letter in every language, the clinic's privacy
contact, and each step opened from the link the step before gave, with its dates and body."""

import re
from datetime import date, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from babel.dates import format_date
from flask_babel import force_locale

from askfirst import letter_words as words
from askfirst.i18n import gettext_locale, locale_of
from askfirst.labels import label
from askfirst.letter import WANTS, WAYS
from askfirst.places import PLACES
from conftest import LANGUAGES, check_page
from walk import form_fields

PUBLIC = "https://askfirst.example"


def normalized(text: str) -> str:
    return " ".join(text.split())


def letter_body(page) -> str:
    return normalized(page.one(".letter .letter-body").get_text(" "))


def library(app):
    return app.extensions["askfirst_library"]


def long_date(day: date, lang: str = "en") -> str:
    return format_date(day, "long", locale=locale_of(lang))


def received_day() -> date:
    """A day the clinic received the request: some weeks ago, on a day of the month every
    month has, so that a month later is plain to compute by hand."""
    day = date.today() - timedelta(days=45)
    return day.replace(day=min(day.day, 28))


def months_later(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    return day.replace(year=day.year + month_index // 12, month=month_index % 12 + 1)


# --- the request: what and how, in every language ------------------------------------------

CHOSEN_WANTS, CHOSEN_WAYS = ("viewer", "report"), ("usb", "post")

EVERY_LANGUAGE = LANGUAGES


@pytest.mark.parametrize("lang", EVERY_LANGUAGE)
def test_the_chosen_items_and_ways_are_in_the_letter_in_every_language(app, client, lang):
    query = "country=us&exam=mri&" + "&".join([*(f"want={w}" for w in (*CHOSEN_WANTS, "recipients")),
                                               *(f"by={w}" for w in CHOSEN_WAYS)])
    page = check_page(client.get(f"/{lang}/next-steps?{query}"), lang=lang)
    body = letter_body(page)
    with app.test_request_context(f"/{lang}/"), force_locale(gettext_locale(lang)):
        for want in WANTS:
            if want in words.WANT:
                assert (normalized(str(words.WANT[want])) in body) == (want in CHOSEN_WANTS), want
        for way in WAYS:
            assert (normalized(str(words.WAY[way])) in body) == (way in CHOSEN_WAYS), way
        exam = label("exam", "mri")
        unknown_scan = str(words.SCAN_UNKNOWN)
    assert exam in body and unknown_scan not in body  # the exam prefilled from the answers
    recipients = library(app).letter("us", lang).parts.get("recipients")
    assert recipients and normalized(recipients) in body
    # The form shows the choices as chosen, so that the patient can change them.
    assert [box["value"] for box in page.select("form.letter-choices input[name=want][checked]")] == \
        ["viewer", "report", "recipients"]
    assert [box["value"] for box in page.select("form.letter-choices input[name=by][checked]")] == ["usb", "post"]


@pytest.mark.parametrize("lang", EVERY_LANGUAGE)
def test_unchosen_recipients_and_an_unknown_scan_in_every_language(app, client, lang):
    page = check_page(client.get(f"/{lang}/next-steps?country=gb&exam=unsure&want=dicom&by=email"), lang=lang)
    body = letter_body(page)
    with app.test_request_context(f"/{lang}/"), force_locale(gettext_locale(lang)):
        assert normalized(str(words.WANT["dicom"])) in body
        assert normalized(str(words.WAY["email"])) in body
        assert str(words.SCAN_UNKNOWN) in body
    recipients = library(app).letter("uk", lang).parts.get("recipients")
    assert recipients and normalized(recipients) not in body


@pytest.mark.parametrize("query, offered", [
    ("country=us", True), ("country=fr", True), ("country=de&land=nw&operator=private", True),
    ("country=gb", True), ("country=ca&province=on", False), ("country=ca", False),
    ("country=other", False), ("country=unsure", False)])
def test_who_received_my_images_is_offered_only_where_the_law_gives_it(client, query, offered):
    page = check_page(client.get(f"/en/next-steps?{query}&want=recipients&want=dicom"))
    assert bool(page.select("input#want-recipients")) == offered
    if not offered:  # asked for in a hand-made link, it is still left out of the letter
        assert "who received" not in letter_body(page).lower()
        assert "who has received" not in letter_body(page).lower()


def test_by_default_the_letter_asks_for_the_files_and_the_report(client):
    body = letter_body(check_page(client.get("/en/next-steps?country=fr&exam=ct")))
    assert "the full image files, in DICOM format" in body and "the written report on the images" in body
    assert "viewer program" not in body and "Please send it to me" not in body


# --- the clinic's privacy contact -----------------------------------------------------------

def mailto_of(page) -> tuple[str, dict]:
    href = page.one(".letter a[href^='mailto:']")["href"]
    parts = urlsplit(href)
    return unquote(parts.path), parse_qs(parts.query)


def test_letters_to_the_clinic_are_addressed_to_its_privacy_contact(app_with):
    client = app_with(PRIVACY_CONTACT="privacy@clinic.example").test_client()
    received = received_day().isoformat()
    for url in ["/en/next-steps?country=us&exam=ct", f"/es/next-steps?stage=followup&country=es&received={received}",
                "/en/breach?country=gb"]:
        page = check_page(client.get(url), lang=url.split("/")[1])
        to, query = mailto_of(page)
        assert to == "privacy@clinic.example", url
        assert query["subject"] == [page.one(".letter h3").get_text()]
        # The e-mail holds the letter shown, paragraph by paragraph.
        for paragraph in page.select(".letter .letter-body p"):
            assert paragraph.get_text().strip() in query["body"][0], url
    # A complaint goes to the body, not to the clinic: its address is left for the patient.
    complaint = check_page(client.get(f"/en/next-steps?stage=complaint&country=us&received={received}"))
    assert mailto_of(complaint)[0] == ""


def test_without_a_privacy_contact_the_patient_fills_in_the_address(client):
    assert mailto_of(check_page(client.get("/en/next-steps?country=us")))[0] == ""


@pytest.mark.parametrize("contact", ["a@b.c?cc=x", "privacy@clinic.example?bcc=someone@else.example",
                                     "privacy@clinic.example&body=x", "a@b.example,c@d.example",
                                     "privacy clinic@x.example", "not an address", "<privacy@clinic.example>"])
def test_an_invalid_privacy_contact_stops_start_up(app_with, contact):
    with pytest.raises(ValueError, match="ASKFIRST_PRIVACY_CONTACT"):
        app_with(PRIVACY_CONTACT=contact)


# --- the ladder: reminder, follow-up, complaint ----------------------------------------------

def unfolded(ics: str) -> dict[str, str]:
    """The iCalendar content lines, unfolded (RFC 5545 3.1), by property name."""
    lines = ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    return {line.split(":", 1)[0].split(";", 1)[0]: line.split(":", 1)[1] for line in lines if ":" in line}


def ics_text(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def reminder_link(client, query: str, lang: str = "en") -> tuple[str, dict]:
    response = client.get(f"/{lang}/next-steps/reminder.ics?{query}")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    properties = unfolded(response.get_data(as_text=True))
    description = ics_text(properties["DESCRIPTION"])
    link = description.split()[-1]
    assert link.startswith(f"{PUBLIC}/{lang}/next-steps?"), link  # the public address, never the Host
    return link[len(PUBLIC):], properties


@pytest.fixture()
def public_client(app_with):
    return app_with(PUBLIC_BASE_URL=PUBLIC).test_client()


def test_us_reminder_opens_the_follow_up_with_the_dates_and_the_body(public_client):
    received = received_day()
    link, properties = reminder_link(public_client, f"country=us&exam=ct&setting=hospital&received={received}")
    assert properties["DTSTART"] == (received + timedelta(days=31)).strftime("%Y%m%d")
    args = parse_qs(urlsplit(link).query)
    assert args == {"stage": ["followup"], "country": ["us"], "exam": ["ct"], "received": [received.isoformat()]}
    page = check_page(public_client.get(link))
    assert page.one("nav.ladder [aria-current=step]").get_text(" ").strip() == "2. No answer in time: ask again"
    body = letter_body(page)
    assert f"On {long_date(received)} you received my request" in body
    assert f"Under HIPAA, the answer was due by {long_date(received + timedelta(days=30))}." in body
    assert f"the answer was due by {long_date(received + timedelta(days=60))} at the latest" in body
    assert "I will complain to U.S. Department of Health and Human Services, Office for Civil Rights." in body
    assert long_date(received) in page.one(".letter h3").get_text()


def test_ontario_ladder_from_reminder_to_complaint(public_client):
    received = received_day()
    link, properties = reminder_link(public_client,
                                     f"country=ca&province=on&exam=mammogram&setting=mobile&received={received}")
    assert properties["DTSTART"] == (received + timedelta(days=31)).strftime("%Y%m%d")
    args = parse_qs(urlsplit(link).query)
    assert args["province"] == ["on"] and args["exam"] == ["mammogram"] and "setting" not in args
    follow_up = check_page(public_client.get(link))
    body = letter_body(follow_up)
    assert f"Under PHIPA, the answer was due by {long_date(received + timedelta(days=30))}." in body
    assert f"{long_date(received + timedelta(days=60))} at the latest" in body
    assert "complain to Information and Privacy Commissioner of Ontario" in body

    # The timeline's link to the next step carries the date the request was received.
    complaint_link = [a["href"] for a in follow_up.select("nav.ladder a") if "stage=complaint" in a["href"]]
    assert len(complaint_link) == 1
    args = parse_qs(urlsplit(complaint_link[0]).query)
    assert args["received"] == [received.isoformat()] and args["province"] == ["on"]
    complaint = check_page(public_client.get(complaint_link[0]))
    assert complaint.one("nav.ladder [aria-current=step]").get_text(" ").strip() == "3. Still no answer: complain"
    body_box = complaint.one("section.rights li.authority").get_text(" ")
    assert "Information and Privacy Commissioner of Ontario (IPC)" in body_box
    assert "2 Bloor Street East, Suite 1400, Toronto ON M4W 1A8" in body_box
    assert "Time limit to complain: 6 months." in normalized(body_box)
    assert "https://www.ipc.on.ca/en/resources/forms/file-health-information-privacy-complaint" in body_box
    assert f"On {long_date(received)} the clinic received my request" in letter_body(complaint)


def test_france_follow_up_counts_the_health_records_rule_first(public_client):
    received = received_day()
    link, properties = reminder_link(public_client, f"country=fr&exam=mri&received={received}", lang="fr")
    assert properties["DTSTART"] == (received + timedelta(days=9)).strftime("%Y%m%d")  # 8 days, then the day after
    page = check_page(public_client.get(link), lang="fr")
    deadlines = normalized(page.one("section.deadlines").get_text(" "))
    assert long_date(received + timedelta(days=8), "fr") in deadlines
    assert long_date(months_later(received, 1), "fr") in deadlines  # the GDPR's month
    assert long_date(months_later(received, 3), "fr") in deadlines  # and its two more
    body = letter_body(page)
    assert long_date(received + timedelta(days=8), "fr") in body and "L1111-7" in body
    assert "Commission nationale de l'informatique et des libertés" in body


AUTHORITY_OF = {  # place answers -> the one body to complain to
    "country=us": "us",
    "country=gb": "gb",
    "country=fr": "fr",
    "country=ca&province=on": "ca-on",
    "country=ca&province=bc": "ca-bc",
    "country=de&land=by&operator=private": "de-by-private",
    "country=de&land=nw&operator=private": "de-nw",
    "country=de&land=by&operator=protestant": "de-ekd",
}


@pytest.mark.parametrize("query, authority", AUTHORITY_OF.items(), ids=AUTHORITY_OF.values())
def test_the_complaint_names_the_right_body_and_its_time_limit(client, query, authority):
    body = PLACES.authorities[authority]
    received = received_day().isoformat()
    page = check_page(client.get(f"/en/next-steps?stage=complaint&{query}&received={received}"))
    listed = page.select("section.rights li.authority")
    assert len(listed) == 1
    text = normalized(listed[0].get_text(" "))
    assert body.name in text
    assert (body.complain_url or body.url) in text
    if body.address:
        assert body.address in text
    assert ("Time limit to complain" in text) == (body.complaint_limit is not None)
    if body.complaint_limit:
        unit = "days" if body.complaint_limit.unit == "days" else "months"
        assert f"Time limit to complain: {body.complaint_limit.amount} {unit}." in text
    follow_up = check_page(client.get(f"/en/next-steps?stage=followup&{query}&received={received}"))
    assert f"I will complain to {body.name}." in letter_body(follow_up)


def test_us_complaint_names_ocr(client):
    page = check_page(client.get(f"/en/next-steps?stage=complaint&country=us&received={received_day()}"))
    rights = normalized(page.one("section.rights").get_text(" "))
    assert "Office for Civil Rights (OCR)" in rights and "https://ocrportal.hhs.gov/ocr/smartscreen/main.jsf" in rights


def test_germany_with_the_operator_unsure_names_one_of_these(client):
    received = received_day().isoformat()
    page = check_page(client.get(f"/en/next-steps?stage=complaint&country=de&land=by&operator=unsure"
                                 f"&received={received}"))
    rights = normalized(page.one("section.rights").get_text(" "))
    assert "It may be one of these:" in rights
    names = [normalized(li.select_one("strong").get_text(" ")) for li in page.select("section.rights li.authority")]
    assert len(names) > 1
    assert any("BayLDA" in name for name in names) and any("BayLfD" in name for name in names)
    follow_up = check_page(client.get(f"/en/next-steps?stage=followup&country=de&land=by&operator=unsure"
                                      f"&received={received}"))
    assert "I will complain to the authority that oversees privacy where the clinic is." in letter_body(follow_up)


@pytest.mark.parametrize("stage", ["followup", "complaint"])
def test_without_the_date_a_later_step_asks_for_it_first(client, stage):
    page = check_page(client.get(f"/en/next-steps?stage={stage}&country=us&exam=ct"))
    assert not page.select(".letter") and not page.select("section.deadlines")
    form = page.one("form.received")
    assert page.one("label[for=received]").get_text() == "The day the clinic received your request"
    received = received_day().isoformat()
    fields = [(name, value) for name, value in form_fields(page, "form.received") if name != "received"]
    assert ("stage", stage) in fields and ("country", "us") in fields and ("exam", "ct") in fields
    response = client.get(form["action"], query_string=[*fields, ("received", received)])
    answered = check_page(response)
    assert f"{long_date(received_day())}" in letter_body(answered)
    assert answered.one("nav.ladder [aria-current=step]")


def test_the_request_timeline_links_carry_no_date_until_one_is_given(client):
    page = check_page(client.get("/en/next-steps?country=us&exam=ct"))
    links = [a["href"] for a in page.select("nav.ladder a")]
    assert len(links) == 2 and all("received" not in link for link in links)
    received = received_day().isoformat()
    page = check_page(client.get(f"/en/next-steps?country=us&exam=ct&received={received}"))
    assert all(f"received={received}" in a["href"] for a in page.select("nav.ladder a"))


@pytest.mark.parametrize("url", ["/pt-br/next-steps?country=us", "/zh-hans/next-steps?country=fr",
                                 "/pt-br/next-steps?stage=followup&country=us&received={received}",
                                 "/zh-hans/next-steps?stage=complaint&country=gb&received={received}",
                                 "/en/next-steps?country=us&also=pt-br"])
def test_letters_open_in_portuguese_and_chinese(client, url):
    url = url.format(received=received_day().isoformat())
    page = check_page(client.get(url), lang=url.split("/")[1])
    assert page.select(".letter")


@pytest.mark.parametrize("lang, written", [("fr", "1er octobre 2026"), ("pt-br", "1º de outubro de 2026"),
                                           ("vi", "1 tháng 10 năm 2026"), ("de", "1. Oktober 2026"),
                                           ("en", "October 1, 2026")])
def test_dates_are_written_as_letters_in_that_language_write_them(client, lang, written):
    page = check_page(client.get(f"/{lang}/next-steps?country=fr&stage=followup&received=2026-10-01"), lang=lang)
    assert written in page.one(".letter .letter-body").get_text(" ")
    assert written in page.one("section.deadlines").get_text(" ")
