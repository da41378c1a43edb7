"""places.yaml as the rest of the code sees it: the codes in public links, each country's
region and box, and the deadline of a request for a copy."""

from datetime import date

import pytest

from askfirst import labels, places
from askfirst.answers import FIELD_BY_NAME

# Every code published in links so far (`?country=es`): none may ever disappear.
PUBLISHED = ("us gb ca at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si es se "
             "is li no other unsure").split()


def test_no_published_country_code_disappears():
    assert set(PUBLISHED) <= set(places.COUNTRY_CODES)
    assert FIELD_BY_NAME["country"].values == places.COUNTRY_CODES
    assert places.COUNTRY_CODES[-2:] == ("other", "unsure")


@pytest.mark.parametrize("code, region, box", [
    ("us", "us", "us"), ("gb", "uk", "uk"), ("ca", "ca", "ca"), ("es", "eu", "eu"), ("no", "eu", "eu"),
    ("other", "other", "other"), ("unsure", "unsure", "other"), ("xx", "unsure", "other"),
])
def test_region_and_rights_box_of_a_country(code, region, box):
    assert places.region_of(code) == region
    assert places.box_of(region) == box


def test_authorities_only_where_the_box_names_the_country():
    assert places.authority("es")["short"] == "AEPD"
    assert places.authority("other") is None and places.authority("unsure") is None


@pytest.mark.parametrize("region, sent, deadline", [
    ("us", date(2026, 1, 31), date(2026, 3, 2)),  # HIPAA: 30 days
    ("eu", date(2026, 1, 31), date(2026, 2, 28)),  # GDPR: one month, the shorter month's last day
    ("uk", date(2024, 1, 30), date(2024, 2, 29)),
    ("eu", date(2026, 12, 15), date(2027, 1, 15)),
    ("ca", date(2026, 1, 31), None),  # no deadline in facts.md to rely on: no reminder
    ("other", date(2026, 1, 31), None),
    ("unsure", date(2026, 1, 31), None),
])
def test_deadline_of_a_request_for_a_copy(region, sent, deadline):
    assert places.add_deadline(sent, region) == deadline


def test_every_group_has_a_translated_title(app):
    # A group in places.yaml without a title in labels.group_titles() would break the
    # country list only when a page shows it; the content checks cannot see labels.py.
    with app.test_request_context("/en/check/country"):
        assert set(labels.group_titles()) == set(places.PLACES.groups)
