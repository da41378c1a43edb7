"""The language comes from the URL; only `/` looks at the browser's preference."""

import pytest
from flask import request, url_for

from askfirst import i18n, mode


@pytest.mark.parametrize("header, target", [
    ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
    ("es", "/es/"),
    ("en-GB,en;q=0.8", "/en/"),
    ("fr-FR,fr;q=0.9", "/fr/"),
    ("el-GR,el;q=0.9", "/en/"),  # not offered: English
    ("it-IT,it;q=0.9", "/it/"),
    ("fil-PH,fil;q=0.9", "/tl/"),  # Filipino, as browsers in the Philippines say: the Tagalog pages
    ("tl", "/tl/"),
    ("uk-UA, ru;q=0.5", "/uk/"),
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


@pytest.mark.parametrize("url", ["/el/", "/fil/", "/zh/", "/pt/", "/xx/why", "/EN/", "/e/check/country", "/es-MX/",
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


@pytest.mark.parametrize("url", ["/es/check/exam?country=us&channel=disc&channel=portal", "/es/check/review",
                                 "/kiosk/es/sheet?country=fr&also=de&more=1", "/es/check/n%20pe?country=us",
                                 "/es/%C3%A9t%C3%A9?country=us", "/es/next-steps?country=gb&want=dicom&by=disc"])
def test_language_links_lead_where_url_for_would(app, url):
    """What the switcher puts after /<lang>/ is this page's own address, with its query,
    as url_for writes it (i18n.link_rest builds it from the path where that is plain)."""
    kiosk, path = url.startswith(mode.PREFIX), url.removeprefix(mode.PREFIX)
    with app.test_request_context(path, base_url="http://localhost" + (mode.PREFIX if kiosk else ""),
                                  environ_overrides={mode.ENVIRON_KEY: True} if kiosk else {}):
        app.preprocess_request()
        query = {name: request.args.getlist(name) for name in request.args}
        expected = url_for(request.endpoint, **request.view_args, **query, lang="es")
        assert i18n.link_rest(query) == expected.removeprefix(f"{request.script_root}/es/")
