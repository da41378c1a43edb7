"""The rights box of a sheet and of the rights page: which law's texts, which bodies,
which notes, for one place (jurisdiction.resolve).

No Flask here. Every place's box is rendered into HTML once per language and mode at
start-up (prerendered.py); a sheet picks the one for its place's key.
"""

from dataclasses import dataclass

from markupsafe import Markup, escape

from .content import Library, Texts
from .jurisdiction import Jurisdiction, every_place, resolve
from .places import Authority, Law

# Every place a patient can choose has a box: the countries, each province and each
# (Land, operator) pair, "somewhere else" and "not sure".
PLACES_WITH_BOXES = {resolve(answers).key: answers for answers in every_place()}


@dataclass(frozen=True)
class RightsBox:
    place: Jurisdiction
    texts: Texts
    law: Law | None
    authorities: tuple[Authority, ...]
    notes: tuple[Markup, ...]  # the country's and the subdivision's, in that order
    finding_out: tuple[Markup, ...]  # how to answer what is still open (the Land, ...)

    @property
    def country(self) -> str | None:
        return self.place.country

    @property
    def subplace(self) -> tuple[str, str] | None:
        """The most precise known answer below the country, for the heading (Ontario)."""
        known = [(field, value) for field, value in self.place.subplaces
                 if value != "unsure" and field in ("province", "land")]
        return known[-1] if known else None


def with_law(texts: Texts, law: Law | None, name: str) -> Texts:
    """A box's texts with `{law}` replaced by the law's name (the Canadian box that serves
    several provinces names each one's law)."""
    if law is None:
        return texts
    name = escape(name)
    return Texts(texts.lang, {part: Markup(str(text).replace("{law}", str(name)))
                              for part, text in texts.parts.items()})


def rights_box(library: Library, answers, lang: str) -> RightsBox:
    place = resolve(answers)
    return RightsBox(
        place=place,
        texts=with_law(library.rights(place.texts, lang), place.law,
                       library.law_name(place.law, lang) if place.law else ""),
        law=place.law,
        authorities=place.authorities,
        notes=tuple(note for key in place.note_keys() if (note := library.note(key, lang))),
        finding_out=tuple(note for key in place.open_questions if (note := library.finding_out(key, lang))),
    )
