"""What a patient reads about their rights where they are treated (issue 10, item 5): for
each place, the sheet's rights box, the "after your appointment" letter and dates, and the
rights page name the right body, the right deadline with its extension, and the right fee
rule. Through the app, as the patient sees the pages."""

import re
from datetime import date

import pytest

from askfirst.places import PLACES
from askfirst.views import letters
from conftest import check_page

PROVINCES = [code for code in PLACES.subdivisions["province"].codes if code != "unsure"]
LANDS = [code for code in PLACES.subdivisions["land"].codes if code != "unsure"]
EU = [country.code for country in PLACES.countries if country.region == "eu"]
WORRIES = "who_sees internet sharing research copies identity keeping breach rights authorities".split()


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def query(**answers) -> str:
    """A query string; a list gives the field once per value (`want=dicom&want=report`)."""
    return "&".join(f"{field}={value}" for field, values in answers.items()
                    for value in (values if isinstance(values, list) else [values]))


def rights_box(client, **answers) -> str:
    return words(check_page(client.get(f"/en/sheet?{query(**answers)}")).one("section.rights"))


def authorities_listed(client, **answers) -> list[str]:
    page = check_page(client.get(f"/en/sheet?{query(**answers)}"))
    return [words(item.strong) for item in page.select("section.rights li.authority")]


@pytest.fixture()
def on_2026_06_01(monkeypatch):
    """The dates a patient may enter are within a year of today: fix today."""
    monkeypatch.setattr(letters, "today", lambda: date(2026, 6, 1))


# --- per place: the body, the deadline with its extension, the fee rule ------------------------------

# (answers, body (name as the box prints it), deadline, extension, fee); None: the box must
# say that AskFirst has not checked it.
PLACES_SAID = {
    "us": ({"country": "us"}, "U.S. Department of Health and Human Services, Office for Civil Rights (OCR)",
           "Within 30 days of getting your request", "may take up to 30 more days, only once, if it tells you in "
           "writing within the first 30 days", "Only a fair fee based on cost"),
    "gb": ({"country": "gb"}, "Information Commissioner's Office (ICO)", "Within one month of getting your request",
           "up to two more months, if they tell you within the first month", "Normally free"),
    "es": ({"country": "es"}, "Agencia Española de Protección de Datos (AEPD)",
           "Within one month of getting your request", "the provider may take up to two more months. It must tell "
           "you so, and why, within the first month", "Your first copy is free"),
    "fr": ({"country": "fr"}, "Commission nationale de l'informatique et des libertés (CNIL)",
           "Within one month of getting your request", "up to two more months", "Your first copy is free"),
    "ca-on": ({"country": "ca", "province": "on"}, "Information and Privacy Commissioner of Ontario (IPC)",
              "within 30 days of getting your request", "They may take up to 30 more days, once, if they tell you "
              "in writing how long and why", "The fee may only cover their reasonable costs"),
    "ca-nb": ({"country": "ca", "province": "nb"}, "Office of the Ombud for New Brunswick (Ombud NB)",
              "Within 30 business days of getting your request", "AskFirst has not checked whether this can be "
              "extended", None),
    "ca-ab": ({"country": "ca", "province": "ab"}, "Office of the Information and Privacy Commissioner of Alberta",
              "Within 30 days of getting your request", "AskFirst has not checked when this can be extended",
              "Fees are allowed by regulation. AskFirst has not checked the amounts"),
    "ca-bc": ({"country": "ca", "province": "bc"},
              "Office of the Information and Privacy Commissioner for British Columbia",
              "within 30 days, not counting Saturdays and holidays", "They can extend this; AskFirst has not "
              "checked for how long", None),
    "de-by-public": ({"country": "de", "land": "by", "operator": "public"},
                     "Der Bayerische Landesbeauftragte für den Datenschutz (BayLfD)",
                     "Within one month of getting your request", "up to two more months", "Your first copy is free"),
    "de-by-private": ({"country": "de", "land": "by", "operator": "private"},
                      "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
                      "Within one month of getting your request", "up to two more months", "Your first copy is free"),
    "de-nw-protestant": ({"country": "de", "land": "nw", "operator": "protestant"},
                         "Der Beauftragte für den Datenschutz der EKD", None, None,
                         "Under German civil law (§ 630g BGB), your first copy of your patient record is free"),
    "de-by-catholic": ({"country": "de", "land": "by", "operator": "catholic"},
                       "Diözesandatenschutzbeauftragter der bayerischen (Erz-)Diözesen", None, None,
                       "Under German civil law (§ 630g BGB), your first copy of your patient record is free"),
    "de-be-federal": ({"country": "de", "land": "be", "operator": "federal"},
                      "Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)",
                      "Within one month of getting your request", "up to two more months", "Your first copy is free"),
}
# The nine provinces and territories where facts.md confirms the law and the body only.
UNCHECKED_PROVINCES = {
    "qc": ("Act respecting health and social services information", "Commission d'accès à l'information du Québec"),
    "mb": ("The Personal Health Information Act", "Manitoba Ombudsman"),
    "sk": ("The Health Information Protection Act", "Office of the Saskatchewan Information and Privacy Commissioner"),
    "ns": ("Personal Health Information Act", "Office of the Information and Privacy Commissioner for Nova Scotia"),
    "nl": ("Personal Health Information Act",
           "Office of the Information and Privacy Commissioner for Newfoundland and Labrador"),
    "pe": ("Health Information Act", "Information and Privacy Commissioner of Prince Edward Island"),
    "yt": ("Health Information Privacy and Management Act", "Yukon Information and Privacy Commissioner"),
    "nt": ("Health Information Act", "Information and Privacy Commissioner of the Northwest Territories"),
    "nu": ("Access to Information and Protection of Privacy Act", "Information and Privacy Commissioner of Nunavut"),
}


def rights_page_box(client, answers) -> str | None:
    """The rights page's box for a place, or None where the app has no place chooser."""
    response = client.get(f"/en/rights?{query(**answers)}")
    if response.status_code == 404:
        return None
    page = check_page(response)
    boxes = page.select("section.rights")
    return words(boxes[0]) if len(boxes) == 1 else None


@pytest.mark.parametrize("key", PLACES_SAID)
@pytest.mark.parametrize("where", ["sheet", "rights page"])
def test_the_rights_box_names_the_body_deadline_extension_and_fee(client, key, where):
    answers, body, deadline, extension, fee = PLACES_SAID[key]
    box = rights_box(client, **answers) if where == "sheet" else rights_page_box(client, answers)
    if box is None:
        pytest.skip("the rights page has no place chooser yet")
    assert body in box
    for said, unchecked in [(deadline, "AskFirst has not checked the deadline"),
                            (extension, "AskFirst has not checked the deadline"),
                            (fee, "AskFirst has not checked the fee rules")]:
        assert (said or unchecked) in box


@pytest.mark.parametrize("province", UNCHECKED_PROVINCES)
def test_a_province_without_a_confirmed_deadline_names_its_law_and_body_and_says_ask(client, province):
    law, body = UNCHECKED_PROVINCES[province]
    box = rights_box(client, country="ca", province=province)
    assert law in box and body in box
    assert "AskFirst has not checked the deadline under this law. Ask how long it will take" in box
    assert "AskFirst has not checked the fee rules. Ask what a copy costs before you agree" in box


@pytest.mark.parametrize("province", [*PROVINCES, "unsure"])
def test_no_canadian_box_sends_a_hospital_patient_to_the_federal_commissioner(client, province):
    box = rights_box(client, country="ca", province=province)
    assert "Office of the Privacy Commissioner of Canada" not in authorities_listed(client, country="ca",
                                                                                   province=province)
    assert "priv.gc.ca" not in box
    assert len(authorities_listed(client, country="ca", province=province)) == (province != "unsure")


@pytest.mark.parametrize("province, note", [
    ("yt", "free of charge, for a record of who opened your health information"),
    ("nu", "Nunavut has no health privacy law of its own"),
    ("qc", "the Commission (CAI) can allow a clinic more time"),
])
def test_provinces_with_a_note_of_their_own(client, province, note):
    assert note in rights_box(client, country="ca", province=province)


# Germany: each Land's body for a private and a public clinic.
LAND_BODIES = {
    "bw": "Baden-Württemberg", "be": "Berliner Beauftragte", "bb": "Landesbeauftragte für den Datenschutz und für "
    "das Recht auf Akteneinsicht Brandenburg", "hb": "Informationsfreiheit Bremen", "hh": "Hamburgische Beauftragte",
    "he": "Hessische Beauftragte", "mv": "Informationsfreiheit Mecklenburg-Vorpommern",
    "ni": "Landesbeauftragte für den Datenschutz Niedersachsen", "nw": "Informationsfreiheit Nordrhein-Westfalen",
    "rp": "Informationsfreiheit Rheinland-Pfalz", "sl": "Datenschutzzentrum Saarland",
    "sn": "Sächsische Datenschutz- und Transparenzbeauftragte", "st": "Datenschutz Sachsen-Anhalt",
    "sh": "Landeszentrum für Datenschutz Schleswig-Holstein", "th": "Thüringer Landesbeauftragter",
}


@pytest.mark.parametrize("land", LANDS)
@pytest.mark.parametrize("operator", ["private", "public"])
def test_a_german_clinic_run_privately_or_by_the_state_answers_to_its_lands_authority(client, land, operator):
    listed = authorities_listed(client, country="de", land=land, operator=operator)
    expected = {("by", "private"): "Bayerisches Landesamt für Datenschutzaufsicht",
                ("by", "public"): "Der Bayerische Landesbeauftragte für den Datenschutz"}.get((land, operator),
                                                                                            LAND_BODIES.get(land))
    assert len(listed) == 1 and expected in listed[0], listed
    box = rights_box(client, country="de", land=land, operator=operator)
    assert "Within one month" in box and "up to two more months" in box
    assert "17 state data protection authorities" in box and "BfDI covers federal bodies" in box


@pytest.mark.parametrize("land", LANDS)
def test_a_catholic_clinic_names_the_supervisors_and_their_dioceses(client, land):
    page = check_page(client.get(f"/en/sheet?country=de&land={land}&operator=catholic"))
    box = words(page.one("section.rights"))
    listed = [words(item.strong) for item in page.select("section.rights li.authority")]
    assert listed and all("Diözesandatenschutzbeauftragter" in name or "atholisch" in name
                          or "Kirchliche Datenschutzaufsicht" in name for name in listed), listed
    assert "Gesetz über den Kirchlichen Datenschutz (KDG)" in box and "Dioceses:" in box
    if len(listed) > 1:
        assert "Which one depends on the diocese where the clinic is" in box
    assert "AskFirst has not checked the deadline under church law" in box


@pytest.mark.parametrize("land", [*LANDS, "unsure"])
@pytest.mark.parametrize("operator, body", [("protestant", "Der Beauftragte für den Datenschutz der EKD"),
                                            ("federal", "Die Bundesbeauftragte für den Datenschutz")])
def test_protestant_and_federal_clinics_have_one_body_in_every_land(client, land, operator, body):
    listed = authorities_listed(client, country="de", land=land, operator=operator)
    assert len(listed) == 1 and body in listed[0]


@pytest.mark.parametrize("land", LANDS)
def test_not_sure_who_runs_the_clinic_lists_every_body_it_may_be(client, land):
    page = check_page(client.get(f"/en/sheet?country=de&land={land}&operator=unsure"))
    box = words(page.one("section.rights"))
    listed = " ".join(words(item.strong) for item in page.select("section.rights li.authority"))
    assert "Who runs the clinic decides who watches over it" in box and "It may be one of these:" in box
    for operator in ("private", "public", "protestant", "federal", "catholic"):
        for name in authorities_listed(client, country="de", land=land, operator=operator):
            assert name in listed, (operator, name)


def test_bavaria_not_sure_who_runs_the_clinic_lists_both_state_bodies(client):
    listed = authorities_listed(client, country="de", land="by", operator="unsure")
    assert any("BayLDA" in name for name in listed) and any("BayLfD" in name for name in listed)


@pytest.mark.parametrize("answers", [{"country": "de", "land": "unsure", "operator": "unsure"}, {"country": "de"}])
def test_germany_not_sure_of_the_land_says_how_to_find_out(client, answers):
    box = rights_box(client, **answers)
    assert "Choose the state where the clinic is to see which one" in box
    assert "17 state data protection authorities (Bavaria has two)" in box


@pytest.mark.parametrize("answers", [{"country": "de", "land": "unsure", "operator": "unsure"}, {"country": "de"}])
def test_germany_not_sure_of_anything_lists_the_possibilities_it_announces(client, answers):
    # The Land's own bodies cannot be named without the Land (the box says how to find it);
    # those that do not depend on it are listed, under the words that announce them.
    page = check_page(client.get(f"/en/sheet?{query(**answers)}"))
    assert "It may be one of these:" in words(page.one("section.rights"))
    listed = " ".join(words(item.strong) for item in page.select("section.rights li.authority"))
    assert "Datenschutz der EKD" in listed and "Bundesbeauftragte" in listed


@pytest.mark.parametrize("answers, says", [
    ({"country": "ca"}, ["Your rights depend on the province or territory",
                         "Choose your province or territory to see its law and where to complain"]),
    ({"country": "ca", "province": "unsure"}, ["Your rights depend on the province or territory"]),
    ({"country": "other"}, ["AskFirst has not checked the law for this place", "Ask what a copy will cost"]),
    ({"country": "unsure"}, ["Your rights depend on the country where the clinic is", "rights page"]),
])
def test_places_with_no_one_law_say_so_and_how_to_find_out(client, answers, says):
    box = rights_box(client, **answers)
    for text in says:
        assert text in box
    assert not authorities_listed(client, **answers)


def test_not_sure_of_the_country_is_not_told_that_askfirst_does_not_cover_it(client):
    page = check_page(client.get("/en/sheet?country=unsure"))
    box = page.one("section.rights")
    assert "has not checked the law" not in words(box)
    link = box.select_one("a[href]")
    assert check_page(client.get(f"/en/{link['href']}" if "/" not in link["href"] else link["href"])).one(
        ".place-chooser select#country")


# --- after the appointment: the letter and the dates ---------------------------------------

# (answers, received, in the letter, in "When the clinic should answer"); none: no dates.
LETTERS = {
    # The patient asks who received their data (want=recipients) where the law gives it.
    "us": ({"country": "us", "want": ["dicom", "report", "recipients"]}, "2026-01-31",
           ["45 CFR §164.524", "within 30 days of receiving it", "within the first 30 days why",
            "only cover the cost of making and sending the copy", "§164.528", "does not include disclosures for "
            "treatment, payment or health care operations", "within 60 days", "up to 30 more",
            "The first list in any 12 months is free"],
           ["Under HIPAA: by March 2, 2026", "at the latest by April 1, 2026",
            "The accounting of disclosures: by April 1, 2026, or at the latest by May 1, 2026"]),
    "gb": ({"country": "gb"}, "2026-01-31", ["UK GDPR Art. 15", "within one month", "normally free",
                                             "the time limit waits"],
           ["Under UK GDPR: by February 28, 2026", "at the latest by April 30, 2026"]),
    "es": ({"country": "es", "want": ["dicom", "recipients"]}, "2026-11-30",
           ["GDPR Art. 15", "C-154/21", "who has received my data, by name", "My first copy is free",
            "within one month"],
           ["Under GDPR: by December 30, 2026", "at the latest by February 28, 2027"]),
    "fr": ({"country": "fr"}, "2026-01-31", ["art. L1111-7", "within 8 days of receiving this request",
                                             "For information more than 5 years old, the time is 2 months",
                                             "within one month"],
           ["Under Code de la santé publique, article L1111-7: by February 8, 2026",
            "For records more than 5 years old: by March 31, 2026", "Under GDPR: by February 28, 2026",
            "at the latest by April 30, 2026"]),
    "de-nw-private": ({"country": "de", "land": "nw", "operator": "private"}, "2026-11-30",
                      ["§ 630g BGB", "My first copy is free", "within one month"],
                      ["Under GDPR: by December 30, 2026", "at the latest by February 28, 2027"]),
    "de-he-catholic": ({"country": "de", "land": "he", "operator": "catholic"}, "2026-11-30",
                       ["your clinic (Gesetz über den Kirchlichen Datenschutz (KDG)), I ask", "§ 630g BGB",
                        "Please tell me how long my request will take"], []),
    "de-sn-protestant": ({"country": "de", "land": "sn", "operator": "protestant"}, "2026-11-30",
                         ["your clinic (Datenschutzgesetz der EKD (DSG-EKD)), I ask", "§ 630g BGB"], []),
    "ca-on": ({"country": "ca", "province": "on"}, "2026-01-31", ["personal health information"],
              ["Under PHIPA: by March 2, 2026", "at the latest by April 1, 2026"]),
    "ca-nb": ({"country": "ca", "province": "nb"}, "2026-11-27", ["personal health information"],
              ["Under PHIPAA: by January 8, 2027", "This counts Mondays to Fridays only; a holiday makes it later"]),
    "ca-ab": ({"country": "ca", "province": "ab"}, "2026-01-31", ["personal health information"],
              ["Under HIA: by March 2, 2026"]),
    "ca-bc": ({"country": "ca", "province": "bc"}, "2026-11-30", ["personal health information"],
              ["Under FIPPA / PIPA: by January 11, 2027", "Mondays to Fridays only"]),
    "ca-qc": ({"country": "ca", "province": "qc"}, "2026-11-30", ["which privacy law applies"], []),
    "ca": ({"country": "ca"}, "2026-11-30", ["which privacy law applies", "how long it will take"], []),
    "other": ({"country": "other"}, "2026-11-30", ["how long this will take and whether there is a fee"], []),
    "unsure": ({"country": "unsure"}, "2026-11-30", ["how long this will take and whether there is a fee"], []),
}


@pytest.mark.parametrize("key", LETTERS)
def test_the_letter_and_the_dates_after_the_appointment(client, on_2026_06_01, key):
    answers, received, in_letter, in_dates = LETTERS[key]
    page = check_page(client.get(f"/en/next-steps?{query(**answers)}&received={received}"))
    letter = words(page.one(".letter"))
    for text in in_letter:
        assert text in letter
    assert "{law}" not in letter and "{national}" not in letter
    if in_dates:
        deadlines = words(page.one("section.deadlines"))
        assert "Dates count from the day the clinic receives your letter" in deadlines
        for text in in_dates:
            assert text in deadlines
        assert page.one("form.reminder")
    else:
        assert not page.select("section.deadlines") and not page.select("form.reminder")
        assert "AskFirst has not checked the deadline for your place" in words(page.one("main"))


@pytest.mark.parametrize("key", ["ca-ab", "ca-nb"])
def test_no_extension_date_where_the_law_gives_none_that_askfirst_has_checked(client, on_2026_06_01, key):
    answers, received, _letter, _dates = LETTERS[key]
    page = check_page(client.get(f"/en/next-steps?{query(**answers)}&received={received}"))
    assert "at the latest" not in words(page.one("section.deadlines"))


def test_the_us_letter_does_not_promise_a_list_of_everyone_who_received_the_images(client):
    letter = words(check_page(client.get("/en/next-steps?country=us")).one(".letter"))
    assert "who received them" not in letter and "who has received my data" not in letter


@pytest.mark.parametrize("answers, day", [
    ({"country": "us"}, "20260303"),  # 30 days from 31 January: 2 March; the reminder the day after
    ({"country": "es"}, "20260301"),  # one month from 31 January: 28 February
    ({"country": "gb"}, "20260301"),
    ({"country": "fr"}, "20260209"),  # France's 8 days come first
    ({"country": "de", "land": "by", "operator": "private"}, "20260301"),
    ({"country": "ca", "province": "on"}, "20260303"),
    ({"country": "ca", "province": "ab"}, "20260303"),
    ({"country": "ca", "province": "nb"}, "20260314"),  # 30 business days: Friday 13 March
    ({"country": "ca", "province": "bc"}, "20260314"),
])
def test_a_reminder_wherever_a_deadline_is_known(client, on_2026_06_01, answers, day):
    response = client.get(f"/en/next-steps/reminder.ics?{query(**answers)}&received=2026-01-31")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert f"DTSTART;VALUE=DATE:{day}" in response.get_data(as_text=True)


@pytest.mark.parametrize("answers", [
    {"country": "ca"}, {"country": "ca", "province": "unsure"}, {"country": "other"}, {"country": "unsure"},
    *({"country": "ca", "province": code} for code in UNCHECKED_PROVINCES),
    {"country": "de", "land": "by", "operator": "catholic"}, {"country": "de", "land": "by", "operator": "protestant"},
])
def test_no_reminder_where_no_deadline_is_known(client, answers):
    assert client.get(f"/en/next-steps/reminder.ics?{query(**answers)}").status_code == 404
    assert not check_page(client.get(f"/en/next-steps?{query(**answers)}")).select("form.reminder")


# --- a sheet never cites another place's law -----------------------------------------------

@pytest.fixture(scope="module")
def every_question_client(app_with):
    """A sheet with room for every question that applies, so that all of them are read."""
    return app_with(SHEET_MAX_QUESTIONS=1000).test_client()


def whole_sheet(client, country, **more) -> tuple[str, dict[str, str]]:
    """The visible text of a sheet that keeps every question (every answer "not sure",
    every worry), and each question's text by its id."""
    worries = "&".join(f"worry={worry}" for worry in WORRIES)
    page = check_page(client.get(f"/en/sheet?country={country}&{query(**more)}&exam=unsure&channel=unsure"
                                 f"&setting=unsure&{worries}"))
    for hidden in page.soup(["script", "style", "template"]):
        hidden.decompose()
    questions = {box["id"].removeprefix("q-"): words(question) for question in page.select(".question")
                 for box in question.select("input[id^=q-]")}
    assert len(questions) >= 30  # the whole bank for this place, not a short sheet
    return words(page.soup.body), questions


NOT_EU_LAW = re.compile(r"HIPAA|business associates?|\bOCR\b|Office for Civil Rights|45 CFR", re.IGNORECASE)
NOT_US_LAW = re.compile(r"GDPR|General Data Protection Regulation", re.IGNORECASE)


@pytest.mark.parametrize("country", EU)
def test_an_eu_sheet_never_cites_us_law(every_question_client, country):
    text, questions = whole_sheet(every_question_client, country)
    assert not NOT_EU_LAW.findall(text), [qid for qid, said in questions.items() if NOT_EU_LAW.search(said)]


@pytest.mark.parametrize("operator", ["private", "catholic", "unsure"])
def test_a_german_sheet_for_any_operator_never_cites_us_law(every_question_client, operator):
    text, questions = whole_sheet(every_question_client, "de", land="by", operator=operator)
    assert not NOT_EU_LAW.findall(text), [qid for qid, said in questions.items() if NOT_EU_LAW.search(said)]


def test_a_us_sheet_never_cites_the_gdpr(every_question_client):
    text, questions = whole_sheet(every_question_client, "us")
    assert not NOT_US_LAW.findall(text), [qid for qid, said in questions.items() if NOT_US_LAW.search(said)]


@pytest.mark.parametrize("country, more", [("gb", {}), ("ca", {}), ("ca", {"province": "on"})])
def test_uk_and_canadian_sheets_never_cite_hipaa(every_question_client, country, more):
    text, questions = whole_sheet(every_question_client, country, **more)
    assert not re.findall(r"HIPAA|business associates?|45 CFR", text, re.IGNORECASE), [
        qid for qid, said in questions.items() if "HIPAA" in said]


# --- old prepared links still open ---------------------------------------------------------

@pytest.mark.parametrize("url, heading", [
    ("/en/sheet?country=de", "Your rights in Germany"),
    ("/en/sheet?country=ca", "Your rights in Canada"),
    ("/en/sheet?country=uk", "Your rights in United Kingdom"),
    ("/en/sheet?country=UK&exam=mri", "Your rights in United Kingdom"),
    ("/en/sheet?country=USA", "Your rights in United States"),
    ("/en/sheet?country=usa&exam=ct&channel=portal", "Your rights in United States"),
    ("/en/sheet?country=es&exam=mri&channel=portal&setting=hospital&worry=internet", "Your rights in Spain"),
])
def test_old_sheet_links_open(client, url, heading):
    page = check_page(client.get(url))
    assert words(page.one("#rights-title")) == heading


def test_an_old_german_link_says_how_to_find_the_body(client):
    box = rights_box(client, country="de")
    assert "Choose the state where the clinic is" in box
    assert "Who runs the clinic decides who watches over it" in box


def test_an_old_canadian_link_asks_for_the_province_and_names_no_federal_body(client):
    box = rights_box(client, country="ca")
    assert "Choose your province or territory" in box
    assert "PIPEDA" in box and "do not cover the care given by public hospitals" in box


@pytest.mark.parametrize("country", ["uk", "UK", "gb"])
def test_the_uk_spellings_lead_to_the_ico(client, country):
    assert "Information Commissioner's Office" in rights_box(client, country=country)


def test_an_old_reminder_link_with_sent_still_works(client, on_2026_06_01):
    response = client.get("/en/next-steps/reminder.ics?country=us&sent=2026-11-02")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert "DTSTART;VALUE=DATE:20261203" in response.get_data(as_text=True)
    old = check_page(client.get("/en/next-steps?country=us&sent=2026-01-31"))
    assert "Under HIPAA: by March 2, 2026" in words(old.one("section.deadlines"))


def test_received_wins_over_an_old_sent(client, on_2026_06_01):
    page = check_page(client.get("/en/next-steps?country=us&sent=2026-01-01&received=2026-01-31"))
    assert "January 31, 2026" in words(page.one("section.deadlines"))
