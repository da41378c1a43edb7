"""Adding a step to the check is data: a field, a step that says how it is asked, and its
words. The step page, "Step N of M", the review, the partners form and the walker follow.

The new step is added for these tests only (monkeypatched), as README's recipe describes.
"""

import pytest

from askfirst import answers, flow, labels
from askfirst.answers import UNSURE, Field
from conftest import check_page, fresh_app
from walk import walk

VISIT = Field("visit", ("first", "follow_up", UNSURE))
VISIT_STEP = flow.Step(VISIT, flow.SELECT, "Is this your first scan here?", "It helps to choose questions.",
                       "Choose one.", prompt="Choose an answer")


@pytest.fixture()
def app_with_a_new_step(monkeypatch):
    monkeypatch.setattr(answers, "FIELDS", (*answers.FIELDS, VISIT))
    monkeypatch.setitem(answers.FIELD_BY_NAME, "visit", VISIT)
    # After the country's steps (the province, the Land and who runs the clinic, asked only
    # where they apply), before the kind of scan.
    at = flow.NAMES.index("exam")
    steps = (*flow.STEPS[:at], VISIT_STEP, *flow.STEPS[at:])
    monkeypatch.setattr(flow, "STEPS", steps)
    monkeypatch.setitem(flow.STEP_BY_NAME, "visit", VISIT_STEP)
    monkeypatch.setattr(flow, "NAMES", (*(step.name for step in steps), flow.REVIEW))
    monkeypatch.setitem(labels.LABELS, "visit", {"first": "Yes, the first", "follow_up": "No, I have been before",
                                                 UNSURE: "I'm not sure"})
    return fresh_app()


def test_a_new_step_is_asked_counted_reviewed_and_offered_to_partners(app_with_a_new_step):
    client = app_with_a_new_step.test_client()
    step = check_page(client.get("/en/check/visit?country=es&exam=mri"))
    assert step.one(".step-count").get_text() == "Step 3 of 8"
    assert step.one("h1 label[for=visit]").get_text() == "Is this your first scan here?"
    assert [o["value"] for o in step.select("select#visit option")] == ["", "first", "follow_up", UNSURE]
    assert step.one("a.back")["href"].startswith("/en/check/country?")
    assert client.post("/en/check/visit", data={"country": "es"}).status_code == 422
    after = client.post("/en/check/visit", data={"country": "es", "visit": "first"})
    assert after.headers["Location"].startswith("/en/check/exam?")
    # Where the country asks more, the new step counts on after those steps.
    german = check_page(client.get("/en/check/visit?country=de&land=by&operator=public"))
    assert german.one(".step-count").get_text() == "Step 5 of 10"
    assert german.one("a.back")["href"].startswith("/en/check/operator?")

    review = check_page(client.get("/en/check/review?country=es&visit=follow_up"))
    assert "No, I have been before" in review.words(".answers")
    assert review.one(".step-count").get_text() == "Step 8 of 8"

    partners = check_page(client.get("/en/partners"))
    assert partners.one("label[for=visit]").get_text() == "Is this your first scan here?"


def test_the_walker_goes_through_a_step_it_was_not_told_about(app_with_a_new_step):
    sheet = walk(app_with_a_new_step.test_client(), "en", {"country": ["us"], "exam": ["ct"], "channel": ["portal"],
                                                          "setting": ["hospital"], "worry": ["rights"]})
    assert "visit=unsure" in sheet.one("main a[href*='/check/review']")["href"]
