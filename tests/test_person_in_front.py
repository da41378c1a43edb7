"""For the person in front of the desk (issue 15): a parent or caregiver asking for someone
else, a patient afraid of the police or immigration, a patient with little of the clinic's
language, and faster local rules. Each as the sheet, the letter and the rights page show it,
in several languages and places."""

import re

import pytest

from askfirst import content_layout as layout
from askfirst.jurisdiction import resolve
from askfirst.situations import entry_key
from conftest import check_page


def library(app):
    return app.extensions["askfirst_library"]


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


# --- who the scan is for -----------------------------------------------------------------

@pytest.mark.parametrize("person, title", [
    ("self", "My questions about my images"), ("unsure", "My questions about my images"),
    ("child", "My questions about my child's images"),
    ("other", "My questions about the images of someone I care for"),
])
def test_the_sheet_speaks_of_the_right_person(fetch, person, title):
    sheet = fetch(f"/en/sheet?person={person}&country=us&exam=ct")
    assert sheet.one("h1").get_text() == title
    assert sheet.one("title").get_text().startswith(title)
    acting = person in ("child", "other")
    # A line to write the patient's name, and the caregiver's questions first.
    assert bool(sheet.select("dl.sheet-header dt:-soup-contains(\"Patient's name\")")) == acting
    first = [box["id"] for box in sheet.select(".ask-first .question input")]
    assert first[0].startswith("q-proxy-") == acting, first
    assert bool(sheet.select("section.acting")) == acting


# (place answers, what its law says for an adult, for a child, a paper the clinic may ask for)
CAREGIVER = {
    "us": ("country=us", "personal representative", "state law decides", "health care power of attorney"),
    "de": ("country=de&land=be&operator=private", "Vorsorgevollmacht", "Parents with custody", "Betreuer"),
    "gb": ("country=gb", "lasting power of attorney", "In Scotland, a child aged 12", "Court of Protection"),
    "ca-on": ("country=ca&province=on", "aged 16 or over", "under 16", "written permission naming me"),
    "fr": ("country=fr", "express mandate", "parental authority", "express mandate"),
    "other": ("country=other", "AskFirst does not know", "AskFirst does not know", "signed permission"),
}


@pytest.mark.parametrize("place", CAREGIVER)
def test_the_caregiver_box_says_what_the_law_of_the_place_says(fetch, place):
    query, adult, child, paper = CAREGIVER[place]
    for person, said in (("other", adult), ("child", child)):
        box = fetch(f"/en/sheet?person={person}&{query}").one("section.acting")
        assert said in words(box), (person, words(box))
        assert box.select("ul.tick-list li")  # papers to tick
    assert paper in words(fetch(f"/en/sheet?person=other&{query}").one("section.acting"))


@pytest.mark.parametrize("place", CAREGIVER)
def test_the_letter_is_written_for_the_patient_with_the_papers_to_tick(fetch, place):
    query, _adult, _child, paper = CAREGIVER[place]
    page = fetch(f"/en/next-steps?person=other&{query}")
    letter = page.one("section.letter")
    body = letter.select_one(".letter-body")
    text = words(body)
    assert "I am writing on behalf of [patient's name], born [patient's date of birth]" in text
    assert "My name is [your name] and my date of birth" not in text  # not the patient's own letter
    ticks = re.findall(r"\[ \] ([^\n]+)", body.get_text())
    assert ticks and any(paper in tick for tick in ticks), ticks
    assert "on behalf of a patient" in letter.select_one("h3").get_text()
    assert "{" not in text and "}" not in text


def test_a_parents_letter_names_the_child_and_a_parents_papers(fetch):
    body = words(fetch("/en/next-steps?person=child&country=us").one(".letter .letter-body"))
    assert "I am the parent or legal guardian of [child's name], born [child's date of birth]" in body
    assert "[ ] Proof that I am the parent or legal guardian" in body
    assert "health care power of attorney" not in body  # an adult's papers are not a parent's


@pytest.mark.parametrize("lang, acting", [
    ("de", "[Name des Kindes]"), ("fr", "[prénom et nom de l'enfant]"), ("es", "[nombre"), ("ar", "["), ("zh-hans", "["),
])
def test_a_parents_letter_in_other_languages_has_no_english_and_no_placeholders(fetch, lang, acting):
    page = fetch(f"/{lang}/next-steps?person=child&country=ca&province=on", lang=lang)
    body = words(page.one(".letter .letter-body"))
    assert acting in body
    assert "{" not in body and "parent or legal guardian" not in body
    assert "[ ]" in body  # the papers to tick


def test_a_follow_up_for_someone_else_says_so(fetch):
    body = words(fetch("/en/next-steps?person=other&country=gb&stage=followup&received=2026-11-02")
                 .one(".letter .letter-body"))
    assert "I write on behalf of [patient's name]" in body
    own = words(fetch("/en/next-steps?country=gb&stage=followup&received=2026-11-02").one(".letter .letter-body"))
    assert "on behalf of" not in own


def test_who_the_scan_is_for_travels_to_the_later_letters(client, fetch):
    page = fetch("/en/next-steps?person=child&country=us&state=tx&exam=ct")
    kept = {(tag["name"], tag["value"]) for tag in page.select("form.reminder input[type=hidden]")}
    assert {("person", "child"), ("state", "tx"), ("country", "us")} <= kept
    # The reminder's link to the follow-up keeps them too: the follow-up is a parent's.
    calendar = client.get("/en/next-steps/reminder.ics", query_string=sorted(kept) + [("received", "2026-11-02")])
    text = calendar.get_data(as_text=True).replace("\r\n ", "")
    assert "person=child" in text and "state=tx" in text


# --- could the images reach the police or immigration? -------------------------------------

# (place answers, what its answer says, how to find out afterwards)
OFFICIALS = {
    "us": ("country=us", "does not require it", "list of disclosures"),
    "de": ("country=de&land=be&operator=public", "do not have to report patients without papers",
           "who has received your data"),
    "gb": ("country=gb", "A police request alone is not enough", "who has received your data"),
    "ca-on": ("country=ca&province=on", "does not have to give health information to police",
              "AskFirst has not checked"),
    "other": ("country=other", "AskFirst does not know the rules here", "who has received"),
}


@pytest.mark.parametrize("place", OFFICIALS)
def test_the_authorities_worry_gets_a_calm_answer_for_the_place(fetch, place):
    query, says, afterwards = OFFICIALS[place]
    sheet = fetch(f"/en/sheet?worry=authorities&{query}")
    box = words(sheet.one("section.officials"))
    assert says in box and afterwards in box
    # The worry's own question comes first, as the worry step promises.
    first = sheet.select(".ask-first .question input")[0]["id"]
    assert first.startswith("q-authorities-"), first
    # Nothing that promises the images can never be shared.
    assert not re.search(r"\b(never|cannot ever|guarantee)\b", box, re.I)
    # The same answer on the rights page, for anyone who chooses the place.
    assert says in words(fetch(f"/en/rights?{query}").one("section.officials"))


def test_without_the_worry_the_sheet_has_no_authorities_box(fetch):
    assert not fetch("/en/sheet?country=us&worry=breach").select("section.officials")


@pytest.mark.parametrize("lang", ["de", "fr", "ar", "vi"])
def test_the_authorities_answer_in_other_languages(fetch, lang):
    box = fetch(f"/{lang}/sheet?worry=authorities&country=de&land=be&operator=public",
                lang=lang).one("section.officials")
    assert "AufenthG" in words(box)  # the source line keeps the law's own name
    assert "Could the images" not in words(box)


# --- help in one's own language ------------------------------------------------------------

def test_a_patient_whose_language_is_not_the_clinics_gets_a_line_for_the_desk(fetch):
    sheet = fetch("/es/sheet?country=us&exam=ct", lang="es")
    desk = sheet.one(".interpreter .show-at-desk")
    assert desk.select_one("[lang=en]").get_text() == "I need an interpreter. Please help me get one."
    assert "intérprete" in desk.get_text()
    assert "gratuita" in words(sheet.one(".interpreter")) or "gratis" in words(sheet.one(".interpreter"))


@pytest.mark.parametrize("url, lang", [("/en/sheet?country=us", "en"), ("/de/sheet?country=de", "de"),
                                       ("/es/sheet?country=es", "es")])
def test_no_interpreter_line_where_no_right_is_confirmed_or_the_language_is_the_clinics(fetch, url, lang):
    # The US in English: the clinic's own language. Germany and Spain: no right confirmed.
    assert not fetch(url, lang=lang).select(".interpreter")


def test_the_help_page_lists_language_help_by_place(fetch):
    section = fetch("/en/help").one("section.language-help")
    text = words(section)
    for said in ("free, accurate and on time", "NHS guidance says it is free", "does not pay for an interpreter",
                 "sign language interpreter", "AskFirst does not know whether you have a right"):
        assert said in text, said


# --- local rules that are faster -----------------------------------------------------------

@pytest.mark.parametrize("state, in_letter, deadline", [
    ("tx", "within 15 business days", "Mondays to Fridays"), ("ca", "within 15 days of receiving this written", None),
    ("ny", "75 cents a page", None),
])
def test_a_states_faster_rule_is_in_the_box_the_letter_and_the_dates(fetch, state, in_letter, deadline):
    page = fetch(f"/en/next-steps?country=us&state={state}&received=2026-11-02")
    assert in_letter in words(page.one(".letter .letter-body"))
    legal = words(page.one(".letter .letter-legal"))
    assert "45 CFR §164.524" in legal and {"tx": "181.102", "ca": "123110", "ny": "§18"}[state] in legal
    if deadline:
        assert deadline in words(page.one("section.deadlines"))
    sheet = fetch(f"/en/sheet?country=us&state={state}")
    assert "Local law may give you more" not in words(sheet.one("section.guide"))


def test_a_state_with_no_rule_of_its_own_gets_the_plain_line(fetch):
    guide = words(fetch("/en/sheet?country=us&state=oh").one("section.guide"))
    assert "Local law may give you more, such as a shorter time or a lower fee" in guide


def test_every_place_finds_its_entries(app):
    lib = library(app)
    for answers, section, expected in [
        ({"country": ["us"], "state": ["tx"]}, layout.REPRESENTATIVES, "us"),
        ({"country": ["de"], "land": ["by"], "operator": ["catholic"]}, layout.OFFICIALS, "de"),
        ({"country": ["gb"]}, layout.REPRESENTATIVES, "uk"),
        ({"country": ["ca"], "province": ["qc"]}, layout.OFFICIALS, "ca"),
        ({"country": ["li"]}, layout.OFFICIALS, "eu"),
        ({"country": ["unsure"]}, layout.REPRESENTATIVES, "other"),
    ]:
        assert entry_key(lib, section, resolve(answers)) == expected, answers


# --- a sheet that helps and does not frighten ----------------------------------------------

@pytest.mark.parametrize("query, who", [("country=us", "privacy officer"), ("country=fr", "data protection officer"),
                                        ("country=ca&province=on", "privacy officer"),
                                        ("country=other", "who handles privacy questions")])
def test_the_sheet_says_who_can_answer_and_what_to_do_next(fetch, query, who):
    sheet = fetch(f"/en/sheet?{query}")
    guide = words(sheet.one("section.guide"))
    assert who in guide
    assert "A worrying answer is a reason to ask more" in guide
    assert "You can keep your appointment and still ask" in words(sheet.one(".sheet-intro"))


def test_no_red_flag_is_the_desks_honest_i_dont_know(app):
    lib = library(app)
    for question in lib.bank:
        red = str(lib.question(question.id, "en").parts["red_flag"]).lower()
        assert not re.search(r"\b(i|we) (don't|do not) know\b|not sure|can't tell you", red), question.id


def test_the_2019_story_is_told_once_and_calmly(app):
    lib = library(app)
    whys = [str(lib.question(question.id, "en").parts["why"]) for question in lib.bank]
    told = [why for why in whys if "2019" in why]
    assert len(told) == 1 and "370 million" in told[0]
    assert not any("over a billion" in why for why in whys)


@pytest.mark.parametrize("country", ["us", "gb", "fr", "ca"])
def test_the_letters_sentences_cite_no_law_and_the_line_under_it_does(fetch, country):
    letter = fetch(f"/en/next-steps?country={country}").one("section.letter")
    body = words(letter.select_one(".letter-body"))
    assert not re.search(r"CFR|§|Art(icle)?\.? \d|\(\d\)", body), body
    assert "Signature:" in body and "Date:" in body
    assert letter.select_one(".letter-send").get_text().startswith("Send it to")
