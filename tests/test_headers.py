"""Every response (pages, errors, redirects, static files) carries the security headers."""

import re

import pytest

from askfirst.content import PAGES
from conftest import LANGUAGES

EVERY_KIND = ["/", "/en/", "/es/why", "/en/check/country", "/en/check/review?country=us",
              "/en/sheet?country=us", "/en/nowhere", "/xx/", "/healthz",
              "/static/style.css", "/static/print.js", "/static/missing.css"]


def assert_security_headers(headers):
    csp = headers["Content-Security-Policy"]
    for directive in ["default-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
                      "base-uri 'none'", "object-src 'none'", "script-src 'self'", "style-src 'self'"]:
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert f"{feature}=()" in headers["Permissions-Policy"]
    assert "Set-Cookie" not in headers


@pytest.mark.parametrize("url", EVERY_KIND)
def test_security_headers_on_every_kind_of_response(client, url):
    response = client.get(url)
    assert_security_headers(response.headers)
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP: HSTS means nothing


@pytest.mark.parametrize("method, url, data", [("post", "/en/why", None), ("post", "/en/check/exam", {}),
                                               ("put", "/en/sheet", None)])
def test_security_headers_on_error_statuses(client, method, url, data):
    assert_security_headers(getattr(client, method)(url, data=data).headers)


def test_hsts_over_https(client):
    response = client.get("/en/", base_url="https://askfirst.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_hsts_behind_a_trusted_proxy(app_with):
    client = app_with(PROXY_COUNT=1).test_client()
    response = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" in response.headers


def test_forwarded_headers_are_ignored_without_a_proxy(client):
    response = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


def test_static_files_are_versioned_and_cached_long(client, fetch):
    page = fetch("/en/")
    href = page.one("link[rel=stylesheet]")["href"]
    assert re.fullmatch(r"/static/style\.css\?v=[0-9a-f]{10}", href)
    response = client.get(href)
    assert "max-age=31536000" in response.headers["Cache-Control"]


def test_content_pages_are_cacheable_and_answers_are_not(client):
    assert client.get("/en/why").headers["Cache-Control"] == "public, max-age=3600"
    assert client.get("/en/sheet?country=es").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_loads_anything_from_another_host(fetch, lang):
    urls = [f"/{lang}/", *[f"/{lang}/{p}" for p in PAGES if p != "home"], f"/{lang}/check/country",
            f"/{lang}/check/review?country=us", f"/{lang}/sheet?country=us&channel=portal"]
    for url in urls:
        page = fetch(url, lang=lang)
        for tag, attribute in [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("form", "action"), ("source", "src"), ("object", "data")]:
            for element in page.soup.find_all(tag):
                if "alternate" in element.get("rel", []):
                    continue  # the page's language versions: named for search engines, never loaded
                value = element.get(attribute, "")
                assert not re.match(r"(https?:)?//", value), f"{url}: {tag} {value}"
        assert "<style" not in page.text and " style=" not in page.text  # CSP forbids inline styles
        assert not [s for s in page.soup.find_all("script") if not s.get("src")]  # no inline script


def test_stylesheet_loads_nothing_from_elsewhere(client):
    css = client.get("/static/style.css").get_data(as_text=True)
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
