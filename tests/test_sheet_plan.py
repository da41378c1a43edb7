"""The sheet that works (issue 11, item 1), as a patient sees it: three questions to ask
first, the exposed-server question always among them, the rest of the printed sheet, and
every other question that applies under "More questions for your situation"."""

from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from askfirst.answers import from_multidict, with_region
from askfirst.bank import TOPICS_OF_WORRY, _fit
from conftest import Page, check_page
from walk import form_fields

EXPOSED_SERVER = "server-internet"


def question_ids(section) -> list[str]:
    """The question ids of a part of the sheet, in order: each question's tick box is
    `q-<id>`; a question shown only by its words (more questions, not printed) says its id."""
    return [tag["id"][2:] if tag.name == "input" else tag["data-question"]
            for tag in section.select(".question input[id^='q-'], li.ask-only")]


def library(app):
    return app.extensions["askfirst_library"]


def answers_of(query: str) -> dict:
    return from_multidict(MultiDict([(k, v) for k, values in parse_qs(query).items() for v in values]))


def applicable(app, query: str) -> set[str]:
    """Every question whose rules these answers meet (or may meet: "not sure"), straight
    from the bank's rules, without the ranking or the sheet's limits."""
    answers = with_region(answers_of(query))
    return {question.id for question in library(app).bank if _fit(question, answers) is not None}


def topic_of(app) -> dict[str, str]:
    return {question.id: question.topic for question in library(app).bank}


# --- the three questions to ask first -----------------------------------------------------

SITUATIONS = {
    "US CT at a hospital": "country=us&exam=ct&setting=hospital",
    "MRI in France": "country=fr&exam=mri",
    "mammogram at a mobile service in Ontario": "country=ca&province=on&exam=mammogram&setting=mobile",
    "US, worried about research and keeping": "country=us&exam=ct&setting=hospital&worry=research&worry=keeping",
    "France, worried about research and keeping": "country=fr&exam=mri&worry=research&worry=keeping",
    "Germany, worried who sees": "country=de&land=by&operator=private&exam=xray&worry=who_sees",
    "not sure everywhere": "country=unsure&exam=unsure&channel=unsure&setting=unsure&worry=unsure",
}


@pytest.mark.parametrize("query", SITUATIONS.values(), ids=SITUATIONS.keys())
def test_three_questions_to_ask_first_with_the_exposed_server_among_them(app, client, query):
    page = check_page(client.get(f"/en/sheet?{query}"))
    first = question_ids(page.one("section.ask-first"))
    assert len(first) == 3, first
    assert EXPOSED_SERVER in first
    assert page.one("section.ask-first h2").get_text().startswith("If you have time for only three")
    # The first questions are not asked again further down the sheet.
    rest = [qid for css in ("section.then-ask", "section.more-questions") for section in page.select(css)
            for qid in question_ids(section)]
    assert not set(first) & set(rest)
    worries = parse_qs(query).get("worry", [])
    worried_topics = {topic for worry in worries for topic in TOPICS_OF_WORRY.get(worry, ())}
    if worried_topics:
        topics = topic_of(app)
        assert [qid for qid in first if qid != EXPOSED_SERVER and topics[qid] in worried_topics], first


# One worry, or two, that bring enough questions of their own (the patient gets images
# by portal and disc) push the exposed-server question not only out of the first three
# but off the printed sheet, into the unprinted "More questions".
PUSHED_OFF = {
    "US x-ray, portal and disc, worried about sharing":
        "country=us&exam=xray&channel=portal&channel=disc&setting=hospital&worry=sharing",
    "UK x-ray by portal, worried about sharing and research":
        "country=gb&exam=xray&channel=portal&setting=hospital&worry=sharing&worry=research",
    "France x-ray at a mobile service, portal and disc, worried about sharing":
        "country=fr&exam=xray&channel=portal&channel=disc&setting=mobile&worry=sharing",
}


@pytest.mark.parametrize("query", PUSHED_OFF.values(), ids=PUSHED_OFF.keys())
def test_worries_never_push_the_exposed_server_off_the_first_three(client, query):
    page = check_page(client.get(f"/en/sheet?{query}"))
    assert EXPOSED_SERVER in question_ids(page.one("section.ask-first"))


# --- every applicable question is reachable -----------------------------------------------

REGIONS = {
    "us": "country=us", "gb": "country=gb", "fr": "country=fr", "de": "country=de&land=be&operator=public",
    "ca-on": "country=ca&province=on", "other": "country=other", "unsure": "country=unsure",
}
PROFILES = {
    "nothing else": "",
    "not sure": "&exam=unsure&channel=unsure&setting=unsure&worry=unsure",
    "mammogram, every way, worried": ("&exam=mammogram&channel=portal&channel=link&channel=disc"
                                      "&channel=other_doctor&setting=mobile&worry=research&worry=keeping"),
    "dental office by link": "&exam=dental&channel=link&setting=office&worry=identity&person=other",
}


@pytest.mark.parametrize("profile", PROFILES.values(), ids=PROFILES.keys())
@pytest.mark.parametrize("region", REGIONS.values(), ids=REGIONS.keys())
def test_every_applicable_question_is_on_the_sheet_once(app, client, region, profile):
    query = region + profile
    page = check_page(client.get(f"/en/sheet?{query}"))
    shown = [qid for css in ("section.ask-first", "section.then-ask", "section.more-questions")
             for section in page.select(css) for qid in question_ids(section)]
    assert len(shown) == len(set(shown)), "a question shown twice"
    assert set(shown) == applicable(app, query)
    # Nothing outside the three parts: every question of the sheet is in one of them.
    assert len(page.select(".question, li.ask-only")) == len(shown)


@pytest.mark.parametrize("region", REGIONS.values(), ids=REGIONS.keys())
def test_the_printed_sheet_keeps_its_limit_and_the_rest_prints_only_when_asked(app, client, region):
    query = region + PROFILES["mammogram, every way, worried"]
    limit = app.config["SHEET_MAX_QUESTIONS"]
    page = check_page(client.get(f"/en/sheet?{query}"))
    printed = [q for q in page.select(".question") if not q.find_parent(class_="more-questions")]
    assert len(printed) == limit  # more apply than fit
    more = page.one("section.more-questions")
    assert "no-print" in more["class"]
    assert more.select_one("h2").get_text() == "More questions for your situation"
    # The way to print them too, on screen only: the same sheet with more=1.
    print_too = more.select_one("div.no-print a")
    assert print_too is not None
    assert parse_qs(urlsplit(print_too["href"]).query).get("more") == ["1"]
    pdf = page.one("a[download]")["href"]
    assert "more" not in parse_qs(urlsplit(pdf).query)

    asked = check_page(client.get(print_too["href"]))
    more = asked.one("section.more-questions")
    assert "no-print" not in more["class"]
    assert not more.select("div.no-print")  # no offer to print what is printed already
    assert question_ids(more) == question_ids(page.one("section.more-questions"))
    # Printed, each in full; on screen before, only their words.
    assert len(more.select(".question")) == len(question_ids(more)) and not more.select("li.ask-only")
    assert not page.one("section.more-questions").select(".question")
    printed_now = [q for q in asked.select(".question") if not q.find_parent(class_="more-questions")]
    assert len(printed_now) == limit
    pdf = asked.one("a[download]")["href"]
    assert urlsplit(pdf).path == "/en/sheet.pdf"
    query_of_pdf = parse_qs(urlsplit(pdf).query)
    assert query_of_pdf["more"] == ["1"]
    assert answers_of(urlsplit(pdf).query) == answers_of(query)  # the same sheet


def test_a_smaller_configured_limit_is_kept_with_three_first(app_with):
    client = app_with(SHEET_MAX_QUESTIONS=5).test_client()
    page = check_page(client.get("/en/sheet?country=us&exam=ct"))
    first = question_ids(page.one("section.ask-first"))
    then = question_ids(page.one("section.then-ask"))
    assert len(first) == 3 and EXPOSED_SERVER in first
    assert len(first) + len(then) == 5
    assert page.select("section.more-questions")


def test_the_staff_note_is_printed(client):
    page = check_page(client.get("/en/sheet?country=fr&exam=mri"))
    assert page.one(".staff-note").get_text() == \
        "Please show this sheet to the staff. A good clinic welcomes these questions."
    assert not page.one(".staff-note").find_parent(class_="no-print")


def test_the_kiosk_sheet_keeps_the_parts_but_no_file_or_e_mail(client):
    response = client.post("/kiosk/en/sheet", data={"country": "fr", "exam": "mri", "more": "1"})
    kiosk = Page(response)
    assert kiosk.status == 200 and response.headers["Cache-Control"] == "no-store"
    assert len(question_ids(kiosk.one("section.ask-first"))) == 3
    assert "no-print" not in kiosk.one("section.more-questions")["class"]
    assert not kiosk.select("a[download]") and not kiosk.select("a[href^='mailto:']")
    # The offer to print them too is a posted button there, with no answer in its address.
    plain = Page(client.post("/kiosk/en/sheet", data={"country": "fr", "exam": "mri"}))
    button = plain.one("section.more-questions form.go")
    assert button["method"] == "post" and "?" not in button["action"]
    assert ("more", "1") in form_fields(plain, "section.more-questions form.go")


def test_the_posted_kiosk_sheet_is_valid_html(client):
    check_page(client.post("/kiosk/en/sheet", data={"country": "fr", "exam": "mri"}))
