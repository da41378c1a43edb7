"""Shared fixtures, and the one helper that fetches a page and checks what every page
must have: HTML without a parse error, valid URLs, the right status, `<html lang dir>`,
a title, a description and the page's language versions, unique ids, no cookie.

Apps are costly to build (the content is read and rendered, every sheet part rendered),
so a test session builds each configuration once: `app_with(**settings)` returns the same
app for the same settings, and every app shares one loaded content Library. A test that
needs an app of its own (rate-limit counters, routes added) calls `fresh_app(**settings)`.
"""

import functools
import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from html5lib.constants import E as HTML_ERRORS

import app as app_module
from askfirst.config import ROOT, SHIPPED_LANGUAGES, TestConfig
from askfirst.content import Library
from askfirst.i18n import direction as direction_of
from askfirst.i18n import tag

LANGUAGES = list(SHIPPED_LANGUAGES)


# --- before the session: the translation catalogs ------------------------------------------

def compile_catalogs(translations: Path = ROOT / "translations") -> list[Path]:
    """Compile each .po whose .mo is missing or older, as `pybabel compile` would (fuzzy
    entries left out); return the .mo files written. Each is written whole, then renamed,
    so a process reading it never sees half a file."""
    written = []
    for po in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        partial = mo.with_name(f".partial-{os.getpid()}.mo")  # ignored by git, as *.mo
        with partial.open("wb") as target:
            write_mo(target, catalog, use_fuzzy=False)
        partial.replace(mo)
        written.append(mo)
    return written


def pytest_configure(config):
    # So that a bare `pytest` works on a fresh clone, without `make compile` first. Under
    # pytest-xdist only the controller does it, before it starts the workers.
    if not hasattr(config, "workerinput"):
        compile_catalogs()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # Whatever drives Chromium is a browser test, marked or not, so that
    # `pytest -m "not browser"` never starts it.
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


# --- apps ----------------------------------------------------------------------------------

@functools.cache
def _library(content_dir: Path, languages: tuple[str, ...]) -> Library:
    return Library(content_dir, list(languages))


def shared_library(content_dir, languages) -> Library:
    """The content, read once per session (per worker under xdist) for all the apps that
    ask for the same folder and languages. A Library is never changed once loaded."""
    return _library(Path(content_dir), tuple(languages))


def fresh_app(**settings):
    """A new app: TestConfig with `settings` set on it; the content is the shared Library."""
    config = TestConfig()
    for key, value in settings.items():
        setattr(config, key, value)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_module, "Library", shared_library)  # what create_app loads content with
        return app_module.create_app(config)


@pytest.fixture(scope="session")
def app_with():
    """app_with(**settings) -> the session's app for those settings, built on first use.
    Tests share it: one that changes an app must use fresh_app instead."""
    apps = {}

    def _app_with(**settings):
        key = tuple(sorted((name, repr(value)) for name, value in settings.items()))
        if key not in apps:
            apps[key] = fresh_app(**settings)
        return apps[key]

    return _app_with


@pytest.fixture(scope="session")
def app(app_with):
    return app_with()


@pytest.fixture()
def client(app):
    return app.test_client()


# --- pages ---------------------------------------------------------------------------------

class Page:
    """A fetched page: the response and its parsed HTML."""

    def __init__(self, response):
        self.response = response
        self.status = response.status_code
        self.headers = response.headers
        self.text = response.get_data(as_text=True)
        self.soup = BeautifulSoup(self.text, "html.parser")

    def select(self, css):
        return self.soup.select(css)

    def one(self, css):
        found = self.soup.select(css)
        assert len(found) == 1, f"expected one {css!r}, found {len(found)}"
        return found[0]

    def words(self, css="main"):
        return " ".join(self.one(css).get_text(" ").split())


def html_parse_errors(text: str) -> list[str]:
    """Every parse error a browser's HTML parser (html5lib follows the WHATWG spec) meets
    in `text`, as "line L, column C: message"."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
    parser.parse(text)
    return [f"line {line}, column {column}: {HTML_ERRORS.get(code, code) % (data or {})}"
            for (line, column), code, data in parser.errors]


# Attributes whose value is a URL. A valid URL holds no space or control character (it
# may be surrounded by spaces): the Nu HTML checker refuses one that does, while a
# browser's parser (html5lib) reads it without a word.
URL_ATTRIBUTES = ("href", "src", "action", "formaction")
NOT_IN_A_URL = re.compile(r"[\x00-\x20\x7f]")


def invalid_urls(page: Page) -> list[str]:
    """Every URL attribute of the page that is not a valid URL string."""
    return [f"<{tag.name} {attribute}={tag[attribute][:80]!r}>" for attribute in URL_ATTRIBUTES
            for tag in page.soup.find_all(attrs={attribute: True})
            if NOT_IN_A_URL.search(tag[attribute].strip(" \t\n\f\r"))]


def check_head_for_search_engines(page: Page) -> None:
    """A description, and the page's versions: an absolute address for each language of
    its switcher, leading where the switcher does, and x-default (indexing.py); none on a
    shared screen (kiosk), whose pages are never in search results."""
    assert page.one('meta[name="description"]')["content"].strip()
    versions = {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}
    if "kiosk" in page.one("body").get("class", []):
        assert not versions
        return
    assert "x-default" in versions
    for href in versions.values():
        parts = urlsplit(href)
        assert parts.scheme in ("http", "https") and parts.netloc, href
    switcher = {item.get("href") or item["formaction"] for item in page.select("nav.languages [lang]")}
    relative = {href.split(urlsplit(href).netloc, 1)[1] for lang, href in versions.items() if lang != "x-default"}
    assert relative == switcher, (relative, switcher)


def check_page(response, status=200, lang="en") -> Page:
    """`lang` is the language code of the URL (`zh-hans`); the page must be marked with
    its tag (`zh-Hans`) and its script's direction."""
    page = Page(response)
    assert page.status == status, page.text[:500]
    errors = html_parse_errors(page.text)
    if errors:
        raise AssertionError(f"HTML parse errors in {response.request.path}:\n" + "\n".join(errors))
    assert "Set-Cookie" not in page.headers
    html = page.one("html")
    assert html.get("lang") == tag(lang)
    assert html.get("dir") == direction_of(lang)
    assert page.one("title").get_text().strip()
    assert page.one("main#main")
    assert page.one("a.skip-link")["href"] == "#main"
    ids = Counter(tag["id"] for tag in page.soup.find_all(id=True))
    assert not [i for i, n in ids.items() if n > 1], f"duplicate ids: {ids}"
    # Every language of the switcher is offered, each link in its own language (a button
    # that posts the answers, on a page whose answers were posted).
    assert page.select("nav.languages a[hreflang], nav.languages button[lang][formaction]")
    assert not invalid_urls(page), invalid_urls(page)
    check_head_for_search_engines(page)
    return page


@pytest.fixture()
def fetch(client):
    """fetch(url, status=200, lang="en", method="get", **kwargs) -> Page, checked."""

    def _fetch(url, status=200, lang="en", method="get", **kwargs):
        response = getattr(client, method)(url, **kwargs)
        return check_page(response, status=status, lang=lang)

    return _fetch


# The browser tests' fixtures (the live site, Chromium), registered once for the session.
pytest_plugins = ["browser"]
