"""Error pages: translated, in the site's layout, with the right status, never a trace."""

import pytest
from flask import abort

from conftest import check_page, fresh_app


@pytest.fixture(scope="module")
def failing_client():
    """An app with routes that fail on purpose, to reach the 400 and 500 pages: an app of
    its own, since it adds routes, which no app the other tests share may have."""
    app = fresh_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/<lang>/test-bad-request")
    def bad_request():
        abort(400)

    @app.get("/<lang>/test-crash")
    def crash():
        raise RuntimeError("secret internal detail")

    return app.test_client()


@pytest.mark.parametrize("lang, title", [("en", "Something went wrong on our side"),
                                         ("es", "Algo salió mal")])
def test_an_unexpected_error_gives_the_500_page(failing_client, lang, title):
    page = check_page(failing_client.get(f"/{lang}/test-crash"), status=500, lang=lang)
    assert title in page.one("h1").get_text()
    assert "secret internal detail" not in page.text
    assert "Traceback" not in page.text
    assert page.one("footer")


def test_bad_request_page(failing_client):
    page = check_page(failing_client.get("/en/test-bad-request"), status=400)
    assert "Something in the request was wrong" in page.one("h1").get_text()


def test_not_found_page_in_spanish(fetch):
    page = fetch("/es/no-existe", status=404, lang="es")
    assert page.one("main a[href='/es/']")
    assert "404" in page.words()


def test_wrong_method_on_a_page(fetch):
    page = fetch("/en/why", status=405, method="post")
    assert "GET" in page.headers["Allow"]
    assert "cannot be used that way" in page.one("h1").get_text()


def test_a_body_too_large_is_refused(fetch):
    page = fetch("/en/check/country", status=413, method="post", data={"country": "x" * 100_000})
    assert "Too much was sent" in page.one("h1").get_text()


def test_error_pages_are_not_cached(client):
    assert client.get("/en/nowhere").headers["Cache-Control"] == "no-store"
