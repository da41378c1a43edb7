"""Long lists read in the reader's own alphabetical order (askfirst/collation.py).

A patient looks for their country, State, province or Land by its first letter, as their
language orders letters: Polish puts Ł after L, Ukrainian І after И, Vietnamese Đ after D,
Persian its own letters among the Arabic ones, and Chinese orders names by pinyin.
"""

import re

import pytest

from askfirst import collation
from askfirst.content_layout import SHIPPED, page_path
from conftest import LANGUAGES, check_page

# What a reader of each language expects to find next to each other in the EU/EEA list.
NEIGHBOURS = {
    "pl": ("Luksemburg", "Łotwa"),     # Ł is its own letter, after L (not after Z)
    "uk": ("Естонія", "Ірландія"),     # І after И, long before Угорщина
    "vi": ("Đức", "Estonia"),          # Đ after D, not after Y
    "zh-hans": ("奥地利", "保加利亚"),  # ào, bǎo: by pinyin
    "fa": ("بلغارستان", "پرتغال"),     # پ right after ب
    "da": ("Ungarn", "Østrig"),        # Ø near the end of the Danish alphabet
    "de": ("Norwegen", "Österreich"),  # Ö with O
}

# The lists a patient picks from by name: the EU/EEA countries, the US States, Canada's
# provinces and territories, Germany's Länder ("not sure" stays last).
LISTS = [("country", "/check/country", 'optgroup:nth-of-type(2) option'),
         ("state", "/check/state?country=us", "select option"),
         ("province", "/check/province?country=ca", "select option"),
         ("land", "/check/land?country=de", "select option")]


SORTED_BY_CHROMIUM = "([tag, names]) => [...names].sort(new Intl.Collator(tag, {ignorePunctuation: true}).compare)"


def names(page, selector: str) -> list[str]:
    return [option.get_text(strip=True) for option in page.select(selector) if option.get("value")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_list_by_name_is_in_the_readers_order(client, lang):
    for _, path, selector in LISTS:
        page = check_page(client.get(f"/{lang}{path}"), lang=lang)
        listed = names(page, selector)
        if path != "/check/country":
            listed = listed[:-1]  # "Not sure" comes last, whatever its name
        assert len(listed) > 10, path
        assert collation.in_order(lang, listed), f"{lang} {path}: {listed}"


@pytest.mark.parametrize("lang, pair", NEIGHBOURS.items())
def test_letters_of_each_language_sit_where_its_readers_look_for_them(client, lang, pair):
    listed = names(check_page(client.get(f"/{lang}/check/country"), lang=lang), LISTS[0][2])
    first, second = pair
    assert listed.index(second) == listed.index(first) + 1, listed


def test_chromiums_icu_orders_the_lists_the_same_way(client, browser):
    """Another implementation of the same rules (Chromium's own ICU, through Intl.Collator)
    agrees with AskFirst's order, language by language."""
    page = browser.new_page()
    try:
        for lang in LANGUAGES:
            tag = check_page(client.get(f"/{lang}/"), lang=lang).one("html")["lang"]
            states = names(check_page(client.get(f"/{lang}/check/state?country=us"), lang=lang), "select option")
            countries = names(check_page(client.get(f"/{lang}/check/country"), lang=lang), LISTS[0][2])
            for listed in (states[:-1], countries):
                expected = page.evaluate(SORTED_BY_CHROMIUM, [tag, listed])
                assert listed == expected, lang
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_is_in_the_languages_alphabetical_order(lang):
    text = page_path(SHIPPED, lang, "glossary").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert len(headings) > 10
    assert collation.in_order(lang, headings), [h for h, after in zip(headings, headings[1:], strict=False)
                                                 if not collation.in_order(lang, [h, after])]
