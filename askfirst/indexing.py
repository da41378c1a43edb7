"""What search engines are told: which pages they may index, each page's language
versions, robots.txt and the sitemap.

A page may be indexed only when it is one of the public pages below (the same for
everyone), asked for with GET and no query string, in a mode whose pages are indexable
(not the kiosk). Everything else (a step with answers, the review, a sheet, the letters,
the PDF and calendar files, the partners page with a link, a place's rights, the kiosk)
is sent `X-Robots-Tag: noindex`, and its HTML says `<meta name="robots" content="noindex">`.
Allowed by name and refused by default, like caching.py: a new page is kept out of
search results until it is added here.

Every absolute address comes from PUBLIC_BASE_URL (qr.public_url), never from the
request's Host.
"""

from flask import Request, Response, g, request, url_for
from markupsafe import Markup

from . import flow, i18n
from . import mode as modes
from .content_layout import PAGES
from .i18n import DEFAULT, offered
from .i18n import lazy_gettext as _l
from .qr import public_url

# What search results show under a page that has no description of its own: the review,
# the sheet, the letters, the error pages.
# Translators: shown by search engines under the page's title; about 150 characters.
SITE_DESCRIPTION = _l("Questions to ask your clinic before an X-ray, CT scan, MRI or other scan, "
                      "so that your medical images stay private.")
NOINDEX = "noindex"
NOINDEX_META = Markup('<meta name="robots" content="noindex">')
# Responses that are not pages: for crawlers themselves, or files a page loads.
NOT_PAGES = ("static", "service.robots_txt", "service.sitemap")
HOME = "pages.home"
# Costly to make and never worth a search result: crawlers are asked not to fetch them
# (the PDF holds a renderer for a fifth of a second or more; see README, Deploying).
NOT_CRAWLED = ("/*/sheet.pdf", "/*/next-steps/reminder.ics", "/*/partners/qr.")


# Every page that is the same for everyone and worth finding, as (endpoint, values) without
# the language: the content pages, the check's first step, the poster and the partners
# page, each without a query string.
# A content page served by a view of its own (its form), by the page's name.
OWN_VIEWS = {"tablet": "tablet.tablet"}
PUBLIC_PAGES = ((HOME, {}),
                *((OWN_VIEWS[name], {}) if name in OWN_VIEWS else ("pages.page", {"name": name})
                  for name in PAGES if name != "home"),
                ("check.step", {"name": flow.STEPS[0].name}), ("clinic.poster", {}), ("clinic.partners", {}))
_PUBLIC_KEYS = frozenset((endpoint, tuple(sorted(values.items()))) for endpoint, values in PUBLIC_PAGES)


def indexable() -> bool:
    """Whether this request's page may be indexed (see the module's docstring).

    Decided once per request and kept on `g` with it: the layout's tag and the header
    both ask (profiled: each asking cost six context lookups)."""
    try:
        return g._askfirst_indexable
    except AttributeError:
        decided = g._askfirst_indexable = _decide(request._get_current_object())
        return decided


def _decide(here: Request) -> bool:
    if not (modes.current().indexable and here.method in ("GET", "HEAD") and not here.query_string):
        return False
    values = tuple(sorted((key, value) for key, value in (here.view_args or {}).items() if key != "lang"))
    return (here.endpoint, values) in _PUBLIC_KEYS


def robots_meta() -> Markup:
    """The layout's robots tag: noindex on every page that may not be indexed."""
    return Markup("") if indexable() else NOINDEX_META


def tell_robots(response: Response) -> Response:
    """after_request: the same rule as a header, so that the PDF and the calendar file,
    which have no <head>, carry it too."""
    if request.endpoint not in NOT_PAGES and not indexable():
        response.headers["X-Robots-Tag"] = NOINDEX
    return response


def hreflang(code: str) -> str:
    """A language code of ours (`pt-br`, `zh-hans`, `tl`) as hreflang writes it: the page's
    own `lang` (`pt-BR`, `zh-Hans`, `tl`), never Babel's substitute (`fil-PH`)."""
    return i18n.tag(code)


def alternates(links: list[dict]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of this page in every language offered, from the language
    switcher's links; then x-default, for a reader whose language is not offered: the
    home page's is `/`, which picks one from the browser's languages, any other page's is
    its English version."""
    versions = [(hreflang(link["lang"]), public_url(link["href"])) for link in links]
    if request.endpoint == HOME:
        default = url_for("root.choose_language")
    else:
        default = next(link["href"] for link in links if link["lang"] == DEFAULT)
    return [*versions, ("x-default", public_url(default))]


def sitemap_entries() -> list[dict]:
    """Every public page in every language offered: its address and, as each page declares
    them, its language versions."""
    entries = []
    for endpoint, values in PUBLIC_PAGES:
        urls = {lang: public_url(url_for(endpoint, lang=lang, **values)) for lang in offered()}
        default = public_url(url_for("root.choose_language")) if endpoint == HOME else urls[DEFAULT]
        versions = [*((hreflang(lang), url) for lang, url in urls.items()), ("x-default", default)]
        entries += [{"loc": url, "alternates": versions} for url in urls.values()]
    return entries


def robots_txt() -> str:
    """Where the sitemap is, and what not to fetch. A copy whose every page is a kiosk's
    has nothing for search engines: it asks them to stay away."""
    if not modes.current().indexable:
        return "User-agent: *\nDisallow: /\n"
    disallowed = "".join(f"Disallow: {path}\n" for path in NOT_CRAWLED)
    return f"User-agent: *\n{disallowed}\nSitemap: {public_url(url_for('service.sitemap'))}\n"
