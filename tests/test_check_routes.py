"""The check below the national level: the United States asks the State, Canada the
province or territory, Germany the Land and who runs the clinic; every other country's
check stays as short as before. Walked as a patient would, step by step, without JavaScript."""

from urllib.parse import parse_qs, urlsplit

import pytest

from askfirst.places import PLACES
from conftest import check_page
from walk import answer_step

PROVINCES = list(PLACES.subdivisions["province"].codes)  # "unsure" last
LANDS = list(PLACES.subdivisions["land"].codes)
OPERATORS = list(PLACES.subdivisions["operator"].codes)
REST = {"person": ["self"], "exam": ["mri"], "channel": ["portal"], "setting": ["hospital"], "worry": ["rights"]}


def walk_through(client, answers):
    """From the first step to the review: each step's name and "Step N of M", and the review."""
    page = check_page(client.get("/en/check/person"))
    seen = []
    while page.select("form.step-form"):
        name = urlsplit(page.one("form.step-form")["action"]).path.rsplit("/", 1)[-1]
        seen.append((name, page.one(".step-count").get_text()))
        response = answer_step(client, page, "en", answers)
        assert response.status_code == 303
        page = check_page(client.get(response.headers["Location"]))
    seen.append(("review", page.one(".step-count").get_text()))
    return seen, page


def counted(names):
    """The counts a patient sees: before a country is chosen, the first two steps count the
    short check (7 steps); from then on, the steps that apply to the country."""
    names = ["person", *names]
    return [("person", "Step 1 of 7"), ("country", "Step 2 of 7"),
            *((name, f"Step {n} of {len(names)}") for n, name in enumerate(names, 1) if n > 2)]


def reviewed(review):
    """The answers the review lists after the first one (who the scan is for)."""
    return [" ".join(dd.get_text(" ").split()) for dd in review.select(".answer dd:not(.change)")][1:]


@pytest.mark.parametrize("province", PROVINCES)
def test_the_canadian_route_for_every_province_and_territory(client, province):
    seen, review = walk_through(client, {"country": ["ca"], "province": [province], **REST})
    assert seen == counted(["country", "province", "exam", "channel", "setting", "worry", "review"])
    answers = reviewed(review)
    assert answers[0] == "Canada" and len(answers) == 6
    sheet = check_page(client.get(review.one("form.make-sheet")["action"],
                                  query_string=[("country", "ca"), ("province", province), ("exam", "mri")]))
    title = sheet.one("#rights-title").get_text()
    assert title == ("Your rights in Canada" if province == "unsure" else f"Your rights in {answers[1]}")


@pytest.mark.parametrize("land", LANDS)
def test_the_german_route_for_every_land(client, land):
    seen, review = walk_through(client, {"country": ["de"], "land": [land], "operator": ["unsure"], **REST})
    assert seen == counted(["country", "land", "operator", "exam", "channel", "setting", "worry", "review"])
    answers = reviewed(review)
    assert answers[0] == "Germany" and len(answers) == 7
    assert answers[2] == "I'm not sure"


@pytest.mark.parametrize("operator", OPERATORS)
def test_the_german_route_for_every_operator(client, operator):
    seen, review = walk_through(client, {"country": ["de"], "land": ["by"], "operator": [operator], **REST})
    assert [name for name, _count in seen] == ["person", "country", "land", "operator", "exam", "channel", "setting",
                                               "worry", "review"]
    make_sheet = review.one("form.make-sheet")
    sheet = check_page(client.get(make_sheet["action"], query_string=[
        (tag["name"], tag["value"]) for tag in make_sheet.select("input[type=hidden]")]))
    assert sheet.one("#rights-title").get_text() == "Your rights in Bavaria"
    assert sheet.select("section.rights li.authority")


@pytest.mark.parametrize("country", ["es", "gb", "fr", "other", "unsure"])
def test_every_other_country_keeps_the_short_check(client, country):
    seen, review = walk_through(client, {"country": [country], **REST})
    assert seen == counted(["country", "exam", "channel", "setting", "worry", "review"])
    assert len(reviewed(review)) == 5


@pytest.mark.parametrize("state, rule", [("tx", "15 business days"), ("ca", "15 days"), ("ny", "75 cents"),
                                         ("al", None), ("unsure", None)])
def test_the_us_route_asks_the_state_and_shows_its_own_rule(client, state, rule):
    seen, review = walk_through(client, {"country": ["us"], "state": [state], **REST})
    assert seen == counted(["country", "state", "exam", "channel", "setting", "worry", "review"])
    make_sheet = review.one("form.make-sheet")
    query = [(tag["name"], tag["value"]) for tag in make_sheet.select("input[type=hidden]")]
    assert ("state", state) in query
    sheet = check_page(client.get(make_sheet["action"], query_string=query))
    box = sheet.one("section.rights").get_text(" ")
    guide = sheet.one("section.guide").get_text(" ")
    if rule:
        assert rule in box and "Local law may give you more" not in guide
    else:
        # A State with no rule of its own: the federal box, and one plain line on local law.
        assert "Texas" not in box and "California" not in box
        assert "Local law may give you more" in guide


@pytest.mark.parametrize("url, goes_to", [
    ("/en/check/province?country=es&exam=mri", "/en/check/exam"),
    ("/en/check/province?country=de", "/en/check/land"),
    ("/en/check/land?country=ca&province=on", "/en/check/exam"),
    ("/en/check/operator?country=ca&province=on", "/en/check/exam"),
    ("/en/check/land?country=us", "/en/check/exam"),
    ("/en/check/province", "/en/check/exam"),  # no country yet: neither a province nor a Land is asked
])
def test_a_step_that_does_not_apply_sends_on_to_the_next_one(client, url, goes_to):
    response = client.get(url)
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == goes_to
    assert "province" not in parse_qs(urlsplit(response.headers["Location"]).query) or "country=ca" in url


@pytest.mark.parametrize("country, after", [("ca", "province"), ("de", "land"), ("us", "state"), ("es", "exam"),
                                            ("unsure", "exam")])
def test_the_country_leads_to_its_own_next_step(client, country, after):
    response = client.post("/en/check/country", data={"country": country})
    assert urlsplit(response.headers["Location"]).path == f"/en/check/{after}"


@pytest.mark.parametrize("query, back", [
    ("country=ca&province=on", "/en/check/province"), ("country=de&land=by&operator=public", "/en/check/operator"),
    ("country=es", "/en/check/country"),
])
def test_back_from_the_kind_of_scan_goes_to_the_last_step_that_applies(fetch, query, back):
    assert urlsplit(fetch(f"/en/check/exam?{query}").one("a.back")["href"]).path == back


@pytest.mark.parametrize("step, query, count", [
    ("province", "country=ca", "Step 3 of 8"), ("exam", "country=ca&province=nu", "Step 4 of 8"),
    ("land", "country=de", "Step 3 of 9"), ("operator", "country=de&land=hh", "Step 4 of 9"),
    ("worry", "country=de&land=hh&operator=catholic", "Step 8 of 9"), ("worry", "country=fr", "Step 6 of 7"),
    ("state", "country=us", "Step 3 of 8"), ("person", "", "Step 1 of 7"),
])
def test_step_n_of_m_counts_the_steps_that_apply(fetch, step, query, count):
    assert fetch(f"/en/check/{step}?{query}").one(".step-count").get_text() == count


ALL = "exam=mri&channel=portal&setting=hospital&worry=rights"


def test_changing_the_country_to_canada_from_the_review_asks_the_province_then_returns(client):
    response = client.post("/en/check/country?then=review", data={"country": "ca", "exam": "mri", "channel": "portal",
                                                                   "setting": "hospital", "worry": "rights",
                                                                   "then": "review"})
    location = urlsplit(response.headers["Location"])
    assert location.path == "/en/check/province" and parse_qs(location.query)["then"] == ["review"]
    province = check_page(client.get(response.headers["Location"]))
    assert province.one("form.step-form input[name=then]")["value"] == "review"
    back = client.post("/en/check/province", data={"country": "ca", "province": "qc", "exam": "mri",
                                                   "channel": "portal", "setting": "hospital", "worry": "rights",
                                                   "then": "review"})
    assert urlsplit(back.headers["Location"]).path == "/en/check/review"
    review = check_page(client.get(back.headers["Location"]))
    assert reviewed(review)[:2] == ["Canada", "Quebec"]


def test_changing_the_country_to_germany_from_the_review_asks_the_land_and_the_operator(client):
    answers = {"exam": "mri", "channel": "portal", "setting": "hospital", "worry": "rights", "then": "review"}
    land = client.post("/en/check/country", data={"country": "de", **answers})
    assert urlsplit(land.headers["Location"]).path == "/en/check/land"
    operator = client.post("/en/check/land", data={"country": "de", "land": "sn", **answers})
    assert urlsplit(operator.headers["Location"]).path == "/en/check/operator"
    review = client.post("/en/check/operator", data={"country": "de", "land": "sn", "operator": "private", **answers})
    assert urlsplit(review.headers["Location"]).path == "/en/check/review"


def test_changing_the_country_away_from_canada_drops_the_province(client, fetch):
    response = client.post("/en/check/country", data={"country": "es", "province": "on", "exam": "mri",
                                                      "channel": "portal", "setting": "hospital", "worry": "rights",
                                                      "then": "review"})
    location = urlsplit(response.headers["Location"])
    assert location.path == "/en/check/review" and "province" not in parse_qs(location.query)
    review = fetch(response.headers["Location"])
    assert len(reviewed(review)) == 5 and review.one(".step-count").get_text() == "Step 7 of 7"


def test_the_review_lists_only_the_steps_that_apply(fetch):
    canada = fetch(f"/en/check/review?country=ca&province=yt&{ALL}")
    assert reviewed(canada)[:2] == ["Canada", "Yukon"]
    germany = fetch(f"/en/check/review?country=de&land=unsure&operator=unsure&{ALL}")
    assert reviewed(germany)[:3] == ["Germany", "I'm not sure", "I'm not sure"]
    spain = fetch(f"/en/check/review?country=es&province=on&land=by&{ALL}")
    assert len(reviewed(spain)) == 5
    assert not [a for a in spain.select(".change a") if "/check/province" in a["href"] or "/check/land" in a["href"]]


# --- the clinic's language: offered from the place ------------------------------------------

@pytest.mark.parametrize("url, chosen", [
    ("/en/check/review?country=fr&exam=mri", "fr"),          # France: French
    ("/en/check/review?country=ca&province=qc", "fr"),        # Quebec: French, not Canada's English
    ("/en/check/review?country=de", "de"),                    # Germany: German
    ("/en/check/review?country=us", None),                    # the page's own language: nothing to add
    ("/fr/check/review?country=fr", None),
    ("/en/check/review?country=pl", None),                    # no language AskFirst ships for it
    ("/en/check/review?country=de&also=es", "es"),            # the patient's own choice wins
])
def test_the_review_offers_the_main_language_where_the_clinic_is(client, url, chosen):
    # Offered first in the list, not chosen: whether the sheet has two languages stays
    # the patient's decision (a choice they made themselves stays chosen).
    page = check_page(client.get(url), lang=url.split("/")[1])
    options = [option["value"] for option in page.select("select#also option")]
    selected = [option["value"] for option in page.select("select#also option[selected]")]
    suggested = chosen and "also=" not in url
    if suggested:
        assert options[1] == chosen and selected == []
    else:
        assert selected == ([chosen] if chosen else [])
    hint = page.one("#also-hint").get_text()
    assert ("The main language where the clinic is comes first in the list" in hint) == bool(suggested)


def test_with_two_languages_the_next_steps_page_says_which_letter_to_send(client):
    page = check_page(client.get("/en/next-steps?country=fr&exam=mri&also=fr"))
    letters = page.select("section.letter")
    assert [letter["lang"] for letter in letters] == ["en", "fr"]
    assert letters[0].select_one(".letter-role").get_text() == "Your own copy, to read"
    assert letters[1].select_one(".letter-role").get_text() == "The letter to send to the clinic"
    one = check_page(client.get("/en/next-steps?country=fr&exam=mri"))
    assert not one.select(".letter-role")
