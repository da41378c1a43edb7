"""The language of a request: the first part of the URL, from an allow-list.

Only `/` looks at the browser's Accept-Language. Nothing is remembered between
requests: no cookie, no session; a link carries its language in its path.

A language has one code, used in URLs and as its folder under content/: a BCP 47 tag
in lower case (`en`, `zh-hans`, `pt-br`). Everything else is derived from it with
Babel: the gettext locale (`zh_Hans`, the folder under translations/), the `lang`
attribute (`zh-Hans`), the writing direction and the language's own name.
"""

import re
from contextlib import contextmanager
from functools import lru_cache

import babel.dates
import babel.localedata
import flask_babel
from babel import Locale
from flask import Flask, abort, current_app, g, has_request_context, request, url_for
from flask_babel.speaklater import LazyString
from markupsafe import Markup

from . import carry, mode

DEFAULT = "en"
# A path that url_for would write as it is (nothing in it to percent-encode).
PLAIN_PATH = re.compile(r"[A-Za-z0-9/._-]*")


def offered() -> list[str]:
    return current_app.config["LANGUAGES"]


@lru_cache(maxsize=None)
def locale_of(code: str) -> Locale:
    return Locale.parse(code, sep="-")


# CLDR's sections that AskFirst never reads (it formats no money, units or time zones),
# yet which Babel loads with every language: measured, they were about 11 MB of every
# page worker's memory with sixteen languages.
UNUSED_CLDR_SECTIONS = (
    "currency_names", "currency_names_plural", "currency_symbols", "currency_formats", "currency_unit_patterns",
    "compact_currency_formats", "compact_decimal_formats", "scientific_formats",
    "unit_patterns", "unit_display_names", "compound_unit_patterns", "meta_zones", "time_zones",
)


def load_lean_locale_data(codes) -> None:
    """Load each language's CLDR data (and that of the locales it inherits from: `pt` for
    `pt_BR`, then `root`) without the sections AskFirst never reads. Babel's `load` returns
    the very dictionary it keeps and gives every Locale (its documented cache), so what is
    dropped here is dropped for all; done before anything else is rendered, the memory it
    frees is what the kept pages then fill."""
    for code in codes:
        parts = gettext_locale(code).split("_")
        for name in ("root", *("_".join(parts[:end]) for end in range(1, len(parts) + 1))):
            data = babel.localedata.load(name)
            for section in UNUSED_CLDR_SECTIONS:
                data.pop(section, None)


def gettext_locale(code: str) -> str:
    """The catalog's name under translations/: `pt_BR` for `pt-br`."""
    return str(locale_of(code))


@lru_cache(maxsize=None)
def tag(code: str) -> str:
    """The `lang` attribute: `zh-Hans`, `pt-BR`, `en`, `tl`.

    Made from the code itself in BCP 47's case, not from Babel's locale: Babel replaces
    some codes with others (`tl`, Tagalog, with `fil-PH`, Filipino), and a page in
    Tagalog should say so to screen readers and search engines.
    """
    language, *rest = code.split("-")
    subtags = [part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part for part in rest]
    return "-".join([language.lower(), *subtags])


@lru_cache(maxsize=None)
def direction(code: str) -> str:
    return locale_of(code).text_direction  # "ltr" or "rtl"


# Languages whose own name CLDR does not give under their code: Babel reads `tl` as
# Filipino in the Philippines, but AskFirst's Tagalog is written for Tagalog speakers
# wherever they are treated, who call their language Tagalog.
OWN_NAMES = {"tl": "Tagalog"}
# Browsers set to Filipino ask for `fil`: the nearest pages AskFirst has are in Tagalog.
BROWSER_CODES = {"fil": "tl"}


@lru_cache(maxsize=None)
def native_name(code: str) -> str:
    """A language's name in itself, from CLDR: "español", not "Spanish"."""
    name = OWN_NAMES.get(code) or locale_of(code).get_display_name(locale_of(code))
    return name[:1].upper() + name[1:]


def browser_choice() -> str:
    """The best offered language for this browser, English when none fits.

    The browser's languages in its order of preference, each matched exactly, then by its
    primary language (`zh-CN` finds `zh-hans`, `pt` finds `pt-br`, `uk-UA` finds `uk`),
    before the next is tried: "uk-UA, ru;q=0.5" is Ukrainian, not Russian. (Werkzeug's
    best_match tries every exact match before any primary one, which would give Russian.)
    """
    codes = offered()
    for tag, quality in request.accept_languages:
        tag = tag.lower()
        if quality <= 0 or tag == "*":
            continue
        if tag in codes:
            return tag
        primary = tag.split("-")[0]
        primary = BROWSER_CODES.get(primary, primary)
        found = next((code for code in codes if code.split("-")[0] == primary), None)
        if found:
            return found
    return DEFAULT


def take_lang_from_url(endpoint, values) -> None:
    """url_value_preprocessor: move `lang` from the URL into g, refusing unknown ones."""
    if values is None or "lang" not in values:
        return
    lang = values.pop("lang")
    if lang not in offered():
        abort(404)
    g.lang = lang


def put_lang_into_urls(endpoint, values) -> None:
    """url_defaults: links made during a request keep its language."""
    if "lang" not in values and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = current()


def current() -> str:
    """The language of this request.

    Normally set from the URL by `take_lang_from_url`. When routing fails before any view
    runs (a 404 or 405), the path's first part still says it, if it is a language we
    offer; otherwise the browser's choice.
    """
    try:
        return g.lang  # one context lookup: asked for several times a request
    except AttributeError:
        pass
    first = request.path.split("/", 2)[1]
    return first if first in offered() else browser_choice()


def current_gettext_locale() -> str:
    """Flask-Babel's locale selector."""
    return gettext_locale(current())


def same_page_in(lang: str, answers_query: dict | None = None) -> str:
    """This page in another language, with the same answers; the home page on error pages.

    Where the answers were posted (kiosk), the address of the page shown, without them:
    the switcher posts them there (layout.html), so that no URL holds one.
    """
    if mode.answers_posted():
        endpoint, values = mode.shown()
        return url_for(endpoint, **{**values, "lang": lang})
    endpoint = request.endpoint if request.url_rule else None
    if endpoint and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        return url_for(endpoint, **{**(request.view_args or {}), **(answers_query or {}), "lang": lang})
    return url_for("pages.home", lang=lang)


def switch_links(answers_query: dict) -> list[dict]:
    """The language switcher: the same page, with the same answers, in every language.

    The URL is built once; the others differ only in the language part of the path.
    """
    return links_to(link_rest(answers_query))


def link_rest(answers_query: dict, encoded: str | None = None) -> str:
    """What follows `/<lang>/` in this page's address, with these answers: the one part of
    the language switcher that depends on the request (see frames.py). `encoded` is the
    same query already encoded by carry.query_string, where the page has it at hand."""
    here = current()
    asked = request._get_current_object()  # one context lookup for what follows
    path = asked.path
    if PLAIN_PATH.fullmatch(path) and path.startswith(f"/{here}/") and asked.url_rule and not mode.answers_posted():
        # This page's own address, as url_for would write it, and the answers after it:
        # the same link for a fraction of url_for's cost (profiled: 20 µs a page).
        query = carry.query_string(answers_query) if encoded is None else encoded
        return path[len(here) + 2:] + (f"?{query}" if query else "")
    href = same_page_in(here, answers_query)
    prefix = f"{asked.script_root}/{here}/"
    return href[len(prefix):] if href.startswith(prefix) else ""


def links_to(rest: str) -> list[dict]:
    """The switcher's links to `rest` (see link_rest) in every language offered."""
    here = current()
    return [{"lang": lang, "tag": tag(lang), "name": native_name(lang), "dir": direction(lang),
             "href": f"{request.script_root}/{lang}/{rest}", "current": lang == here}
            for lang in offered()]


def request_translations():
    """This request's catalog: kept per language from start-up (keep_catalogs).

    Flask-Babel finds the catalog anew for every string, through several context
    lookups and a parse of the locale; a sheet has a few hundred strings, so that alone
    cost milliseconds. A catalog is the same for everyone in a language, so each is
    found once when the app starts; `speaking` puts another language's on g for a while.
    The request's own is put on g at its first string, so that the next ones take one
    context lookup, not four (profiled: a review asks for eight, a sheet for dozens).
    """
    if not has_request_context():
        return flask_babel.get_translations()  # outside a request: untranslated
    try:
        return g._askfirst_translations
    except AttributeError:
        pass
    kept = current_app.extensions.get("askfirst_catalogs")
    lang = current()
    if kept is not None and lang in kept:
        translations = g._askfirst_translations = kept[lang]
    else:
        translations = g._askfirst_translations = flask_babel.get_translations()
    return translations


def keep_catalogs(app: Flask) -> None:
    """Each offered language's gettext catalog, found once (see request_translations).
    Catalogs come from translations/ only; nothing a request sends is kept."""
    catalogs = {}
    for lang in app.config["LANGUAGES"]:
        with app.test_request_context(f"/{lang}/", base_url=app.config["PUBLIC_BASE_URL"]):
            g.lang = lang
            catalogs[lang] = flask_babel.get_translations()
    app.extensions["askfirst_catalogs"] = catalogs


# Where Babel's long date is not how a letter in that language writes a date: Vietnamese
# writes "1 tháng 10 năm 2026" (its texts put "ngày" before it), and French and Brazilian
# Portuguese the first of the month as an ordinal ("1er octobre", "1º de outubro"), which
# CLDR's patterns cannot say.
LONG_DATE_PATTERNS = {"vi": "d 'tháng' M 'năm' y"}
FIRST_OF_MONTH = {"fr": "1er", "pt": "1º", "it": "1°"}


def long_date(day) -> str:
    """A date as a letter or page in the current language (or the one `speaking` set)
    writes it in full."""
    locale = flask_babel.get_locale()
    # Babel itself, with the locale at hand: Flask-Babel's format_date finds it again and
    # parses it (profiled: half of a date's 17 µs; the next-steps page writes up to five).
    text = babel.dates.format_date(day, LONG_DATE_PATTERNS.get(locale.language, "long"), locale=locale)
    language = locale.language
    ordinal = FIRST_OF_MONTH.get(language)
    if ordinal and day.day == 1 and text.startswith("1 "):
        text = ordinal + text[1:]
    return text


@contextmanager
def speaking(code: str):
    """Strings, labels and dates in language `code` for a while, whatever the page's
    language: a letter in the clinic's language beside the patient's."""
    saved = g.get("_askfirst_translations")
    with flask_babel.force_locale(gettext_locale(code)):
        # The catalog kept at start-up (keep_catalogs), as request_translations uses:
        # Flask-Babel finds it anew, which profiling showed as most of this switch.
        kept = current_app.extensions.get("askfirst_catalogs") or {}
        g._askfirst_translations = kept.get(code) or flask_babel.get_translations()
        try:
            yield
        finally:
            if saved is None:
                g.pop("_askfirst_translations", None)
            else:
                g._askfirst_translations = saved


def _gettext_now(string: str) -> str:
    return request_translations().ugettext(string)


def pgettext(context: str, string: str) -> str:
    """A string with a context ("paper size", "A4"), through the request's catalog found
    once (Flask-Babel's own pgettext finds it anew: twice the time)."""
    return request_translations().upgettext(context, string)


def as_in_templates(text) -> Markup:
    """A translation as a template's `_()` gives it: markup (translations are trusted),
    and formatted with no values, as Jinja's newstyle gettext always does."""
    return Markup(str(text)) % {}


def lazy_gettext(string: str) -> LazyString:
    """A string translated when it is shown, in the language of that request.

    Like Flask-Babel's lazy_gettext, but through the request's catalog found once.
    """
    return LazyString(_gettext_now, string)


def install_template_gettext(app: Flask) -> None:
    """Templates' `_` and friends, reading the catalog once per request."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda string: request_translations().ugettext(string),
        ngettext=lambda singular, plural, n: request_translations().ungettext(singular, plural, n),
        pgettext=lambda context, string: request_translations().upgettext(context, string),
        newstyle=True,
    )
