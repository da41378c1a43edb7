"""The whole check, step by step, to the sheet, as a patient would go through it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from conftest import LANGUAGES
from walk import form_fields, walk

SPAIN_MRI = {"person": ["self"], "country": ["es"], "exam": ["mri"], "channel": ["portal"], "setting": ["hospital"],
             "worry": ["internet"]}
US_CT = {"person": ["self"], "country": ["us"], "state": ["unsure"], "exam": ["ct"], "channel": ["portal", "disc"],
         "setting": ["imaging_centre"],
         "worry": ["sharing", "rights"]}


def test_spanish_walk_for_an_mri_in_spain_names_the_aepd_and_one_month(client):
    sheet = walk(client, "es", SPAIN_MRI)
    rights = " ".join(sheet.one("section.rights").get_text(" ").split())
    assert "Agencia Española de Protección de Datos" in rights
    assert "AEPD" in rights
    assert "un mes" in rights.lower()
    assert "España" in sheet.one("#rights-title").get_text()
    assert sheet.headers["Cache-Control"] == "no-store"
    # The sheet is in Spanish: its questions carry no other language.
    assert not sheet.select(".question[lang]")
    assert sheet.one("h1").get_text().strip() == "Mis preguntas sobre mis imágenes"


def test_english_walk_for_a_ct_in_the_us_names_ocr_30_days_and_180_days(client):
    sheet = walk(client, "en", US_CT)
    rights = " ".join(sheet.one("section.rights").get_text(" ").split())
    assert "Office for Civil Rights" in rights
    assert "30 days" in rights
    assert "180 days" in rights
    assert "ocrportal.hhs.gov" in rights


def test_sheet_groups_questions_by_topic_with_room_to_answer(client):
    sheet = walk(client, "en", US_CT)
    # The three to ask first lead: a worry's own question first (sharing or rights), as the
    # worry step promises, then the exposed server; then the rest, by topic, the worries'
    # topics first.
    first = [box["id"] for box in sheet.select(".ask-first .question input")]
    assert first[0].removeprefix("q-").split("-")[0] in {"sharing", "rights"}
    assert first[1] == "q-server-internet" and len(first) == 3
    topics = sheet.select(".then-ask section.topic")
    assert topics
    assert topics[0].h3["id"] in {"topic-sharing", "topic-rights"}
    for question in sheet.select(".question"):
        assert question.select_one("input[type=checkbox]")
        assert question.select_one(".answer-space")
        assert len(question.select(".explain dd")) == 3
    assert len(sheet.select(".ask-first .question, .then-ask .question")) == client.application.config[
        "SHEET_MAX_QUESTIONS"]


def test_sheet_url_carries_every_answer(client):
    sheet = walk(client, "en", US_CT)
    change = sheet.one("main a[href*='/check/review']")["href"]
    query = parse_qs(urlsplit(change).query)
    assert query == {k: v for k, v in US_CT.items()}


def test_every_step_says_where_it_is_and_keeps_answers_on_back(client, fetch):
    query = "country=es&exam=mri&channel=portal&setting=hospital"
    page = fetch(f"/en/check/setting?{query}")
    assert page.one(".step-count").get_text() == "Step 5 of 7"
    back = page.one("a.back")["href"]
    assert urlsplit(back).path == "/en/check/channel"
    assert parse_qs(urlsplit(back).query) == parse_qs(query)
    previous = fetch(back)
    assert previous.one("#channel-portal").has_attr("checked")
    assert ("country", "es") in form_fields(previous)


def test_review_shows_every_answer_with_change_links_that_come_back(client, fetch):
    query = "country=es&exam=mri&channel=portal&channel=disc&setting=mobile&worry=research"
    review = fetch(f"/en/check/review?{query}")
    assert review.one(".step-count").get_text() == "Step 7 of 7"
    answers = [dd.get_text(" ").strip() for dd in review.select(".answer dd:not(.change)")]
    assert answers == ["Not answered", "Spain", "MRI scan",
                       "On a website or app (a patient portal), On a CD, DVD or USB stick",
                       "A mobile service that comes to a care home, prison or school",
                       "The images used for research or AI"]
    change = review.select(".change a")[2]["href"]
    step = fetch(change)
    assert step.one("#exam-mri").has_attr("checked")
    kept = [field for field in form_fields(step) if field[0] != "exam"]
    response = client.post("/en/check/exam", data=MultiDict([*kept, ("exam", "ct")]))
    back_to_review = response.headers["Location"]
    assert urlsplit(back_to_review).path == "/en/check/review"
    assert parse_qs(urlsplit(back_to_review).query)["exam"] == ["ct"]
    assert parse_qs(urlsplit(back_to_review).query)["channel"] == ["portal", "disc"]


def test_review_marks_what_was_not_answered(fetch):
    review = fetch("/en/check/review?country=gb")
    assert [dd.get_text().strip() for dd in review.select(".answer dd:not(.change)")].count("Not answered") == 5


def test_check_pages_are_never_cached(client):
    for url in ["/en/check/country", "/en/check/worry?country=us", "/en/check/review?country=us",
                "/en/sheet?country=us"]:
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_arabic_walk_right_to_left_with_addresses_left_to_right(client):
    sheet = walk(client, "ar", {"person": ["self"], "country": ["de"], "land": ["by"], "operator": ["public"],
                                "exam": ["mri"],
                                "channel": ["portal"], "setting": ["hospital"], "worry": ["internet"]})
    assert sheet.one("html")["dir"] == "rtl"
    assert sheet.one("html")["lang"] == "ar"
    # A public clinic in Bavaria: the Bavarian State Commissioner, not the federal BfDI.
    url = sheet.one("section.rights .url")
    assert url["dir"] == "ltr" and url.get_text().strip() == "https://www.datenschutz-bayern.de"
    assert "بافاريا" in sheet.one("#rights-title").get_text()  # Bavaria, named in Arabic
    assert not sheet.select(".question[lang]")  # every question in Arabic, none in English


def test_phone_numbers_stay_left_to_right_in_arabic(fetch):
    page = fetch("/ar/help", lang="ar")
    numbers = [bdi.get_text() for bdi in page.select("bdi[dir=ltr]")]
    assert "1-800-368-1019" in numbers


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_makes_a_sheet_in_that_language(app, client, lang):
    sheet = walk(client, lang, US_CT)
    # English only in the line to show at a US desk, beside the reader's own words.
    english = [tag for tag in sheet.select("main [lang=en]") if not tag.find_parent(class_="show-at-desk")]
    assert not english, "English text on a translated sheet"
    desk = sheet.one(".show-at-desk")
    assert desk.select_one("[lang=en]").get_text() == "I need an interpreter. Please help me get one."
    assert desk.get_text(" ").strip() != desk.select_one("[lang=en]").get_text().strip()
    assert len(sheet.select(".question")) == app.config["SHEET_MAX_QUESTIONS"]
    assert "ocrportal.hhs.gov" in sheet.one("section.rights").get_text()
