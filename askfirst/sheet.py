"""The rights box of a sheet: which law's texts, which authority, which country note.

No Flask here. The questions of a sheet come from bank.select_questions; both are
rendered into HTML once per language at start-up (fragments.py).
"""

from dataclasses import dataclass

from markupsafe import Markup

from .answers import Answers, region
from .content import Library, Texts

# Regions with a law of their own in the rights texts; "not sure" gets the general box.
REGION_OF_BOX = {"us": "us", "eu": "eu", "uk": "uk", "ca": "ca"}


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
