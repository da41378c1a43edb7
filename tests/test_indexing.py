"""What search engines are told (askfirst/indexing.py): each page's language versions and
description, robots.txt, the sitemap, and noindex on everything that shows answers."""

import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import pytest

from askfirst.content_layout import PAGES
from askfirst.i18n import tag
from askfirst.indexing import hreflang
from conftest import LANGUAGES, Page, check_page

BASE = "https://askfirst.example"
# The pages a search engine should find, written out here rather than taken from the
# code, so that a page dropped from (or added to) the sitemap by mistake shows: every
# content page, the check's first step, the poster and the partners page.
CONTENT_PATHS = ["", *(name for name in PAGES if name != "home")]
PUBLIC_PATHS = [*CONTENT_PATHS, "check/person", "poster", "partners"]
SAMPLE_LANGUAGES = ["en", "de", "pt-br", "zh-hans", "ar"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ANSWERS = "country=de&exam=mri&channel=portal&setting=hospital&worry=internet"
# Pages that show a patient's answers, or files made from them, and the kiosk's pages.
NOT_FOR_SEARCH = ["/en/check/exam?country=us", f"/en/check/review?{ANSWERS}", f"/de/sheet?{ANSWERS}", "/en/sheet",
                  f"/en/next-steps?{ANSWERS}", f"/en/next-steps?stage=followup&received=2026-01-05&{ANSWERS}",
                  "/en/rights?country=ca&province=on", "/fr/breach?country=fr", "/en/poster?for=clinic",
                  "/en/partners?link_lang=es&target=sheet&country=es", "/en/check/exam", "/en/why?utm_source=x",
                  "/kiosk/en/", "/kiosk/en/why", "/kiosk/en/check/country", "/en/no-such-page"]
NOT_FOR_SEARCH_FILES = ["/en/next-steps/reminder.ics?country=us&exam=ct&received=2026-01-05",
                        "/en/partners/qr.png?link_lang=en&target=check&country=us",
                        "/en/partners/qr.svg?link_lang=en&target=check&country=us"]


@pytest.fixture()
def site(app_with):
    """The site at its public address, as a deployment runs it."""
    return app_with(PUBLIC_BASE_URL=BASE).test_client()


def versions_of(page: Page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def description_of(page: Page) -> str:
    return page.one('meta[name="description"]')["content"]


def says_noindex(page: Page) -> bool:
    return any("noindex" in meta["content"] for meta in page.select('meta[name="robots"]'))


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    """The sitemap's addresses, each with its language versions."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = etree.fromstring(response.data)
    assert root.tag == f"{SITEMAP}urlset"
    urls = {}
    for url in root.findall(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        assert loc not in urls, f"{loc} twice"
        urls[loc] = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
    return urls


# --- language versions ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", SAMPLE_LANGUAGES)
@pytest.mark.parametrize("path", ["", "why", "glossary", "check/person", "poster", f"check/review?{ANSWERS}"])
def test_a_page_names_itself_in_every_language_at_the_public_address(site, lang, path):
    page = check_page(site.get(f"/{lang}/{path}"), lang=lang)
    versions = versions_of(page)
    expected = {hreflang(code): f"{BASE}/{code}/{path}" for code in LANGUAGES}
    expected["x-default"] = f"{BASE}/" if path == "" else f"{BASE}/en/{path}"
    assert versions == expected
    assert versions[hreflang(lang)] == f"{BASE}/{lang}/{path}"  # itself among them


def test_x_default_of_the_home_page_is_the_address_that_picks_a_language(site):
    versions = versions_of(check_page(site.get("/de/"), lang="de"))
    chooser = site.get(urlsplit(versions["x-default"]).path, headers={"Accept-Language": "vi"})
    assert chooser.status_code == 302 and chooser.headers["Location"].endswith("/vi/")


def test_hreflang_is_the_url_code_in_bcp_47_case():
    assert [hreflang(code) for code in ("en", "pt-br", "zh-hans", "zh-hant-tw")] == ["en", "pt-BR", "zh-Hans",
                                                                                  "zh-Hant-TW"]
    # Made from our code, not Babel's locale, which turns Tagalog's `tl` into `fil-PH`.
    assert hreflang("tl") == "tl"
    # For every shipped language it is also the page's own lang attribute.
    assert [hreflang(code) for code in LANGUAGES] == [tag(code) for code in LANGUAGES]


def test_the_request_host_never_writes_an_address(app_with):
    """Without a public address any Host is answered (a local run): the addresses are still
    the configured local one, never the Host a client sent."""
    client = app_with().test_client()
    page = check_page(client.get("/en/why", headers={"Host": "evil.example"}))
    assert {urlsplit(href).netloc for href in versions_of(page).values()} == {"127.0.0.1:5000"}
    assert "evil.example" not in client.get("/sitemap.xml", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "Sitemap: http://127.0.0.1:5000/sitemap.xml" in client.get(
        "/robots.txt", headers={"Host": "evil.example"}).get_data(as_text=True)


# --- descriptions --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_each_content_page_is_described_in_its_own_words_and_language(site, lang):
    for path in CONTENT_PATHS:
        english = description_of(check_page(site.get(f"/en/{path}")))
        page = check_page(site.get(f"/{lang}/{path}"), lang=lang)
        description = description_of(page)
        assert description != english, f"/{lang}/{path}"
        # The page's own opening words, not a text kept somewhere else.
        assert description in " ".join(page.one("article").get_text().split()), f"/{lang}/{path}: {description}"


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
@pytest.mark.parametrize("path", ["check/person", "poster", "partners", f"sheet?{ANSWERS}"])
def test_the_interface_pages_are_described_in_the_page_language(site, lang, path):
    english = description_of(check_page(site.get(f"/en/{path}")))
    assert description_of(check_page(site.get(f"/{lang}/{path}"), lang=lang)) != english


def test_a_description_is_whole_sentences_of_search_result_length(site):
    for lang in LANGUAGES:
        for path in CONTENT_PATHS:
            description = description_of(check_page(site.get(f"/{lang}/{path}"), lang=lang))
            assert re.search(r"[.!?。！？؟]$", description), f"/{lang}/{path}: {description}"
            assert "<" not in description and "**" not in description  # text, not markup
    # The first paragraph is longer than a results page shows: it stops after a sentence.
    why = description_of(check_page(site.get("/en/why")))
    assert why.startswith("When you have an X-ray") and len(why) <= 160


# --- the sitemap ---------------------------------------------------------------------------

def test_the_sitemap_lists_every_public_page_in_every_language_and_nothing_else(site):
    urls = sitemap_urls(site)
    assert set(urls) == {f"{BASE}/{lang}/{path}" for lang in LANGUAGES for path in PUBLIC_PATHS}
    every_address = [*urls, *(href for versions in urls.values() for href in versions.values())]
    assert not [url for url in every_address if "?" in url or "/kiosk" in url or not url.startswith(BASE + "/")]


def test_a_copy_offering_fewer_languages_names_only_those(app_with):
    client = app_with(LANGUAGES=["en", "de"], PUBLIC_BASE_URL=BASE).test_client()
    assert set(sitemap_urls(client)) == {f"{BASE}/{lang}/{path}" for lang in ("en", "de") for path in PUBLIC_PATHS}
    versions = versions_of(check_page(client.get("/de/help"), lang="de"))
    assert versions == {"en": f"{BASE}/en/help", "de": f"{BASE}/de/help", "x-default": f"{BASE}/en/help"}


def test_each_page_of_the_sitemap_is_public_and_declares_the_same_versions(site):
    for url, versions in sitemap_urls(site).items():
        path = urlsplit(url).path
        response = site.get(path)
        page = check_page(response, lang=path.split("/")[1])
        assert not says_noindex(page) and "X-Robots-Tag" not in response.headers, path
        assert versions_of(page) == versions, path


def test_robots_txt_points_to_the_sitemap_and_lets_every_public_page_be_fetched(site):
    response = site.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert f"Sitemap: {BASE}/sitemap.xml" in text.splitlines()
    rules = re.findall(r"^Disallow: (\S*)$", text, re.M)
    assert not [url for url in sitemap_urls(site) if blocked(urlsplit(url).path, rules)]
    # Files that cost a renderer, and are never a search result, are not fetched at all.
    for path in ["/en/sheet.pdf?country=us", "/zh-hans/sheet.pdf", "/en/next-steps/reminder.ics?country=us",
                 "/en/partners/qr.png?link_lang=en"]:
        assert blocked(path, rules), path


def blocked(path: str, rules: list[str]) -> bool:
    """Whether a Disallow rule matches the path, as RFC 9309 reads them (`*` any characters,
    `$` the end; otherwise a prefix). No Allow rules here to weigh against them."""
    patterns = [re.escape(rule).replace(r"\*", ".*").replace(r"\$", "$") for rule in rules if rule]
    return any(re.match(pattern, path) for pattern in patterns)


def test_robots_txt_and_the_sitemap_are_kept_like_content_pages(site):
    for url in ["/robots.txt", "/sitemap.xml"]:
        assert site.get(url).headers["Cache-Control"] == "public, max-age=3600", url
        assert site.get(url + "?x=1").headers["Cache-Control"] == "no-store", url


def test_a_copy_in_kiosk_mode_keeps_search_engines_away(app_with):
    client = app_with(KIOSK=True, PUBLIC_BASE_URL=BASE).test_client()
    assert client.get("/robots.txt").get_data(as_text=True) == "User-agent: *\nDisallow: /\n"
    assert client.get("/sitemap.xml").status_code == 404
    response = client.get("/en/why")
    assert response.headers["X-Robots-Tag"] == "noindex" and says_noindex(check_page(response))


# --- noindex -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", NOT_FOR_SEARCH)
def test_pages_with_answers_and_the_kiosk_are_not_indexed(site, url):
    response = site.get(url)
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert says_noindex(Page(response)) or url == "/en/why?utm_source=x"  # the same page as /en/why: header only


@pytest.mark.parametrize("url", NOT_FOR_SEARCH_FILES)
def test_files_made_from_answers_are_not_indexed(site, url):
    response = site.get(url)
    assert response.status_code == 200
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_a_posted_kiosk_page_is_not_indexed(site):
    response = site.post("/kiosk/en/sheet", data={"country": "de", "exam": "mri"})
    assert response.status_code == 200
    assert response.headers["X-Robots-Tag"] == "noindex" and says_noindex(Page(response))
