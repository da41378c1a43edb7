"""The rights box of a sheet: which law's texts, which authority, which country note.

No Flask here. Every country's box is rendered into HTML once per language and mode at
start-up (prerendered.py); a sheet picks the one for its country.
"""

from dataclasses import dataclass

from markupsafe import Markup

from .answers import REGION_OF_COUNTRY, Answers, region
from .content import Library, Texts

# Regions with a law of their own in the rights texts; "not sure" gets the general box.
REGION_OF_BOX = {"us": "us", "eu": "eu", "uk": "uk", "ca": "ca"}
# Every answer to the country step has a box: the countries, "other" and "not sure".
COUNTRIES_WITH_BOXES = tuple(REGION_OF_COUNTRY)


@dataclass(frozen=True)
class RightsBox:
    region: str
    texts: Texts
    country: str | None
    authority: dict | None
    country_note: Markup | None


def rights_box(library: Library, answers: Answers, lang: str) -> RightsBox:
    box = REGION_OF_BOX.get(region(answers), "other")
    country = (answers.get("country") or (None,))[0]
    known = box != "other"
    return RightsBox(
        region=box,
        texts=library.rights(box, lang),
        country=country if known else None,
        authority=library.authorities.get(country) if known else None,
        country_note=library.country_note(country, lang) if known else None,
    )
