"""One term for one thing, in every language (issue 12).

A patient who reads "data protection officer" on the sheet and another word for it in the
letter wonders whether they are two people. Each translation lists, in
`content/<lang>/terms.yaml`, the term it uses for each legal concept and the renderings that
must not appear; this test reads every file of the language, the catalog included.
"""

import re

import pytest
import yaml
from test_translations import catalog

from askfirst.config import ROOT
from askfirst.content_layout import SHIPPED
from askfirst.i18n import gettext_locale
from conftest import LANGUAGES

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
# The concepts every language must keep to one term (issue 12's list).
CONCEPTS = ("data protection officer", "data protection authority", "provider", "caregiver", "medical records",
            "copy", "breach", "consent", "representative")
# Two things one word must not cover: the clinic's own officer and the national body; the
# clinic and the person who looks after the patient.
KEPT_APART = (("data protection officer", "data protection authority"), ("provider", "caregiver"))
NOT_TEXT = {"terms.yaml", "translated-from.yaml", "reviews.yaml"}


def terms(lang: str) -> dict:
    return yaml.safe_load((SHIPPED / lang / "terms.yaml").read_text(encoding="utf-8"))


def texts(lang: str) -> dict[str, str]:
    """Every text of a language by where it is: its content files and its catalog."""
    found = {path.name: path.read_text(encoding="utf-8") for path in sorted((SHIPPED / lang).iterdir())
             if path.name not in NOT_TEXT}
    messages = catalog(ROOT / "translations" / gettext_locale(lang) / "LC_MESSAGES" / "messages.po")
    found["messages.po"] = "\n".join(part for message in messages if message.id
                                     for part in (message.string if isinstance(message.string, tuple)
                                                  else (message.string,)) if part)
    return found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_language_names_its_term_for_every_concept(lang):
    listed = terms(lang)
    assert set(CONCEPTS) <= set(listed), f"{lang}: terms.yaml lacks {set(CONCEPTS) - set(listed)}"
    for concept in CONCEPTS:
        assert listed[concept].get("use"), f"{lang}: no term for {concept}"
        for pattern in [listed[concept]["use"], *(listed[concept].get("not") or [])]:
            re.compile(pattern)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_language_mixes_terms_for_one_concept(lang):
    listed, found = terms(lang), texts(lang)
    everything = "\n".join(found.values())
    mixed = []
    for concept in CONCEPTS:
        use = re.compile(listed[concept]["use"], re.IGNORECASE)
        assert use.search(everything), f"{lang}: its term for {concept} ({use.pattern}) appears nowhere"
        for pattern in listed[concept].get("not") or []:
            for name, text in found.items():
                mixed += [f"{name}: {hit.group(0)!r} for {concept}"
                          for hit in re.finditer(pattern, text, re.IGNORECASE)]
    assert mixed == [], f"{lang} uses other words than its own terms"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_one_word_never_names_two_things(lang):
    listed, found = terms(lang), texts(lang)
    everything = "\n".join(found.values())
    for first, second in KEPT_APART:
        for one, other in ((first, second), (second, first)):
            words = {hit.group(0).casefold() for hit in re.finditer(listed[one]["use"], everything, re.IGNORECASE)}
            other_term = re.compile(listed[other]["use"], re.IGNORECASE)
            assert not [word for word in words if other_term.fullmatch(word)], \
                f"{lang}: the same words name the {one} and the {other}"
