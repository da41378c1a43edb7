"""Rate limits on the routes that cost work, with a translated 429 page."""

import time

import pytest

from conftest import check_page, fresh_app
from servers import free_port


@pytest.fixture()
def limited_client():
    # A new app for each test, not the session's shared one: each test counts requests
    # against the limit from zero.
    return fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_SHEET="3 per minute",
                     RATELIMIT_FORM_POSTS="2 per minute").test_client()


def test_the_sheet_is_limited_with_a_translated_page_and_retry_after(limited_client):
    for _ in range(3):
        assert limited_client.get("/es/sheet?country=es").status_code == 200
    page = check_page(limited_client.get("/es/sheet?country=es"), status=429, lang="es")
    assert int(page.headers["Retry-After"]) > 0
    assert page.one("h1").get_text().strip() == "Demasiadas solicitudes"
    assert page.headers["Cache-Control"] == "no-store"


def test_posting_steps_is_limited_but_reading_them_is_not(limited_client):
    for _ in range(2):
        assert limited_client.post("/en/check/country", data={"country": "us"}).status_code == 303
    assert limited_client.post("/en/check/country", data={"country": "us"}).status_code == 429
    for _ in range(5):
        assert limited_client.get("/en/check/exam?country=us").status_code == 200
    assert limited_client.get("/en/why").status_code == 200


def test_other_apps_in_the_same_process_keep_their_own_limits(limited_client, client):
    for _ in range(4):
        limited_client.get("/en/sheet")
    assert limited_client.get("/en/sheet").status_code == 429
    assert client.get("/en/sheet").status_code == 200  # the unlimited test app is untouched


def test_successful_answers_carry_no_rate_limit_headers(limited_client):
    response = limited_client.get("/en/sheet?country=es")
    assert response.status_code == 200
    assert not [name for name in response.headers.keys() if name.lower().startswith("x-ratelimit")]


def test_the_partners_page_and_its_qr_codes_are_limited():
    client = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_PARTNERS="2 per minute").test_client()
    query = "link_lang=es&target=sheet&country=es&exam=mri"
    assert [client.get("/en/partners").status_code for _ in range(3)] == [200, 200, 429]
    # Both kinds of download count as one route.
    downloads = [f"/en/partners/qr.png?{query}", f"/en/partners/qr.svg?{query}", f"/en/partners/qr.png?{query}"]
    assert [client.get(url).status_code for url in downloads] == [200, 200, 429]


def test_without_its_store_the_limiter_counts_in_memory_and_pages_keep_working(caplog):
    client = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_SHEET="3 per minute",
                       RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}").test_client()  # nothing listens
    sheet = "/en/sheet?country=es&exam=mri&channel=portal&setting=hospital&worry=research"
    assert [client.get(sheet).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert client.post("/en/check/country", data={"country": "es"}).status_code == 303
    assert client.get("/en/why").status_code == 200
    assert "falling back to in-memory storage" in caplog.text
    for answer in ["country=", "research", "hospital", "?"]:
        assert answer not in caplog.text


def test_reading_pages_and_steps_never_waits_on_the_limiters_store(monkeypatch):
    """Only what is limited asks the store: with it gone, a page or a step read does not
    try to reach it (Flask-Limiter probes a lost store from any request it sees)."""
    app = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}")
    client = app.test_client()
    assert client.get("/en/sheet?country=es").status_code == 200  # finds the store gone
    store = app.extensions["askfirst_limiter"].storage
    probes = []
    monkeypatch.setattr(store, "check", lambda: probes.append(1) or False)
    time.sleep(2.1)  # Flask-Limiter probes a lost store again after 1, 2, 4... seconds
    for url in ["/en/", "/en/why", "/en/check/exam?country=us", "/en/check/review?country=us",
                "/en/next-steps?country=us", "/static/style.css"]:
        assert client.get(url).status_code == 200
    assert probes == []
    client.get("/en/sheet?country=es")  # the sheet is limited: it still looks for the store
    assert probes
