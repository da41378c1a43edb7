"""The content files: complete in every language, and the bank covering what DESIGN.md asks."""

from collections import Counter

import pytest

from askfirst.answers import clean
from askfirst.bank import TOPICS, select_questions
from askfirst.config import SHIPPED_LANGUAGES
from askfirst.jurisdiction import every_place, resolve
from askfirst.places import PLACES, REGION_OF_COUNTRY


@pytest.fixture(scope="module")
def library(app):
    """The content as the app loaded it: every shipped language (TestConfig's), from
    ASKFIRST_CONTENT_DIR or content/, read once for the whole session."""
    return app.extensions["askfirst_library"]


def test_the_content_is_read_once_for_every_app_of_the_session(app, app_with, library):
    assert set(library.languages) == set(SHIPPED_LANGUAGES)
    assert app_with(KIOSK=True).extensions["askfirst_library"] is library, (
        "create_app no longer loads the content through app.Library, which conftest.fresh_app "
        "replaces to share one Library: make fresh_app share it again")


def test_nothing_is_missing_in_any_language(library):
    assert library.missing() == []


def test_the_bank_is_large_enough_and_covers_every_topic(library):
    per_topic = Counter(question.topic for question in library.bank)
    assert len(library.bank) >= 35
    assert set(per_topic) == set(TOPICS)
    assert min(per_topic.values()) >= 3, per_topic


@pytest.mark.parametrize("region", ["us", "eu", "uk", "ca"])
def test_each_law_has_questions_of_its_own(library, region):
    assert any(region in q.when.get("region", ()) and len(q.when["region"]) <= 2 for q in library.bank)


@pytest.mark.parametrize("region", PLACES.region_values)
def test_every_region_is_named_by_some_rule(library, region):
    # A region that no `when: region` names gets none of the law-specific questions nor
    # their plain-language variants ([ca, other, unsure] and the like): add it to those.
    assert any(region in question.when.get("region", ()) for question in library.bank)


def answers_meeting(question):
    """Answers under which the question's conditions all hold."""
    raw = {}
    for key, allowed in question.when.items():
        value = sorted(allowed)[0]
        if key == "region":
            raw["country"] = [next(c for c, r in REGION_OF_COUNTRY.items() if r == value)]
        else:
            raw[key] = [value]
    return clean(raw)


def test_every_question_can_reach_a_sheet(library):
    for question in library.bank:
        chosen = select_questions(library.bank, answers_meeting(question), limit=len(library.bank))
        assert question.id in {q.id for group in chosen for q in group.questions}, question.id


def test_every_country_of_a_law_has_a_body_to_complain_to():
    """Each country with a law names its body, or the subdivision that decides it; each
    body a patient can be sent to has a name, an address to reach it and a source."""
    countries = [country for country in PLACES.countries if country.law or country.by]
    assert {"us", "gb", "ca", "es", "no", "de", "fr"} <= {country.code for country in countries}
    for country in countries:
        assert country.authority or country.by, country.code
    for answers in every_place():
        for authority in resolve(answers).authorities:
            assert authority.name and authority.source, authority.id
            assert (authority.url or "").startswith(("https://", "http://")) or authority.address, authority.id


def test_germany_explains_its_state_authorities_in_every_language(library):
    for lang in SHIPPED_LANGUAGES:
        note = library.note("de", lang)
        assert note and "17" in str(note), lang
        assert lang == "en" or "Germany has 17" not in str(note), f"{lang}: the note is still in English"
        how = library.finding_out("land", lang)
        assert how, lang
