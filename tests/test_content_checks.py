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
        check_content(content, SHIPPED_LANGUAGES, places_dir=content)
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
    # The answers below the national level are condition keys too (a rule for Ontario).
    assert ("question 'proxy-mobile-stored': `when` key 'place' is not one of region, person, state, province, "
            "land, operator, exam") in message(content)


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
     "content/places.yaml: country 'es': region 'ue' is not one of us, eu, uk, ca, other"),
    ("  - code: es\n    region: eu\n    group: eu_eea\n", "  - code: es\n    region: eu\n    group: eu\n",
     "content/places.yaml: country 'es': group 'eu' is not one of north_america_uk, eu_eea,"),
    ('  - code: "no"\n', "  - code: no\n",
     "content/places.yaml: country False: YAML read an unquoted code as false"),
    # A country of a law with neither a body nor a subdivision that names one.
    ("  - code: other\n", "  - code: ch\n    region: eu\n    group: eu_eea\n    law: gdpr\n\n  - code: other\n",
     "content/places.yaml: country 'ch': needs an authority (or `by`, where the body depends on a subdivision)"),
    ("  - code: other\n", "  - code: uk\n    region: other\n    group: other_answers\n\n  - code: other\n",
     "content/places.yaml: country 'uk': code is not a lower-case ISO 3166 code (the United Kingdom is gb)"),
    ("    law: gdpr\n    authority: es\n", "    law: gpdr\n    authority: es\n",
     "content/places.yaml: country 'es': law 'gpdr' is not in laws.yaml"),
    ("    law: gdpr\n    authority: es\n", "    law: gdpr\n    authority: aepd\n",
     "content/places.yaml: country 'es': authority 'aepd' is not in authorities.yaml"),
    ("    by: province\n", "    by: provinces\n",
     "content/places.yaml: country 'ca': by 'provinces' is not a field under subdivisions"),
    ("    law: gdpr\n    authority: es\n", "    law: gdpr\n    authorty: es\n",
     "content/places.yaml: country 'es': unknown key 'authorty' (known: code, region, group, law, authority,"),
    ("    authority: us\n    paper: letter\n", "    authority: us\n    paper: legal\n",
     "content/places.yaml: country 'us': paper 'legal' is not one of a4, letter (leave it out for a4)"),
    ("regions: [us, eu, uk, ca, other]", "regions: [us, eu, uk, ca]",
     "content/places.yaml: regions: 'other' is missing"),
    # Below the national level: what each answer decides, and the codes links carry.
    ('      "on": {law: ca-on, authority: ca-on}', "      on: {law: ca-on, authority: ca-on}",
     "content/places.yaml: subdivision 'province': place True: not a code for links"),
    ("      nb: {law: ca-nb, authority: ca-nb}", "      nb: {law: ca-nb, authority: ca-nbb}",
     "content/places.yaml: subdivision 'province': place 'nb': authority 'ca-nbb' is not in authorities.yaml"),
    ("      nb: {law: ca-nb, authority: ca-nb}", "      nb: {law: ca-newbrunswick, authority: ca-nb}",
     "content/places.yaml: subdivision 'province': place 'nb': law 'ca-newbrunswick' is not in laws.yaml"),
    ("      unsure: {texts: ca-unsure, letter: ca}\n", "",
     "content/places.yaml: subdivision 'province': places must map each answer to what it decides, `unsure` included"),
    ("    then: operator\n", "    then: operators\n",
     "content/places.yaml: subdivision 'land': then 'operators' is not a field under subdivisions"),
    ("      public: {from_land: [public]}", "      public: {from_land: [publik]}",
     "content/places.yaml: subdivision 'operator': place 'public': from_land 'publik' is not one of authority, "
     "public, catholic"),
    ("      by: {authority: de-by-private, public: de-by-public,",
     "      by: {authority: de-by-private, public: de-by-publik,",
     "content/places.yaml: subdivision 'land': place 'by': authority 'de-by-publik' is not in authorities.yaml"),
])
def test_places(content, old, new, expected):
    edit(layout.places_path(content), old, new)
    assert expected in message(content)


@pytest.mark.parametrize("old, new, expected", [
    ("      deadline: {days: 30}\n      # Once per request", "      deadline: {day: 30}\n      # Once per request",
     "content/laws.yaml: law 'hipaa': copy: deadline {'day': 30} is not one of {days: N}, {business_days: N}, "
     "{months: N}"),
    ("      extension: {months: 2}\n      source: \"GDPR Art. 12(3)",
     "      extension: {months: two}\n      source: \"GDPR Art. 12(3)",
     "content/laws.yaml: law 'gdpr': copy: extension {'months': 'two'} is not one of {days: N}"),
    ('      source: "PHIPAA s. 10(2) (facts.md §7.7)"\n', "",
     "content/laws.yaml: law 'ca-nb': copy has no source"),
    ('    name: "HIPAA Privacy Rule"\n', "",
     "content/laws.yaml: law 'hipaa': has no name"),
    ('    name: "HIPAA Privacy Rule"\n', '    name: "HIPAA Privacy Rule"\n    fee: free\n',
     "content/laws.yaml: law 'hipaa': unknown key 'fee' "
     "(known: name, short, texts, letter, copy, list, recipients, source)"),
])
def test_laws(content, old, new, expected):
    edit(layout.laws_path(content), old, new)
    assert expected in message(content)


@pytest.mark.parametrize("old, new, expected", [
    ('    url: "https://www.cnil.fr"\n', '    url: "www.cnil.fr"\n',
     "content/authorities.yaml: authority 'fr': url 'www.cnil.fr' must be a web address (https://...)"),
    ('    url: "https://ombudnb.ca"\n', "",
     "content/authorities.yaml: authority 'ca-nb': has neither a url nor an address: a patient could not reach it"),
    ("    complaint_limit: {months: 6}\n", "    complaint_limit: {weeks: 26}\n",
     "content/authorities.yaml: authority 'ca-on': complaint_limit {'weeks': 26} is not one of {days: N}"),
    ('  "no":\n    name: "Datatilsynet"\n', '  no:\n    name: "Datatilsynet"\n',
     "content/authorities.yaml: authority False: YAML read an unquoted id as False"),
    ('    name: "Commission nationale de l\'informatique et des libertés"\n', "",
     "content/authorities.yaml: authority 'fr': has no name"),
])
def test_authorities(content, old, new, expected):
    edit(layout.authorities_path(content), old, new)
    assert expected in message(content)


def test_rights_and_letters_name_only_texts_a_place_uses(content):
    edit(layout.rights_path(content, "es"), "\nuk:\n", "\ngb:\n")
    edit(layout.letters_path(content, "fr"), "\nca:\n", "\ncanada:\n")
    found = message(content)
    assert "content/es/rights.yaml: 'gb' is not a rights id that laws.yaml or places.yaml uses" in found
    assert "content/fr/letters.yaml: 'canada' is not a letter id that laws.yaml or places.yaml uses" in found


def test_english_rights_and_letters_have_every_part(content):
    edit(layout.rights_path(content, "en"), "  cost: >-\n    Your first copy is free.", "  costs: >-\n    Your first")
    edit(layout.letters_path(content, "en"), 'reminder_title: "AskFirst: the 30', 'reminder_titel: "AskFirst: the 30')
    found = message(content)
    assert "content/en/rights.yaml: rights 'eu': unknown part 'costs'" in found
    assert "content/en/rights.yaml: rights 'eu' has no cost" in found
    assert "content/en/letters.yaml: letter 'us': unknown part 'reminder_titel'" in found
    assert "content/en/letters.yaml: letter 'us' has no reminder_title" in found


def test_every_rights_box_a_place_can_show_has_its_english_texts(content):
    # ca-other serves nine provinces and territories: without it, none of them has a box.
    text = layout.rights_path(content, "en").read_text(encoding="utf-8")
    start = text.index("\nca-other:\n")
    end = text.index("\n# Canada, province not known.")
    layout.rights_path(content, "en").write_text(text[:start] + text[end:], encoding="utf-8")
    assert "content/en/rights.yaml: rights 'ca-other' is missing" in message(content)


def test_notes_name_known_places(content):
    edit(layout.rights_path(content, "de"), "\n  de: >-", "\n  deu: >-")
    edit(layout.rights_path(content, "en"), "\n  ca-nu: >-", "\n  ca-nv: >-")
    found = message(content)
    assert ("content/de/rights.yaml: notes: 'deu' is not a place in places.yaml (a country code, or "
            "<country>-<answer> like ca-nu)") in found
    assert "content/en/rights.yaml: notes: 'ca-nv' is not a place in places.yaml" in found


def test_finding_out_is_complete_in_english_and_names_only_open_questions(content):
    edit(layout.rights_path(content, "en"), "\n  diocese: >-", "\n  dioceses: >-")
    found = message(content)
    assert "content/en/rights.yaml: finding_out: 'dioceses' is not one of province, land, operator, diocese" in found
    assert "content/en/rights.yaml: finding_out: 'diocese' is missing" in found


def test_a_national_paragraph_only_for_a_country_with_a_health_records_rule(content):
    edit(layout.letters_path(content, "en"), "\n  fr: >-\n    Under French health law",
         "\n  es: >-\n    Under French health law")
    assert ("content/en/letters.yaml: national: 'es' is not a country with a health-records rule or a place with a "
            "local rule in places.yaml" in message(content))


# A review as tools/translations.py writes it, to break.
REVIEW = ("- by: native speaker, health writer\n  day: '2027-01-12'\n  pieces:\n"
          "    page why: 3f0c1a9e4b2d 9a8b7c6d5e4f\n")


def test_a_review_names_a_role_a_day_and_two_hashes_a_piece(content):
    layout.reviews_path(content, "fr").write_text(
        REVIEW.replace("'2027-01-12'", "'12/01/2027'")
        + REVIEW.replace("native speaker, health writer", "''").replace("page why", "page help")
        + REVIEW + "    page home: abc 9a8b7c6d5e4f\n"
        + "- by: reviewer\n  day: '2027-01-12'\n", encoding="utf-8")
    found = message(content)
    assert "has 5 problem(s)" in found
    assert "content/fr/reviews.yaml: review 1: `day` must be a day like 2027-01-12, not '12/01/2027'" in found
    assert "content/fr/reviews.yaml: review 2: `by` must name the reviewer's role" in found
    assert ("content/fr/reviews.yaml: review 3: 'page home' must have two hashes of 12 hex digits "
            "(English, translation), not 'abc 9a8b7c6d5e4f'") in found
    assert "content/fr/reviews.yaml: review 3: 'page why' is in an earlier review too" in found
    assert "content/fr/reviews.yaml: review 4 must have exactly by, day, pieces" in found


def test_english_has_no_review_records(content):
    layout.reviews_path(content, "en").write_text(REVIEW, encoding="utf-8")
    assert "content/en/reviews.yaml: English is the source, always reviewed" in message(content)


def test_every_problem_is_listed_not_just_the_first(content):
    edit(layout.bank_path(content), "- id: server-internet\n  topic: server", "- id: server-internet\n  topic: servers")
    layout.reviews_path(content, "en").write_text(REVIEW, encoding="utf-8")
    found = message(content)
    assert "has 2 problem(s)" in found
    assert "topic 'servers'" in found and "English is the source" in found


def test_the_library_and_the_app_refuse_to_start(content):
    edit(layout.bank_path(content), "- id: server-internet\n  topic: server", "- id: server-internet\n  topic: servers")
    with pytest.raises(ContentError, match="topic 'servers'"):
        Library(content, ["en"])
    config = TestConfig()
    config.CONTENT_DIR = content
    with pytest.raises(ContentError, match="topic 'servers'"):
        create_app(config)
