"""What is kept, and by whom: private by default, one prerendered store that requests never
fill, and a development config that renders the same pages from files read anew."""

import os
import re
import shutil
import time

import pytest

from app import create_app
from askfirst.config import DevelopmentConfig, TestConfig

# Every GET route, as a URL without a query string.
PLAIN_URLS = ["/en/", "/es/why", "/en/check/country", "/en/check/review", "/en/sheet", "/en/next-steps",
              "/en/poster", "/en/partners", "/healthz", "/static/style.css", "/kiosk/en/why"]
PUBLIC_WHEN_PLAIN = {"/en/", "/es/why", "/static/style.css"}


@pytest.mark.parametrize("url", PLAIN_URLS)
def test_only_what_a_view_marks_public_may_be_kept(client, url):
    cache = client.get(url).headers["Cache-Control"]
    if url in PUBLIC_WHEN_PLAIN:
        assert cache.startswith("public, max-age="), url
    else:
        assert cache == "no-store", url


@pytest.mark.parametrize("url", ["/en/?country=es", "/es/why?exam=mri", "/static/style.css?country=es",
                                 "/en/?utm_source=x"])
def test_a_query_string_makes_any_response_private(client, url):
    """A query string may hold answers: a shared cache must never key a copy on it."""
    assert client.get(url).headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/", "/en/check?country=es", "/en", "/en/check"])
def test_redirects_are_never_kept(client, url):
    response = client.get(url)
    assert 300 <= response.status_code < 400
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url, status", [("/en/nowhere", 404), ("/xx/", 404), ("/static/missing.css", 404)])
def test_error_pages_are_never_kept(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["Cache-Control"] == "no-store"


def test_a_304_for_a_static_file_keeps_its_cache(client):
    first = client.get("/static/style.css")
    again = client.get("/static/style.css", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.headers["Cache-Control"].startswith("public")


@pytest.mark.parametrize("url", [*PLAIN_URLS, "/en/sheet?country=us", "/en/check/exam?exam=ct", "/",
                                 "/en/nowhere", "/en/next-steps/reminder.ics?country=us&sent=2026-11-02",
                                 "/en/partners/qr.svg?link_lang=en&country=us", "/.well-known/security.txt"])
def test_head_is_answered_like_get(client, url):
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code
    assert head.data == b""
    for header in ("Content-Type", "Cache-Control", "Content-Length", "Location"):
        assert head.headers.get(header) == get.headers.get(header), header


# --- the prerendered store -------------------------------------------------------------

def test_requests_never_add_to_or_change_the_store(app, client):
    store = app.extensions["askfirst_prerendered"]
    before = dict(store._kept)
    for url in ["/en/sheet?country=de&exam=mri&also=ar", "/kiosk/fr/sheet", "/en/poster?langs=vi,ar",
                "/en/partners?link_lang=es&target=sheet&country=es", "/en/why", "/ar/", "/en/nowhere"]:
        client.get(url)
    client.get("/en/", environ_overrides={"SCRIPT_NAME": "/elsewhere"})
    assert store._kept == before


def test_a_request_header_cannot_change_what_the_next_visitor_sees(client):
    """The store's keys come from the app's own languages and modes, never a request: a
    script root sent by one client does not reach the footer that the next one gets."""
    client.get("/en/why", environ_overrides={"SCRIPT_NAME": "/elsewhere"})
    client.get("/en/why", headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
    page = client.get("/en/why").get_data(as_text=True)
    assert "/elsewhere" not in page and "evil.example" not in page


def test_a_prepared_links_qr_code_is_not_kept(app, client):
    url = "/en/partners?link_lang=es&target=sheet&country=es&exam=mri&setting=mobile"
    assert client.get(url).status_code == 200
    kept = "".join(str(part) for part in app.extensions["askfirst_prerendered"]._kept.values())
    assert "setting=mobile" not in kept and "exam=mri" not in kept


def test_fixed_qr_codes_point_to_the_configured_address_only(app_with):
    client = app_with(PUBLIC_BASE_URL="https://askfirst.example").test_client()
    page = client.get("/de/poster", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "https://askfirst.example/de/" in page and "evil.example" not in page


def test_a_kiosk_sheet_links_nowhere_else(client):
    """The sheet's parts are kept once per mode: the kiosk's have no links that leave the site."""
    kiosk = client.post("/kiosk/en/sheet", data={"country": "us", "worry": "rights"}).get_data(as_text=True)
    assert "ocrportal.hhs.gov" in kiosk
    assert not re.search(r'(href|action)="(https?:|mailto:|//)', kiosk)


# --- development mode ------------------------------------------------------------------

def _development(**settings):
    config = DevelopmentConfig()
    config.LANGUAGES = TestConfig().LANGUAGES
    config.RATELIMIT_ENABLED = False
    for key, value in settings.items():
        setattr(config, key, value)
    return create_app(config)


def test_development_keeps_nothing_and_shows_the_same_pages(client):
    development = _development()
    assert len(development.extensions["askfirst_prerendered"]) == 0
    for url in ["/en/", "/ar/help", "/kiosk/es/why", "/en/sheet?country=us&also=vi&worry=breach",
                "/de/poster?langs=de,ar", "/fr/check/country", "/en/nowhere"]:
        assert development.test_client().get(url).data == client.get(url).data, url


def test_development_reads_an_edited_content_file_at_once(tmp_path, app):
    content = tmp_path / "content"
    shutil.copytree(app.config["CONTENT_DIR"], content)
    client = _development(CONTENT_DIR=content).test_client()
    assert "<h1>Why this matters" in client.get("/en/why").get_data(as_text=True)
    page = content / "en" / "why.md"
    page.write_text(page.read_text(encoding="utf-8").replace("# Why", "# Edited: why", 1), encoding="utf-8")
    later = time.time() + 5
    os.utime(page, (later, later))  # a clear change, whatever the file system's time resolution
    assert "<h1>Edited: why" in client.get("/en/why").get_data(as_text=True)
