"""places.yaml as the rest of the code sees it: the codes in public links, the spellings
a hand-written link may use, each country's region and law, and the answers asked below
the national level. (What a place's box, letter and dates say: test_jurisdiction.py and
test_rights_by_place.py.)"""

import pytest

from askfirst import labels, places
from askfirst.answers import FIELD_BY_NAME, clean

# Every code published in links so far (`?country=es`): none may ever disappear.
PUBLISHED = ("us gb ca at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si es se "
             "is li no other unsure").split()
PROVINCES = "on qc bc ab mb sk ns nb nl pe yt nt nu".split()
LANDS = "bw by be bb hb hh he mv ni nw rp sl sn st sh th".split()
OPERATORS = "private public federal catholic protestant".split()


def test_no_published_country_code_disappears():
    assert set(PUBLISHED) <= set(places.COUNTRY_CODES)
    assert FIELD_BY_NAME["country"].values == places.COUNTRY_CODES
    assert places.COUNTRY_CODES[-2:] == ("other", "unsure")


@pytest.mark.parametrize("field, codes", [("province", PROVINCES), ("land", LANDS), ("operator", OPERATORS)])
def test_every_subdivision_answer_is_offered_with_not_sure_last(field, codes):
    # Canada's 10 provinces and 3 territories; Germany's 16 Länder; the 5 kinds of operator.
    assert FIELD_BY_NAME[field].values == (*codes, "unsure")


@pytest.mark.parametrize("field, country", [("province", "ca"), ("land", "de"), ("operator", "de")])
def test_a_subdivision_is_asked_only_for_its_country(field, country):
    assert places.PLACES.asked_for(field) == (country,)
    assert FIELD_BY_NAME[field].only_for == (country,)


@pytest.mark.parametrize("code, region", [
    ("us", "us"), ("gb", "uk"), ("ca", "ca"), ("es", "eu"), ("no", "eu"), ("de", "eu"), ("fr", "eu"),
    ("other", "other"), ("unsure", "unsure"), ("xx", "unsure"),
])
def test_region_of_a_country(code, region):
    assert places.region_of(code) == region


@pytest.mark.parametrize("written, code", [("uk", "gb"), ("UK", "gb"), ("usa", "us"), ("USA", "us"),
                                           (" Us ", "us"), ("GB", "gb"), ("ES", "es")])
def test_common_spellings_of_a_country_in_links(written, code):
    assert clean({"country": [written]})["country"] == (code,)


@pytest.mark.parametrize("code, law", [
    ("us", "hipaa"), ("gb", "uk-gdpr"), ("es", "gdpr"), ("fr", "gdpr"), ("de", "gdpr"), ("no", "gdpr"),
    ("ca", None), ("other", None), ("unsure", None),
])
def test_the_law_of_each_country(code, law):
    # Canada has none of its own: the province decides (never PIPEDA by default).
    assert places.PLACES.country(code).law == law


def test_every_country_of_a_law_names_a_body_or_a_subdivision_that_does():
    for country in places.PLACES.countries:
        if country.law:
            assert country.authority or country.by, country.code
            if country.authority:
                assert country.authority in places.PLACES.authorities, country.code


def test_every_rights_box_and_letter_a_place_uses_ends_with_the_general_one():
    assert places.PLACES.texts_ids[-1] == places.GENERAL_TEXTS
    assert places.PLACES.letter_ids[-1] == places.GENERAL_TEXTS
    assert {"us", "eu", "uk", "ca-on", "ca-nb", "ca-ab", "ca-bc", "ca-other", "ca-unsure", "de-church"} <= set(
        places.PLACES.texts_ids)


def test_every_group_has_a_translated_title(app):
    # A group in places.yaml without a title in labels.group_titles() would break the
    # country list only when a page shows it; the content checks cannot see labels.py.
    with app.test_request_context("/en/check/country"):
        assert set(labels.group_titles()) == set(places.PLACES.groups)


def test_the_united_states_and_canada_print_on_letter_every_other_place_on_a4():
    letter = {country.code for country in places.PLACES.countries if places.PLACES.paper(country.code) == "letter"}
    assert letter == {"us", "ca"}
    for code in ("gb", "de", "fr", "no", "other", "unsure", "xx", None):
        assert places.PLACES.paper(code) == "a4", code
