"""Error pages: translated, in the site's layout, with the right status, never a trace."""

import pytest
from flask import abort

from askfirst.config import trusted_hosts
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


@pytest.fixture(scope="module")
def own_host_client(app_with):
    return app_with(PUBLIC_BASE_URL="https://askfirst.example",
                    TRUSTED_HOSTS=trusted_hosts("https://askfirst.example")).test_client()


@pytest.mark.parametrize("url", ["/es/sheet?country=es", "/es", "/es/nowhere", "/", "/es/why"])
def test_a_request_for_another_host_gets_the_400_page(own_host_client, url):
    """A forged Host never reaches a view, a redirect or a link; the page's own links
    are built for the site's host."""
    page = check_page(own_host_client.get(url, headers={"Host": "evil.example"}), status=400,
                      lang="es" if url.startswith("/es") else "en")
    assert page.headers["Cache-Control"] == "no-store"
    assert "evil.example" not in page.text
    if url.startswith("/es"):
        assert page.one("h1").get_text().strip() == "La solicitud tenía un error"


def test_the_sites_own_host_is_served_on_any_port(own_host_client):
    assert own_host_client.get("/en/why", headers={"Host": "askfirst.example"}).status_code == 200
    assert own_host_client.get("/en/why", headers={"Host": "askfirst.example:8443"}).status_code == 200


@pytest.mark.parametrize("address", ["askfirst.example", "https://askfirst.example/site", "ftp://askfirst.example"])
def test_a_public_address_that_is_not_one_stops_start_up(address):
    with pytest.raises(ValueError, match="ASKFIRST_PUBLIC_BASE_URL"):
        trusted_hosts(address)
