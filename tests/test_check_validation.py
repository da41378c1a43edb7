"""Every way a step's answer can be wrong: a clear message, in the reader's language,
a 422, a summary that links to the field, and every other answer kept."""

import pytest
from werkzeug.datastructures import MultiDict

from askfirst.flow import STEPS
from conftest import check_page
from walk import form_fields

OTHERS = {"person": "child", "country": "fr", "exam": "ct", "channel": "disc", "setting": "office", "worry": "identity"}
# The steps below the country are asked only for their country: their other answers name it.
OTHERS_OF = {"state": {**OTHERS, "country": "us"}, "province": {**OTHERS, "country": "ca"},
             "land": {**OTHERS, "country": "de", "operator": "public"},
             "operator": {**OTHERS, "country": "de", "land": "by"}}
MESSAGES = {
    "en": {"person": "Choose who the scan is for", "state": "Choose the US state, or choose",
           "country": "Choose the country where you will have your scan",
           "province": "Choose the province or territory, or choose",
           "land": "Choose the state, or choose", "operator": "Choose who runs the clinic",
           "exam": "Choose the kind of scan", "channel": "Choose at least one way",
           "setting": "Choose where the scan will be done", "worry": "Choose at least one worry",
           "invalid": "Choose one of the answers in the list."},
}


def post_step(client, lang, step, value):
    others = OTHERS_OF.get(step, OTHERS)
    data = MultiDict([(k, v) for k, v in others.items() if k != step])
    for item in value:
        data.add(step, item)
    return client.post(f"/{lang}/check/{step}", data=data)


@pytest.mark.parametrize("step", [s.name for s in STEPS])
def test_nothing_chosen_asks_for_an_answer_and_keeps_the_rest(client, fetch, step):
    page = check_page(post_step(client, "en", step, []), status=422)
    summary = page.one(".error-summary")
    link = summary.select_one("a")
    assert MESSAGES["en"][step] in link.get_text()
    target = link["href"][1:]
    assert page.one(f"#{target}")  # the link leads to the field
    assert page.one(f"#{step}-error").get_text().strip().endswith(link.get_text().strip())
    assert page.one("title").get_text().startswith("Error:")
    kept = dict(form_fields(page))
    others = OTHERS_OF.get(step, OTHERS)
    assert {k: v for k, v in kept.items() if k in others} == {k: v for k, v in others.items() if k != step}
    assert page.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("step, bad", [
    ("person", ["me"]), ("state", ["texas"]),
    ("country", ["zz"]), ("country", ["<b>x</b>"]), ("exam", ["brain"]), ("province", ["ontario"]),
    ("land", ["bayern"]), ("operator", ["<b>x</b>"]),
    ("channel", ["portal", "carrier-pigeon"]), ("setting", ["moon"]), ("worry", ["unsure", "x" * 300]),
])
def test_an_invalid_choice_is_refused_with_a_message(client, step, bad):
    page = check_page(post_step(client, "en", step, bad), status=422)
    assert MESSAGES["en"]["invalid"] in page.one(".error-summary").get_text()
    assert "<b>x</b>" not in page.text
    assert "carrier-pigeon" not in page.text


def test_valid_choices_survive_an_invalid_one_on_the_same_step(client):
    page = check_page(post_step(client, "en", "channel", ["portal", "bogus"]), status=422)
    assert page.one("#channel-portal").has_attr("checked")


def test_a_change_from_the_review_keeps_its_way_back_after_an_error(client):
    data = MultiDict([*((k, v) for k, v in OTHERS.items() if k != "exam"), ("then", "review")])
    page = check_page(client.post("/en/check/exam", data=data), status=422)
    assert page.one("input[name=then]")["value"] == "review"
    data.add("exam", "mri")
    response = client.post("/en/check/exam", data=data)
    assert response.headers["Location"].startswith("/en/check/review?")


def test_a_change_from_the_review_goes_back_to_it_when_it_needs_no_new_step(client):
    # A review reached from a prepared link, with steps not answered ("Not answered").
    data = MultiDict([("country", "fr"), ("then", "review"), ("exam", "mri")])
    response = client.post("/en/check/exam", data=data)
    assert response.headers["Location"].startswith("/en/check/review?")


def test_then_only_ever_leads_to_the_review(client):
    response = client.post("/en/check/exam", data={"exam": "mri", "then": "https://evil.example"})
    assert response.headers["Location"].startswith("/en/check/channel?")


def test_spanish_messages_are_in_spanish(client):
    page = check_page(post_step(client, "es", "exam", []), status=422, lang="es")
    summary = page.one(".error-summary").get_text(" ")
    assert "Choose" not in summary
    assert "problema" in summary.lower()
    invalid = check_page(post_step(client, "es", "exam", ["brain"]), status=422, lang="es")
    assert "Choose" not in invalid.one(".error-summary").get_text()


def test_unknown_step_is_not_found(fetch):
    fetch("/en/check/favourite-colour", status=404)


def test_review_cannot_be_posted_to(fetch):
    page = fetch("/en/check/review", status=405, method="post")
    assert "GET" in page.headers["Allow"]


def test_language_links_on_a_correction_page_keep_the_answers(client):
    page = check_page(client.post("/en/check/exam", data={"country": "fr"}), status=422)
    links = {a["hreflang"]: a["href"] for a in page.select("nav.languages a")}
    assert links["es"] == "/es/check/exam?country=fr"


def test_a_clinics_default_country_is_not_forced_on_a_correction(app_with):
    page = check_page(app_with(DEFAULT_COUNTRY="dk").test_client().post("/en/check/country", data={}), status=422)
    assert not page.select("option[selected]")
