"""Rate limits on the routes that cost work, with a translated 429 page."""

import pytest

from conftest import check_page, fresh_app


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
