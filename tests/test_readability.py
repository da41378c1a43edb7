"""English texts for patients stay at or below a US grade 8 reading level."""

import pytest

from conftest import LANGUAGES
from tools.readability import MEASURES, english_grades, measures, spanish_ease

GRADES = english_grades()


@pytest.mark.parametrize("name", sorted(GRADES))
def test_english_reads_at_grade_8_or_below(name):
    assert GRADES[name] <= 8.0, f"{name}: Flesch-Kincaid grade {GRADES[name]:.1f}"


@pytest.mark.parametrize("name, score", sorted(spanish_ease().items()))
def test_spanish_reads_as_plain_speech_or_easier(name, score):
    # Fernández Huerta: 60-70 is ordinary plain speech, higher is easier.
    assert score >= 60, f"{name}: Fernández Huerta {score:.1f}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if MEASURES[lang][3] is not None])
def test_each_language_reads_plainly_by_its_own_measure(lang):
    """All of a language's texts together, by the formula its plain-language writers use
    (tools/readability.py): Gulpease for Italian, LIX for Danish, FOG-PL for Polish..."""
    name, _, plain, bound, higher_is_easier = MEASURES[lang]
    found = measures(lang)["all"]
    assert (found >= bound) if higher_is_easier else (found <= bound), f"{lang}: {name} {found:.1f}, plain is {plain}"
