"""Legal regions and countries, read from content/places.yaml: which law applies where,
which rights box and letter a country gets, its deadline and where to complain.

No Flask here. Adding a country is an entry in places.yaml (and, for a new region, its
texts): the answer values, the country list, the rights box, the prerendered sheet parts and
the deadline all come from this module. The file's format is in content/README.md.

The file is read once, at import, from the content/ folder that ships with the code, not
from ASKFIRST_CONTENT_DIR: the country codes are the vocabulary of `answers.FIELDS`,
which is built at import and shared by the forms, the question rules and public links,
so they cannot wait for a config object. The texts still follow ASKFIRST_CONTENT_DIR.
Reading leaves mistakes in place for the start-up checks (content_checks.py), which
report every one at once with the entry that has it.
"""

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from . import content_layout as layout

# The answer "I'm not sure", for the country as for every other field (answers.UNSURE is
# this one). Its region has the same name: no law is known, so no law-specific rights.
UNSURE = "unsure"
# The region whose rights box and letter are the general ones, for every region without
# texts of its own (and for "not sure"): no law is cited and no authority is named.
GENERAL_BOX = "other"
# The units a deadline may be given in (see add_deadline).
DEADLINE_UNITS = ("days", "months")


@dataclass(frozen=True)
class Region:
    id: str
    own_texts: bool  # its own rights box and letter, and the country's authority on the sheet
    deadline: tuple[str, int] | None  # ("days", 30) or ("months", 1); None: no reminder


@dataclass(frozen=True)
class Group:
    id: str
    sort_by_name: bool  # sorted by name in the reader's language, else in the file's order


@dataclass(frozen=True)
class Country:
    code: str  # also an answer value in public links: never changes
    region: str
    group: str
    authority: Mapping[str, str] | None  # name, short, english, url, complain_url, source


@dataclass(frozen=True)
class Places:
    regions: Mapping[str, Region]
    groups: Mapping[str, Group]
    countries: tuple[Country, ...]  # in the country list's order, "other" and "unsure" last

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(country.code for country in self.countries)

    def country(self, code: str | None) -> Country | None:
        return next((country for country in self.countries if country.code == code), None)

    @property
    def region_values(self) -> tuple[str, ...]:
        """What a question's `when: region` may name: every region, and "not sure"."""
        return (*self.regions, UNSURE)

    @property
    def text_regions(self) -> tuple[str, ...]:
        """The regions with an entry in rights.yaml and letters.yaml, the general one last."""
        own = [region.id for region in self.regions.values() if region.own_texts]
        return tuple(dict.fromkeys([*own, GENERAL_BOX]))

    def box_of(self, region: str) -> str:
        """Which region's rights box and letter a region gets: its own, or the general one."""
        known = self.regions.get(region)
        return region if known is not None and known.own_texts else GENERAL_BOX


def _deadline(raw) -> tuple[str, int] | None:
    """{days: 30} as ("days", 30). Anything else is kept as it is for the checks to name."""
    if raw is None:
        return None
    if isinstance(raw, dict) and len(raw) == 1:
        return next(iter(raw.items()))
    return raw


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def parse_places(data) -> Places:
    """Places from the parsed file. Anything missing or of the wrong shape becomes None or
    empty, so that a mistake reaches the start-up checks, which name it, instead of
    failing here, at import, on the first one."""
    data = _mapping(data)
    regions = {region_id: Region(region_id, _mapping(entry).get("own_texts") is True,
                                 _deadline(_mapping(entry).get("deadline")))
               for region_id, entry in _mapping(data.get("regions")).items()}
    groups = {group_id: Group(group_id, _mapping(entry).get("sort_by_name") is True)
              for group_id, entry in _mapping(data.get("groups")).items()}
    entries = data.get("countries") if isinstance(data.get("countries"), list) else []
    countries = tuple(Country(entry.get("code"), entry.get("region"), entry.get("group"), entry.get("authority"))
                      for entry in entries if isinstance(entry, dict))
    return Places(regions, groups, countries)


def load_places(path: Path) -> Places:
    return parse_places(layout.read_yaml(path))


PLACES = load_places(layout.places_path(layout.SHIPPED))

# The country answer's values, in the country list's order (the URL vocabulary).
COUNTRY_CODES = PLACES.codes
REGION_OF_COUNTRY = {country.code: country.region for country in PLACES.countries}


def region_of(code: str) -> str:
    """The legal region of a country code; "unsure" for one the list does not offer."""
    return REGION_OF_COUNTRY.get(code, UNSURE)


def box_of(region: str) -> str:
    """Which region's rights box and letter a patient of `region` gets."""
    return PLACES.box_of(region)


def authority(code: str | None) -> Mapping[str, str] | None:
    """Where a patient in this country can complain, if places.yaml names it."""
    country = PLACES.country(code)
    return country.authority if country else None


def add_deadline(start: date, region: str, places: Places = PLACES) -> date | None:
    """The last day a provider in `region` has to answer a request sent on `start`;
    None where places.yaml gives the region no deadline (then no reminder is offered)."""
    known = places.regions.get(region)
    if known is None or known.deadline is None:
        return None
    unit, amount = known.deadline
    if unit == "days":
        return start + timedelta(days=amount)
    month_index = start.month - 1 + amount
    year, month = start.year + month_index // 12, month_index % 12 + 1
    # The same day that many months on, or that month's last day if it is shorter.
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
