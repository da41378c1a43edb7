"""jurisdiction.py: one patient's place resolved from their answers (the law, the body to
complain to, the texts), and the dates a deadline gives, counted from the day the
provider receives the request. What the patient then reads: test_rights_by_place.py."""

from datetime import date

import pytest

from askfirst.jurisdiction import Dates, dates, due, every_place, resolve
from askfirst.places import PLACES, Deadline, Period
from askfirst.rights_box import PLACES_WITH_BOXES

PROVINCES = [code for code in PLACES.subdivisions["province"].codes if code != "unsure"]
LANDS = [code for code in PLACES.subdivisions["land"].codes if code != "unsure"]
EU = [country.code for country in PLACES.countries if country.region == "eu"]


def place(**answers):
    return resolve({field: (value,) for field, value in answers.items()})


def bodies(found):
    return [authority.id for authority in found.authorities]


# --- one country, one law, one body ----------------------------------------------------------

@pytest.mark.parametrize("country, law, body, texts", [
    ("us", "hipaa", "us", "us"), ("gb", "uk-gdpr", "gb", "uk"), ("es", "gdpr", "es", "eu"),
    ("fr", "gdpr", "fr", "eu"), ("no", "gdpr", "no", "eu"), ("ie", "gdpr", "ie", "eu"),
])
def test_a_country_with_one_law_and_one_body(country, law, body, texts):
    found = place(country=country)
    assert (found.key, found.law.id, bodies(found), found.texts) == (country, law, [body], texts)
    assert found.open_questions == ()


@pytest.mark.parametrize("country", EU)
def test_every_eu_and_eea_country_has_the_gdpr_and_its_own_body(country):
    found = place(country=country)
    assert found.law.id == "gdpr" and found.texts == "eu" and found.letter == "eu"
    if country != "de":  # Germany's body depends on the Land and the operator
        assert bodies(found) == [country]


def test_france_adds_its_health_records_rule():
    found = place(country="fr")
    assert found.health_records.id == "fr-csp-l1111-7"
    # The shorter national deadline comes first: it is the one the reminder uses.
    assert [law.id for law, _deadline in found.deadlines] == ["fr-csp-l1111-7", "gdpr"]


@pytest.mark.parametrize("answers, key", [
    ({"country": "other"}, "other"), ({"country": "unsure"}, "unsure"), ({}, "unsure"),
    ({"country": "xx"}, "unsure"),
])
def test_no_law_is_claimed_where_none_is_known(answers, key):
    found = place(**answers)
    # "Not sure" has a box of its own (the rights depend on the country); "somewhere
    # else" the general one. Neither cites a law.
    assert (found.key, found.law, found.authorities, found.texts, found.letter) == (key, None, (), key, "other")
    assert found.first_deadline is None


# --- Canada, province by province ---------------------------------------------------------

@pytest.mark.parametrize("province", PROVINCES)
def test_each_province_and_territory_has_its_own_law_and_body(province):
    found = place(country="ca", province=province)
    assert found.key == f"ca-{province}"
    assert found.law.id == f"ca-{province}"
    assert bodies(found) == [f"ca-{province}"]
    assert found.letter == "ca"
    # The federal law and Commissioner are never the default for a clinic.
    assert "ca-opc" not in bodies(found)


@pytest.mark.parametrize("province, has_deadline", [(code, code in ("on", "nb", "ab", "bc")) for code in PROVINCES])
def test_a_deadline_only_where_facts_md_confirms_one(province, has_deadline):
    assert (place(country="ca", province=province).first_deadline is not None) == has_deadline


@pytest.mark.parametrize("answers", [{"country": "ca"}, {"country": "ca", "province": "unsure"},
                                     {"country": "ca", "province": "zz"}])
def test_canada_without_a_province_says_it_depends(answers):
    found = place(**answers)
    assert found.key == "ca-unsure"
    assert (found.law, found.authorities, found.texts) == (None, (), "ca-unsure")
    assert found.open_questions == ("province",)


# --- Germany: the Land and who runs the clinic ---------------------------------------------

@pytest.mark.parametrize("land", LANDS)
@pytest.mark.parametrize("operator", ["private", "public"])
def test_a_private_or_public_clinic_answers_to_its_lands_authority(land, operator):
    found = place(country="de", land=land, operator=operator)
    expected = {("by", "private"): "de-by-private", ("by", "public"): "de-by-public"}.get((land, operator),
                                                                                         f"de-{land}")
    assert (found.key, bodies(found), found.law.id) == (f"de-{land}-{operator}", [expected], "gdpr")
    assert found.open_questions == ()


def test_bavaria_has_two_authorities():
    private = place(country="de", land="by", operator="private")
    public = place(country="de", land="by", operator="public")
    assert bodies(private) == ["de-by-private"] and bodies(public) == ["de-by-public"]
    # All other Länder have one body for both: 17 state authorities in all.
    assert len({bodies(place(country="de", land=land, operator=operator))[0]
                for land in LANDS for operator in ("private", "public")}) == 17


@pytest.mark.parametrize("land", [*LANDS, "unsure"])
def test_federal_and_protestant_clinics_have_one_body_wherever_they_are(land):
    federal = place(country="de", land=land, operator="federal")
    protestant = place(country="de", land=land, operator="protestant")
    assert bodies(federal) == ["de-bfdi"] and federal.law.id == "gdpr"
    assert bodies(protestant) == ["de-ekd"] and protestant.law.id == "de-dsg-ekd"
    assert protestant.texts == "de-church" and protestant.letter == "de-church"
    assert federal.open_questions == protestant.open_questions == ()


@pytest.mark.parametrize("land", LANDS)
def test_a_catholic_clinic_answers_to_the_supervisors_of_its_lands_dioceses(land):
    found = place(country="de", land=land, operator="catholic")
    assert found.law.id == "de-kdg" and found.texts == "de-church"
    assert bodies(found) and all(body.startswith("de-kath-") for body in bodies(found))
    assert bodies(found) == list(PLACES.subdivisions["land"].places[land].extra["catholic"])
    # Several supervisors: the diocese decides, and the box says how to find out.
    assert found.open_questions == (("diocese",) if len(bodies(found)) > 1 else ())


def test_bavarias_catholic_clinics_have_one_supervisor():
    assert bodies(place(country="de", land="by", operator="catholic")) == ["de-kath-bayern"]


@pytest.mark.parametrize("land", LANDS)
def test_an_unknown_operator_lists_every_body_that_may_be_the_one(land):
    found = place(country="de", land=land, operator="unsure")
    listed = bodies(found)
    for operator in ("private", "public", "federal", "catholic", "protestant"):
        assert set(bodies(place(country="de", land=land, operator=operator))) <= set(listed), operator
    assert found.open_questions == ("operator",)


@pytest.mark.parametrize("operator, open_questions", [
    ("private", ("land",)), ("public", ("land",)), ("catholic", ("land",)), ("unsure", ("land", "operator")),
])
def test_an_unknown_land_names_no_body_that_depends_on_it(operator, open_questions):
    found = place(country="de", land="unsure", operator=operator)
    assert found.open_questions == open_questions
    assert not [body for body in bodies(found) if body not in ("de-ekd", "de-bfdi")]


@pytest.mark.parametrize("answers", [{"country": "de"}, {"country": "de", "land": "xx", "operator": "bogus"}])
def test_germany_without_a_land_or_an_operator_is_not_sure_of_either(answers):
    assert place(**answers).key == "de-unsure-unsure"


def test_every_place_has_a_box_of_its_own():
    keys = [resolve(answers).key for answers in every_place()]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(PLACES_WITH_BOXES)
    expected = {"us", "gb", "other", "unsure", "ca-unsure", "de-unsure-unsure", "de-by-public", "de-by-catholic",
                *(f"ca-{code}" for code in PROVINCES)}
    assert expected <= set(keys)
    assert len([key for key in keys if key.startswith("de-")]) == 17 * 6  # 16 Länder and "not sure", 6 operators


# --- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("start, period, expected", [
    # Months: the same day, or the month's last day when it is shorter.
    (date(2026, 1, 31), Period("months", 1), date(2026, 2, 28)),
    (date(2024, 1, 31), Period("months", 1), date(2024, 2, 29)),  # a leap year
    (date(2026, 1, 30), Period("months", 1), date(2026, 2, 28)),
    (date(2026, 2, 28), Period("months", 1), date(2026, 3, 28)),
    (date(2026, 3, 31), Period("months", 1), date(2026, 4, 30)),
    (date(2026, 12, 15), Period("months", 1), date(2027, 1, 15)),  # over the year's end
    (date(2026, 11, 30), Period("months", 3), date(2027, 2, 28)),
    (date(2026, 1, 31), Period("months", 2), date(2026, 3, 31)),
    # Days: calendar days.
    (date(2026, 1, 31), Period("days", 30), date(2026, 3, 2)),
    (date(2024, 1, 31), Period("days", 30), date(2024, 3, 1)),
    (date(2026, 12, 28), Period("days", 8), date(2027, 1, 5)),
    # Business days: Mondays to Fridays (30 of them are six whole weeks).
    (date(2026, 11, 27), Period("business_days", 30), date(2027, 1, 8)),  # a Friday
    (date(2026, 11, 28), Period("business_days", 30), date(2027, 1, 8)),  # a Saturday
    (date(2026, 11, 29), Period("business_days", 30), date(2027, 1, 8)),  # a Sunday
    (date(2026, 11, 30), Period("business_days", 30), date(2027, 1, 11)),  # a Monday
    (date(2026, 12, 4), Period("business_days", 1), date(2026, 12, 7)),  # Friday: due on Monday
    (date(2026, 12, 5), Period("business_days", 1), date(2026, 12, 7)),  # Saturday: due on Monday
])
def test_due(start, period, expected):
    assert due(start, period) == expected


def copy(country, **subplaces):
    return place(country=country, **subplaces).first_deadline[1]


@pytest.mark.parametrize("deadline, received, first, extended, older", [
    # GDPR: one month, and two more: three months after receipt, not two after a short February.
    (("es",), date(2026, 1, 31), date(2026, 2, 28), date(2026, 4, 30), None),
    (("es",), date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30), None),
    (("es",), date(2026, 11, 30), date(2026, 12, 30), date(2027, 2, 28), None),
    (("de",), date(2026, 12, 15), date(2027, 1, 15), date(2027, 3, 15), None),
    (("gb",), date(2024, 1, 30), date(2024, 2, 29), date(2024, 4, 30), None),
    # HIPAA: 30 days, and 30 more once.
    (("us",), date(2026, 1, 31), date(2026, 3, 2), date(2026, 4, 1), None),
    (("us",), date(2026, 12, 15), date(2027, 1, 14), date(2027, 2, 13), None),
    # France's health-records rule: 8 days; 2 months for records more than 5 years old.
    (("fr",), date(2026, 1, 31), date(2026, 2, 8), None, date(2026, 3, 31)),
    (("fr",), date(2026, 12, 28), date(2027, 1, 5), None, date(2027, 2, 28)),
    # Ontario: 30 days, and 30 more once; New Brunswick: 30 business days, no extension.
    (("ca", "on"), date(2026, 1, 31), date(2026, 3, 2), date(2026, 4, 1), None),
    (("ca", "nb"), date(2026, 11, 27), date(2027, 1, 8), None, None),
    (("ca", "bc"), date(2026, 11, 30), date(2027, 1, 11), None, None),
    (("ca", "ab"), date(2026, 1, 31), date(2026, 3, 2), None, None),
])
def test_dates_of_a_request_for_a_copy(deadline, received, first, extended, older):
    country, *province = deadline
    found = copy(country, **({"province": province[0]} if province else {}))
    assert dates(received, found) == Dates(first, extended, older)


def test_hipaa_accounting_of_disclosures_has_60_days_and_30_more():
    listing = place(country="us").law.list
    assert dates(date(2026, 1, 31), listing) == Dates(date(2026, 4, 1), date(2026, 5, 1), None)


def test_an_extension_in_another_unit_counts_on_from_the_first_deadline():
    deadline = Deadline(Period("days", 30), Period("months", 1))
    assert dates(date(2026, 1, 1), deadline).extended == date(2026, 2, 28)  # 31 January, then 1 month
