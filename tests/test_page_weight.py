"""The page-weight budget, for every page: compressed HTML at most 14 KB (what a new
connection delivers in its first round trip), at most 3 requests in all, at most 30 KB
compressed in all, no web fonts. Compression is gzip at level 6, as a proxy sends it."""

import gzip
import re
from urllib.parse import urlsplit

import pytest

from askfirst.content import PAGES
from askfirst.flow import STEPS
from conftest import LANGUAGES, Page

HTML_BUDGET = 14 * 1024
TOTAL_BUDGET = 30 * 1024
MAX_REQUESTS = 3
# The heaviest sheet: for someone else, every channel, a mobile service, every worry, so the
# most questions and every box.
HEAVY_SHEET = ("person=other&country=de&exam=mri&channel=portal&channel=link&channel=disc&channel=other_doctor"
               "&setting=mobile&worry=who_sees&worry=internet&worry=sharing&worry=research&worry=copies"
               "&worry=identity&worry=keeping&worry=breach&worry=rights&worry=authorities")


def every_page(lang):
    yield f"/{lang}/"
    yield from (f"/{lang}/{name}" for name in PAGES if name != "home")
    yield from (f"/{lang}/check/{step.name}?country=us" for step in STEPS)
    yield f"/{lang}/check/review?{HEAVY_SHEET}"
    yield f"/{lang}/sheet?{HEAVY_SHEET}"
    yield f"/{lang}/no-such-page"
    yield f"/{lang}/next-steps?country=us&also=es"
    yield f"/{lang}/poster?langs=en,es,ar,zh-hans"
    yield f"/{lang}/partners?link_lang={lang}&country=us&exam=ct&channel=portal"
    yield f"/kiosk/{lang}/check/exam"


def compressed(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def subresources(page: Page) -> list[str]:
    """Everything the browser fetches for the page, besides the page itself."""
    found = [link["href"] for link in page.select("link[rel=stylesheet], link[rel=icon], link[rel=preload]")]
    found += [tag["src"] for tag in page.select("script[src], img[src], iframe[src], source[src]")]
    return [url for url in found if not url.startswith("data:")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_keeps_to_the_budget(client, lang):
    for url in every_page(lang):
        response = client.get(url)
        page = Page(response)
        html = compressed(response.data)
        assert html <= HTML_BUDGET, f"{url}: {html} bytes of compressed HTML"
        extra = subresources(page)
        assert 1 + len(extra) <= MAX_REQUESTS, f"{url}: {1 + len(extra)} requests: {extra}"
        total = html
        for resource in extra:
            fetched = client.get(urlsplit(resource).path)
            assert fetched.status_code == 200, resource
            total += compressed(fetched.data)
        assert total <= TOTAL_BUDGET, f"{url}: {total} bytes in all"


def test_no_web_fonts(client):
    css = client.get("/static/style.css").get_data(as_text=True)
    assert "@font-face" not in css
    assert not re.search(r"\.(woff2?|ttf|otf|eot)\b", css)
