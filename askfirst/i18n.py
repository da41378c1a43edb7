"""The language of a request: the first part of the URL, from an allow-list.

Only `/` looks at the browser's Accept-Language. Nothing is remembered between
requests: no cookie, no session; a link carries its language in its path.
"""

from babel import Locale
from flask import abort, current_app, g, request, url_for

DEFAULT = "en"


def offered() -> list[str]:
    return current_app.config["LANGUAGES"]


def browser_choice() -> str:
    """The best offered language for this browser, English when none fits."""
    best = request.accept_languages.best_match(offered())
    return best or DEFAULT


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
    """The language of this request; the browser's choice where the URL has none (errors)."""
    return g.get("lang") or browser_choice()


def direction(lang: str) -> str:
    return Locale.parse(lang).text_direction  # "ltr" or "rtl"


def native_name(lang: str) -> str:
    """A language's name in itself, from CLDR: "español", not "Spanish"."""
    name = Locale.parse(lang).get_display_name(lang)
    return name[:1].upper() + name[1:]


def switch_links(answers_query: dict) -> list[dict]:
    """The language switcher: the same page, with the same answers, in every language."""
    links = []
    endpoint = request.endpoint if request.url_rule else None
    for lang in offered():
        if endpoint and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
            args = {**(request.view_args or {}), **answers_query, "lang": lang}
            href = url_for(endpoint, **args)
        else:
            href = url_for("pages.home", lang=lang)
        links.append({"lang": lang, "name": native_name(lang), "href": href, "current": lang == current()})
    return links
