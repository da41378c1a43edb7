"""The staff page for a waiting-room tablet (issue 15, item 6): a GET form that makes the
kiosk link with the clinic's place and language, shown as a link and as a QR code; the
link opens the kiosk with that place chosen; the page says what the tablet keeps and how
to lock the browser, is linked from the clinic pages, and is rate limited."""

import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict

from askfirst.qr import qr_svg
from conftest import check_page, fresh_app
from walk import form_fields

PUBLIC = "https://askfirst.example"
GERMAN_CLINIC = "country=de&land=by&operator=public&tablet_lang=de"


@pytest.fixture()
def public_client(app_with):
    return app_with(PUBLIC_BASE_URL=PUBLIC).test_client()


def test_the_page_is_the_same_for_everyone_until_the_form_is_sent(public_client):
    plain = public_client.get("/en/tablet")
    page = check_page(plain)
    assert plain.headers["Cache-Control"].startswith("public, max-age=")
    form = page.one("section.tablet-form form")
    assert form["method"] == "get" and form["action"] == "/en/tablet"
    assert page.one("#tablet_lang option[selected]")["value"] == "en"  # the page's language to start
    assert page.one("select#country")
    assert not page.select("#land") and not page.select(".prepared")
    sent = public_client.get("/en/tablet?country=fr&tablet_lang=fr")
    assert sent.headers["Cache-Control"] == "no-store"


def test_the_form_asks_the_land_and_operator_where_the_check_does(public_client):
    page = check_page(public_client.get("/en/tablet?country=de&tablet_lang=de"))
    assert [select["name"] for select in page.select("section.tablet-form select")] == [
        "tablet_lang", "country", "land", "operator"]
    assert page.one("#tablet_lang option[selected]")["value"] == "de"
    canada = check_page(public_client.get("/en/tablet?country=ca"))
    assert canada.select("#province") and not canada.select("#land")


def test_the_link_and_its_code_open_the_kiosk_with_the_place_and_language(public_client, app_with):
    page = check_page(public_client.get(f"/en/tablet?{GERMAN_CLINIC}"))
    link = page.one(".prepared .url a")["href"]
    assert link == f"{PUBLIC}/kiosk/de/check?country=de&land=by&operator=public"
    with app_with(PUBLIC_BASE_URL=PUBLIC).test_request_context("/"):
        expected = BeautifulSoup(str(qr_svg(link)), "html.parser").select_one("svg")
    assert str(page.one(".prepared svg.qr")) == str(expected)  # the code is exactly that link


def test_the_link_opens_the_kiosk_with_the_country_chosen(public_client):
    page = check_page(public_client.get(f"/en/tablet?{GERMAN_CLINIC}"))
    path = page.one(".prepared .url a")["href"].removeprefix(PUBLIC)
    first = public_client.get(path)
    assert first.status_code == 302
    # The check asks who the scan is for first; the country comes with the posted answers.
    person = check_page(public_client.get(first.headers["Location"]), lang="de")
    fields = [field for field in form_fields(person, "form.step-form") if field[0] != "person"]
    step = check_page(public_client.post(person.one("form.step-form")["action"],
                                         data=MultiDict([*fields, ("person", "self")])), lang="de")
    assert step.one("#country option[selected]")["value"] == "de"
    assert step.one("a.finish")  # kiosk mode: Finish and clear, the idle reset
    # The patient goes on: the Land the clinic chose comes with the posted answers.
    form = step.one("form.step-form")
    assert form["method"] == "post"
    land = check_page(public_client.post(form["action"], data=MultiDict(form_fields(step, "form.step-form"))),
                      lang="de")
    assert land.one("#land option[selected]")["value"] == "by"


def test_on_a_copy_that_is_all_kiosk_the_link_has_no_kiosk_prefix(app_with):
    client = app_with(PUBLIC_BASE_URL=PUBLIC, KIOSK=True).test_client()
    page = check_page(client.get("/en/tablet?country=us&tablet_lang=es"))
    assert page.one(".prepared .url a")["href"] == f"{PUBLIC}/es/check?country=us"


def test_values_the_check_does_not_know_are_left_out(public_client):
    page = check_page(public_client.get("/en/tablet?country=zz&land=by&tablet_lang=xx&note=<b>"))
    assert page.one(".prepared .url a")["href"] == f"{PUBLIC}/kiosk/en/check"
    assert "<b>" not in page.text


def test_the_page_says_what_the_tablet_keeps_and_how_to_lock_it(public_client):
    words = " ".join(check_page(public_client.get("/en/tablet")).words().split())
    for said in ["Finish and clear", "Are you still there?", "No cookies", "nothing saved in the browser",
                 "No answer is ever in a web address", "scans it with their own phone",
                 "screen pinning or guided access", "tablet maker's help",
                 "each patient picks the country"]:
        assert said in words, said


@pytest.mark.parametrize("url", ["/en/for-clinics", "/en/poster", "/en/partners"])
def test_the_clinic_pages_link_to_it(client, url):
    page = check_page(client.get(url))
    # for-clinics.md links relatively ("tablet"), as to its other pages.
    assert {a["href"] for a in page.select("main a")} & {"/en/tablet", "tablet"}, url
    assert page.select('footer a[href="/en/tablet"]')


def test_it_warns_when_the_tablet_and_phones_could_not_open_the_link(client, public_client):
    local = check_page(client.get("/en/tablet?country=us"))  # no public address: 127.0.0.1
    assert "Only this computer can open that address" in local.one(".prepared .warning").get_text()
    assert not check_page(public_client.get("/en/tablet?country=us")).select(".warning")


def test_the_page_is_rate_limited_like_the_partners_page():
    client = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_PARTNERS="2 per minute").test_client()
    assert [client.get("/en/tablet?country=us").status_code for _ in range(3)] == [200, 200, 429]
