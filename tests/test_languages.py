"""The language comes from the URL; only `/` looks at the browser's preference."""

import pytest


@pytest.mark.parametrize("header, target", [
    ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
    ("es", "/es/"),
    ("en-GB,en;q=0.8", "/en/"),
    ("fr-FR,fr;q=0.9", "/fr/"),
    ("it-IT,it;q=0.9", "/en/"),  # not offered: English
    ("zh-CN,zh;q=0.9", "/zh-hans/"),
    ("zh-Hans", "/zh-hans/"),
    ("pt-BR", "/pt-br/"),
    ("pt", "/pt-br/"),
    ("ar-EG,ar;q=0.8", "/ar/"),
    ("vi-VN", "/vi/"),
    ("da, en;q=0.5", "/da/"),
    ("de;q=0.1, es;q=0.2", "/es/"),
    ("*", "/en/"),
    ("", "/en/"),
    ("x" * 5000, "/en/"),
    ("es;q=abc, ;;;,q=", "/en/"),
])
def test_root_redirects_by_accept_language(client, header, target):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"] == target
    assert response.headers["Vary"] == "Accept-Language"


def test_root_without_header_goes_to_english(client):
    assert client.get("/").headers["Location"] == "/en/"


@pytest.mark.parametrize("url", ["/it/", "/zh/", "/pt/", "/xx/why", "/EN/", "/e/check/country", "/es-MX/",
                                 "/../etc/passwd"])
def test_unknown_language_is_not_found(fetch, url):
    page = fetch(url, status=404)
    assert "Page not found" in page.words()


def test_not_found_page_follows_the_browser_language(fetch):
    page = fetch("/xx/why", status=404, lang="es", headers={"Accept-Language": "es"})
    assert "Página no encontrada" in page.words()


def test_language_without_slash_redirects(client):
    response = client.get("/es")
    assert response.status_code in (301, 308)
    assert response.headers["Location"].endswith("/es/")
