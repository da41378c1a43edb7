"""The start-up checks of content/: each kind of mistake, made once in a copy of the
shipped content, stops the Library with a message naming the file, the entry and the value."""

import shutil

import pytest

from app import create_app
from askfirst import content_layout as layout
from askfirst.config import SHIPPED_LANGUAGES, TestConfig
from askfirst.content import Library
from askfirst.content_checks import ContentError, check_content, problems


@pytest.fixture()
def content(tmp_path):
    """A copy of the shipped content/, to break."""
    copy = tmp_path / "content"
    shutil.copytree(layout.SHIPPED, copy)
    return copy


def edit(path, old, new):
    """Replace one exact piece of a file's text (which must be there once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def message(content):
    """The error the checks raise for this content/, places.yaml included."""
    with pytest.raises(ContentError) as error:
        check_content(content, SHIPPED_LANGUAGES, places_file=layout.places_path(content))
    return str(error.value)


def test_the_shipped_content_passes():
    assert problems(layout.SHIPPED, SHIPPED_LANGUAGES) == []


def test_a_misspelt_answer_value_names_the_file_question_and_value(content):
    edit(layout.bank_path(content), "- id: portal-own-login\n  topic: online_access\n  priority: 1\n"
         "  when:\n    channel: [portal]", "- id: portal-own-login\n  topic: online_access\n  priority: 1\n"
         "  when:\n    channel: [portl]")
    expected = "content/questions.yaml: question 'portal-own-login': channel value 'portl' is not one of portal,"
    assert expected in message(content)


def test_a_misspelt_region_in_a_rule(content):
    edit(layout.bank_path(content), "- id: server-risk-analysis-us\n  topic: server\n  priority: 2\n"
         "  when:\n    region: [us]", "- id: server-risk-analysis-us\n  topic: server\n  priority: 2\n"
         "  when:\n    region: [usa]")
    assert "question 'server-risk-analysis-us': region value 'usa' is not one of us, eu," in message(content)


def test_an_unknown_condition_key(content):
    edit(layout.bank_path(content), "  when:\n    setting: [mobile]\n\n- id: proxy-mobile-who-sees",
         "  when:\n    place: [mobile]\n\n- id: proxy-mobile-who-sees")
    assert "question 'proxy-mobile-stored': `when` key 'place' is not one of region, exam" in message(content)


def test_a_single_value_not_written_as_a_list(content):
    edit(layout.bank_path(content), "  when:\n    channel: [link]\n\n- id: link-code",
         "  when:\n    channel: link\n\n- id: link-code")
    assert "question 'link-expires': channel must be a list of values" in message(content)


@pytest.mark.parametrize("old, new, expected", [
    ("- id: server-internet\n  topic: server", "- id: server-internet\n  topic: servers",
     "question 'server-internet': topic 'servers' is not one of server, online_access"),
    ("- id: server-internet\n  topic: server\n  priority: 1", "- id: server-internet\n  topic: server\n  priority: 4",
     "question 'server-internet': priority 4 is not one of 1, 2, 3"),
    ("- id: server-own-login\n", "- id: server-internet\n",
     "content/questions.yaml: question id 'server-internet' is used 2 times"),
])
def test_topics_priorities_and_unique_ids(content, old, new, expected):
    edit(layout.bank_path(content), old, new)
    assert expected in message(content)


def test_every_question_has_its_four_english_texts(content):
    path = layout.question_texts_path(content, "en")
    text = path.read_text(encoding="utf-8")
    start = text.index("\nlink-code:")
    red_flag = text.index("  red_flag:", start)
    path.write_text(text[:red_flag] + text[text.index("\n", red_flag) + 1:], encoding="utf-8")
    assert "content/en/questions.yaml: question 'link-code' has no red_flag" in message(content)


def test_a_translation_of_a_question_the_bank_lacks(content):
    edit(layout.question_texts_path(content, "es"), "\nlink-code:", "\nlink-codes:")
    assert "content/es/questions.yaml: question 'link-codes' is not in questions.yaml" in message(content)


@pytest.mark.parametrize("old, new, expected", [
    ("  - code: es\n    region: eu\n", "  - code: es\n    region: ue\n",
     "content/places.yaml: country 'es': region 'ue' is not one of us, eu,"),
    ("  - code: es\n    region: eu\n    group: eu_eea\n", "  - code: es\n    region: eu\n    group: eu\n",
     "content/places.yaml: country 'es': group 'eu' is not one of north_america_uk, eu_eea,"),
    ('  - code: "no"\n', "  - code: no\n",
     "content/places.yaml: country False: YAML read an unquoted code as false"),
    ("  - code: other\n", "  - code: ch\n    region: eu\n    group: eu_eea\n\n  - code: other\n",
     "content/places.yaml: country 'ch': needs an authority: its region 'eu' has a rights box of its own"),
    ("  - code: other\n", "  - code: uk\n    region: other\n    group: other_answers\n\n  - code: other\n",
     "content/places.yaml: country 'uk': code is not a lower-case ISO 3166 code (the United Kingdom is gb)"),
    ("deadline: {days: 30}", "deadline: {day: 30}",
     "content/places.yaml: region 'us': deadline {'day': 30} is not {days: N} or {months: N}"),
    ("  other:\n    own_texts: false\n", "  other:\n    own_text: false\n",
     "content/places.yaml: region 'other': unknown key 'own_text' (known: own_texts, deadline)"),
])
def test_places(content, old, new, expected):
    edit(layout.places_path(content), old, new)
    assert expected in message(content)


def test_rights_and_letters_name_only_regions_with_texts(content):
    edit(layout.rights_path(content, "es"), "\nuk:\n", "\ngb:\n")
    edit(layout.letters_path(content, "fr"), "\nca:\n", "\ncanada:\n")
    found = message(content)
    assert "content/es/rights.yaml: 'gb' is not a region with texts of its own in places.yaml" in found
    assert "content/fr/letters.yaml: 'canada' is not a region with texts of its own" in found


def test_english_rights_and_letters_have_every_part(content):
    edit(layout.rights_path(content, "en"), "  cost: >-\n    Your first copy is free.", "  costs: >-\n    Your first")
    edit(layout.letters_path(content, "en"), 'reminder_title: "AskFirst: the 30', 'reminder_titel: "AskFirst: the 30')
    found = message(content)
    assert "content/en/rights.yaml: rights 'eu': unknown part 'costs'" in found
    assert "content/en/rights.yaml: rights 'eu' has no cost" in found
    assert "content/en/letters.yaml: letter 'us': unknown part 'reminder_titel'" in found
    assert "content/en/letters.yaml: letter 'us' has no reminder_title" in found


def test_country_notes_name_known_countries(content):
    edit(layout.rights_path(content, "de"), "\n  de: >-", "\n  deu: >-")
    assert "content/de/rights.yaml: country_notes: 'deu' is not a country in places.yaml" in message(content)


def test_reviewed_names_only_shipped_languages(content):
    edit(layout.reviewed_path(content), "  - en\n", "  - en\n  - it\n")
    assert "content/reviewed.yaml: 'it' is not a language AskFirst ships" in message(content)


def test_every_problem_is_listed_not_just_the_first(content):
    edit(layout.bank_path(content), "- id: server-internet\n  topic: server", "- id: server-internet\n  topic: servers")
    edit(layout.reviewed_path(content), "  - en\n", "  - en\n  - it\n")
    found = message(content)
    assert "has 2 problem(s)" in found
    assert "topic 'servers'" in found and "'it' is not a language" in found


def test_the_library_and_the_app_refuse_to_start(content):
    edit(layout.bank_path(content), "- id: server-internet\n  topic: server", "- id: server-internet\n  topic: servers")
    with pytest.raises(ContentError, match="topic 'servers'"):
        Library(content, ["en"])
    config = TestConfig()
    config.CONTENT_DIR = content
    with pytest.raises(ContentError, match="topic 'servers'"):
        create_app(config)
