"""The rights box of a sheet: which law's texts, which authority, which country note.

No Flask here. Every country's box is rendered into HTML once per language and mode at
start-up (prerendered.py); a sheet picks the one for its country.
"""

from dataclasses import dataclass

from markupsafe import Markup

from . import places
from .answers import Answers, region
from .content import Library, Texts

# Every answer to the country step has a box: the countries, "other" and "not sure".
COUNTRIES_WITH_BOXES = places.COUNTRY_CODES


@dataclass(frozen=True)
class RightsBox:
    region: str
    texts: Texts
    country: str | None
    authority: dict | None
    country_note: Markup | None


def rights_box(library: Library, answers: Answers, lang: str) -> RightsBox:
    # A region with texts of its own names its law, the country and where to complain
    # there; the general box (other countries, "not sure") names none of them.
    box = places.box_of(region(answers))
    country = (answers.get("country") or (None,))[0]
    known = box != places.GENERAL_BOX
    return RightsBox(
        region=box,
        texts=library.rights(box, lang),
        country=country if known else None,
        authority=places.authority(country) if known else None,
        country_note=library.country_note(country, lang) if known else None,
    )
