"""Every content page, in every language: served, marked with its language, cacheable."""

import pytest

from askfirst.content import PAGES
from askfirst.i18n import native_name, tag
from conftest import LANGUAGES, check_page


def page_url(lang, name):
    return f"/{lang}/" if name == "home" else f"/{lang}/{name}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_in_every_language(fetch, lang, name):
    page = fetch(page_url(lang, name), lang=lang)
    assert page.headers["Cache-Control"].startswith("public, max-age=")
    article = page.one("article.prose")
    assert article.get("lang") is None, "page shown in a fallback language"
    assert page.one("h1").get_text().strip() == page.one("title").get_text().split(" – ")[0].strip()
    assert len("".join(article.get_text().split())) > 200  # characters: Chinese has no spaces


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_language_switcher_leads_to_the_same_page(fetch, lang, name):
    page = fetch(page_url(lang, name), lang=lang)
    links = {a["hreflang"]: a for a in page.select("nav.languages a")}
    assert set(links) == {tag(code) for code in LANGUAGES}
    for other in LANGUAGES:
        assert links[tag(other)]["href"] == page_url(other, name)
        assert links[tag(other)]["lang"] == tag(other)
    assert links[tag(lang)].get("aria-current") == "page"


def test_home_starts_the_check(fetch):
    page = fetch("/en/")
    start = page.one("a.button")
    assert start["href"] == "/en/check"


def test_switcher_names_languages_in_their_own_language(fetch):
    page = fetch("/en/")
    names = {a["hreflang"]: a.get_text() for a in page.select("nav.languages a")}
    assert names["en"] == "English" and names["es"] == "Español"
    assert names == {tag(code): native_name(code) for code in LANGUAGES}


def test_footer_links_every_page(fetch):
    page = fetch("/es/why", lang="es")
    hrefs = {a["href"] for a in page.select("footer a")}
    assert hrefs == {f"/es/{name}" for name in PAGES if name != "home"} | {"/es/poster", "/es/partners"}


def test_the_page_check_fails_on_html_a_browser_would_have_to_repair(client):
    response = client.get("/en/why")
    response.set_data(response.get_data(as_text=True).replace("</main>", "</span></main>"))
    with pytest.raises(AssertionError, match=r"HTML parse errors in /en/why:\nline \d+, column \d+: "
                                             r"Unexpected end tag \(span\)"):
        check_page(response)
