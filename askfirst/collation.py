"""Alphabetical order as each language has it: CLDR's collation rules, through ICU.

Stripping accents and comparing code points puts Polish "Łotwa" after "Włochy",
Ukrainian "Італія" after "Угорщина", Vietnamese "Đức" after "Ý", Persian's own letters
(پ چ ژ گ) after the Arabic ones, and Chinese names in the order of their code points,
which no Chinese reader uses (ICU sorts them by pinyin). ICU knows each language's rules.
"""

from functools import lru_cache

import icu

from . import i18n


@lru_cache(maxsize=None)
def _collator(locale_id: str) -> icu.Collator:
    collator = icu.Collator.createInstance(icu.Locale(locale_id))
    # Punctuation and spaces count only to break ties, as in a dictionary: the glossary's
    # «"Addressable"» sorts with the A's.
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    return collator


def sort_key(locale_id: str):
    """A key function that orders strings as a language does; `locale_id` as Babel and
    gettext write it (`pl`, `zh_Hans`, `pt_BR`; Tagalog is `fil_PH`), which ICU reads too."""
    return _collator(locale_id).getSortKey


def in_order(code: str, names) -> bool:
    """Whether `names` are in the alphabetical order of language `code` (`zh-hans`)."""
    key = sort_key(i18n.gettext_locale(code))
    keys = [key(name) for name in names]
    return keys == sorted(keys)
