"""The answers a patient can give, as plain values, and how they travel in a URL.

No Flask here: the same values are used by the question selection, the forms and the
tests. The values appear in public links (`?country=es&exam=mri`), so once published
they never change. The words shown for each value live in `labels.py`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

# The countries, their legal regions and the answers below the national level are data
# (content/places.yaml); "I'm not sure" is the same value in every field.
from .places import COUNTRY_ALIASES, COUNTRY_CODES, PLACES, UNSURE, region_of


@dataclass(frozen=True)
class Field:
    """One thing the check asks. `multiple` fields take several values."""

    name: str
    values: tuple[str, ...]
    multiple: bool = False
    # Whether "not sure" (or no answer) keeps every question that depends on this field.
    # True where a question that may apply is better asked than dropped; false for the
    # country, since law-specific questions are wrong in the wrong country.
    unsure_matches_all: bool = True
    # Asked only for these countries (a province, a Land): for any other country the
    # answer is dropped, so a link cannot carry an answer that its country never asks.
    only_for: tuple[str, ...] = ()

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each value's place in `values`: answers are kept in that order."""
        return {value: position for position, value in enumerate(self.values)}


def _subdivision(name: str) -> Field:
    """A field below the national level (places.yaml `subdivisions`), for its country only."""
    return Field(name, PLACES.subdivisions[name].codes, only_for=PLACES.asked_for(name))


# Who the scan is for: the patient, their child, or someone they care for or act for.
# It decides who the sheet and the letter speak of, and brings the caregiver's
# questions first (issue 15; the law on acting for others is facts.md §8.1–8.4).
PERSONS = ("self", "child", "other", UNSURE)
ACTING_FOR_OTHERS = ("child", "other")

FIELDS = (
    Field("person", PERSONS),
    Field("country", COUNTRY_CODES, unsure_matches_all=False),
    *(_subdivision(name) for name in PLACES.subdivisions),
    Field("exam", ("xray", "ct", "mri", "ultrasound", "mammogram", "dental", "other", UNSURE)),
    Field("channel", ("portal", "link", "disc", "other_doctor", UNSURE), multiple=True),
    Field("setting", ("hospital", "imaging_centre", "office", "mobile", UNSURE)),
    # A question kept for a worry is for the patients who have that worry.
    Field("worry", ("who_sees", "internet", "sharing", "research", "copies", "identity",
                    "keeping", "breach", "rights", "authorities", UNSURE), multiple=True,
          unsure_matches_all=False),
)
FIELD_BY_NAME = {field.name: field for field in FIELDS}

# Before the "who is the scan for" step, asking for someone else was the worry
# `someone_else`: a link that still says so means a scan for someone the patient cares for.
OLD_WORRY_FOR_OTHERS = "someone_else"

# Answers as the selection sees them: field name -> chosen values (empty = not answered).
Answers = Mapping[str, tuple[str, ...]]


def clean(raw: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Keep only known fields and valid values, in the order the field lists them.

    `raw` maps a field name to the values sent for it (a query string or form, as lists).
    Anything unknown or invalid is dropped without an error: a prepared link with a
    typo still opens, and hostile input has nowhere to go.
    """
    answers: dict[str, tuple[str, ...]] = {}
    for field in FIELDS:
        sent = set(raw.get(field.name, ()))
        if field.name == "person" and not sent and OLD_WORRY_FOR_OTHERS in raw.get("worry", ()):
            sent = {"other"}
        if not sent:  # most fields of most requests: no need to walk the field's values
            answers[field.name] = ()
            continue
        if field.name == "country":
            # `?country=UK` or `?country=usa` in a hand-written link: the code it means.
            sent = {COUNTRY_ALIASES.get(value.strip().lower(), value.strip().lower()) for value in sent}
        if field.only_for and not set(answers.get("country", ())) & set(field.only_for):
            sent = set()
        # In the field's order: by each value's place in it, rather than a walk through
        # every value (profiled: the country list made this the largest part of clean).
        chosen = tuple(sorted(sent & field.positions.keys(), key=field.positions.__getitem__))
        if not field.multiple:
            chosen = chosen[:1]
        elif UNSURE in chosen and len(chosen) > 1:
            # "Not sure" next to real choices adds nothing; the real choices say more.
            chosen = tuple(value for value in chosen if value != UNSURE)
        answers[field.name] = chosen
    return answers


def from_multidict(data) -> dict[str, tuple[str, ...]]:
    """Clean answers from a werkzeug MultiDict (request.args or request.form)."""
    return clean({field.name: data.getlist(field.name) for field in FIELDS})


def acting_for(answers: Answers) -> str | None:
    """"child" or "other" when the patient asks for someone else, else None (for
    themselves, or not sure: the sheet then speaks to the patient, as it always did)."""
    person = next(iter(answers.get("person") or ()), None)
    return person if person in ACTING_FOR_OTHERS else None


def region(answers: Answers) -> str:
    """The legal region of the patient's place: the country's, unless an answer below it
    says otherwise (a church-run clinic in Germany follows church law, not the GDPR's
    texts); "unsure" when no country was given."""
    from .jurisdiction import resolve  # it reads answers like these; imported late, no cycle

    country = answers.get("country") or (UNSURE,)
    place_region = resolve(answers).region
    return place_region if place_region else region_of(country[0])


def with_region(answers: Answers) -> dict[str, tuple[str, ...]]:
    """The answers plus the derived `region`, as the question rules expect them."""
    return {**answers, "region": (region(answers),)}


def to_query(answers: Answers) -> dict[str, list[str]]:
    """The answers as query arguments for url_for: only the fields that have values."""
    return {name: list(values) for name, values in answers.items() if values}
