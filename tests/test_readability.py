"""English texts for patients stay at or below a US grade 8 reading level."""

import pytest

from tools.readability import english_grades, spanish_ease

GRADES = english_grades()


@pytest.mark.parametrize("name", sorted(GRADES))
def test_english_reads_at_grade_8_or_below(name):
    assert GRADES[name] <= 8.0, f"{name}: Flesch-Kincaid grade {GRADES[name]:.1f}"


@pytest.mark.parametrize("name, score", sorted(spanish_ease().items()))
def test_spanish_reads_as_plain_speech_or_easier(name, score):
    # Fernández Huerta: 60-70 is ordinary plain speech, higher is easier.
    assert score >= 60, f"{name}: Fernández Huerta {score:.1f}"
