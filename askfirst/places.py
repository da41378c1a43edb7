"""The law as data: content/places.yaml (which law and which body apply where),
laws.yaml (each law's deadlines and texts) and authorities.yaml (the bodies to complain
to), read into plain objects.

No Flask here. Adding a country, a province or a law is an entry in those files (and, for
a new law, its texts): the answer values, the country list, the extra steps of the check,
the rights boxes, the letters and the deadlines all come from this module and
jurisdiction.py, which resolves a patient's answers to one place. The format is in
content/README.md.

The files are read once, at import, from the content/ folder that ships with the code,
not from ASKFIRST_CONTENT_DIR: the codes are the vocabulary of `answers.FIELDS`, which is
built at import and shared by the forms, the question rules and public links, so they
cannot wait for a config object. The texts still follow ASKFIRST_CONTENT_DIR. Reading
leaves mistakes in place for the start-up checks (content_checks.py), which report every
one at once with the entry that has it.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import content_layout as layout

# The answer "I'm not sure", for the country as for every other field (answers.UNSURE is
# this one). Its region has the same name: no law is known, so no law-specific rights.
UNSURE = "unsure"
# The texts (rights box, letter) of every place where no law is known: they cite none.
GENERAL_TEXTS = "other"
# The units a period may be given in (see jurisdiction.due).
PERIOD_UNITS = ("days", "business_days", "months")
# The paper a sheet may print on (`paper` in places.yaml, and the patient's choice in the
# sheet's link), and the one for every country that names none.
PAPERS = ("a4", "letter")
DEFAULT_PAPER = "a4"


@dataclass(frozen=True)
class Period:
    unit: str  # one of PERIOD_UNITS
    amount: int


@dataclass(frozen=True)
class Deadline:
    """How long a provider has to answer one kind of request, and what the law adds."""

    period: Period
    extension: Period | None = None  # counted on from the end of `period`
    older: Period | None = None  # instead of `period`, for records older than the law says
    source: str = ""


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    short: str | None
    texts: str | None  # the rights box's entry in <lang>/rights.yaml
    letter: str | None  # the letter's entry in <lang>/letters.yaml
    copy: Deadline | None  # a request for a copy; None where facts.md confirms none
    list: Deadline | None  # a request for the list of disclosures or recipients
    source: str
    recipients: bool = False  # a right to learn who received one's data (with the copy)


@dataclass(frozen=True)
class Authority:
    id: str
    name: str
    short: str | None
    english: str | None
    url: str | None
    complain_url: str | None
    address: str | None
    complaint_limit: Period | None
    dioceses: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Group:
    id: str
    sort_by_name: bool  # sorted by name in the reader's language, else in the file's order


@dataclass(frozen=True)
class Country:
    code: str  # also an answer value in public links: never changes
    region: str
    group: str
    law: str | None
    authority: str | None
    health_records: str | None  # a national rule on health records, beside `law`
    by: str | None  # the subdivision field asked below the national level
    aliases: tuple[str, ...] = ()  # other spellings a hand-written link may use (`uk`)
    texts: str | None = None  # for an answer that is not a country ("not sure"): its box
    language: str | None = None  # the main language its clinics use, where AskFirst has it
    paper: str = DEFAULT_PAPER  # the sheet's paper there by default: one of PAPERS


@dataclass(frozen=True)
class Subplace:
    """One answer to a subdivision field: what it decides."""

    code: str
    law: str | None = None
    authorities: tuple[str, ...] = ()
    texts: str | None = None
    letter: str | None = None
    from_land: tuple[str, ...] = ()  # (operator) keys of the chosen Land's entry
    extra: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # (land) public, catholic
    region: str | None = None  # the region its question rules use, if not the country's
    language: str | None = None  # the main language its clinics use, if not the country's
    local: str | None = None  # a faster local rule beside the law (laws.yaml): a State's


@dataclass(frozen=True)
class Subdivision:
    field: str  # the answer's name, also its key in links
    country: str
    then: str | None  # a further subdivision field asked right after this one
    places: Mapping[str, Subplace]  # by answer value, `unsure` included
    # Its answers only add a local rule: the country's law, texts and bodies stay (a US State).
    adds_only: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        """The answer values in the file's order, "not sure" last."""
        return (*(code for code in self.places if code != UNSURE), UNSURE)


@dataclass(frozen=True)
class Places:
    regions: tuple[str, ...]
    groups: Mapping[str, Group]
    countries: tuple[Country, ...]  # in the country list's order, "other" and "unsure" last
    subdivisions: Mapping[str, Subdivision]
    laws: Mapping[str, Law]
    authorities: Mapping[str, Authority]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(country.code for country in self.countries)

    def country(self, code: str | None) -> Country | None:
        return next((country for country in self.countries if country.code == code), None)

    def paper(self, code: str | None) -> str:
        """The paper a sheet prints on by default for this country code: A4 where the
        country names none, and for "somewhere else", "not sure" or an unknown code."""
        country = self.country(code)
        return country.paper if country and country.paper in PAPERS else DEFAULT_PAPER

    @property
    def region_values(self) -> tuple[str, ...]:
        """What a question's `when: region` may name: every region, and "not sure"."""
        return (*self.regions, UNSURE)

    def asked_for(self, field_name: str) -> tuple[str, ...]:
        """The countries whose check asks this subdivision field (directly or after another)."""
        owners = {sub.field: sub.country for sub in self.subdivisions.values()}
        return (owners[field_name],) if field_name in owners else ()

    @property
    def texts_ids(self) -> tuple[str, ...]:
        """Every rights box a place can show, the general one last."""
        ids = [law.texts for law in self.laws.values() if law.texts]
        ids += [country.texts for country in self.countries if country.texts]
        ids += [place.texts for sub in self.subdivisions.values() for place in sub.places.values() if place.texts]
        return tuple(dict.fromkeys([*ids, GENERAL_TEXTS]))

    @property
    def letter_ids(self) -> tuple[str, ...]:
        """Every letter a place can show, the general one last."""
        ids = [law.letter for law in self.laws.values() if law.letter]
        ids += [place.letter for sub in self.subdivisions.values() for place in sub.places.values() if place.letter]
        return tuple(dict.fromkeys([*ids, GENERAL_TEXTS]))

    @property
    def note_ids(self) -> tuple[str, ...]:
        """The places that may carry a note of their own: countries with a rule on health
        records, every country, and every subdivision answer as `<country>-<code>`."""
        ids = [country.code for country in self.countries if country.code not in (GENERAL_TEXTS, UNSURE)]
        ids += [f"{sub.country}-{code}" for sub in self.subdivisions.values() for code in sub.places]
        return tuple(ids)


# Reading: anything missing or of the wrong shape becomes None or empty, so that a mistake
# reaches the start-up checks, which name it, instead of failing here, at import.

def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _ids(value) -> tuple[str, ...]:
    """One id or a list of them, as a tuple."""
    if isinstance(value, str):
        return (value,)
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


def parse_period(raw) -> Period | None:
    """{days: 30} as Period("days", 30); None for anything else (the checks name it)."""
    if isinstance(raw, dict) and len(raw) == 1:
        unit, amount = next(iter(raw.items()))
        if unit in PERIOD_UNITS and isinstance(amount, int) and not isinstance(amount, bool) and amount > 0:
            return Period(unit, amount)
    return None


def _deadline(raw) -> Deadline | None:
    raw = _mapping(raw)
    period = parse_period(raw.get("deadline"))
    if period is None:
        return None
    return Deadline(period, parse_period(raw.get("extension")), parse_period(raw.get("older")),
                    str(raw.get("source") or ""))


def parse_laws(data) -> dict[str, Law]:
    laws = {}
    for law_id, entry in _mapping(_mapping(data).get("laws")).items():
        entry = _mapping(entry)
        laws[law_id] = Law(law_id, str(entry.get("name") or ""), entry.get("short"), entry.get("texts"),
                           entry.get("letter"), _deadline(entry.get("copy")), _deadline(entry.get("list")),
                           str(entry.get("source") or ""), entry.get("recipients") is True)
    return laws


def parse_authorities(data) -> dict[str, Authority]:
    found = {}
    for key, entry in _mapping(_mapping(data).get("authorities")).items():
        entry = _mapping(entry)
        found[key] = Authority(key, str(entry.get("name") or ""), entry.get("short"), entry.get("english"),
                               entry.get("url"), entry.get("complain_url"), entry.get("address"),
                               parse_period(entry.get("complaint_limit")), _ids(entry.get("dioceses")),
                               str(entry.get("source") or ""))
    return found


def _subplace(code: str, entry) -> Subplace:
    entry = _mapping(entry)
    extra = {key: _ids(entry.get(key)) for key in ("public", "catholic") if key in entry}
    return Subplace(code, entry.get("law"), _ids(entry.get("authority")), entry.get("texts"),
                    entry.get("letter"), _ids(entry.get("from_land")), extra=extra, region=entry.get("region"),
                    language=entry.get("language"), local=entry.get("local"))


def parse_places(data, laws: Mapping[str, Law] | None = None,
                 authorities: Mapping[str, Authority] | None = None) -> Places:
    data = _mapping(data)
    regions = tuple(data.get("regions") or ()) if isinstance(data.get("regions"), list) else ()
    groups = {group_id: Group(group_id, _mapping(entry).get("sort_by_name") is True)
              for group_id, entry in _mapping(data.get("groups")).items()}
    entries = data.get("countries") if isinstance(data.get("countries"), list) else []
    countries = tuple(Country(entry.get("code"), entry.get("region"), entry.get("group"), entry.get("law"),
                              entry.get("authority"), entry.get("health_records"), entry.get("by"),
                              _ids(entry.get("aliases")), entry.get("texts"), entry.get("language"),
                              entry.get("paper") or DEFAULT_PAPER)
                      for entry in entries if isinstance(entry, dict))
    subdivisions = {}
    for name, entry in _mapping(data.get("subdivisions")).items():
        entry = _mapping(entry)
        subdivisions[name] = Subdivision(name, entry.get("country"), entry.get("then"), {
            str(code): _subplace(str(code), place) for code, place in _mapping(entry.get("places")).items()},
            adds_only=entry.get("adds_only") is True)
    return Places(regions, groups, countries, subdivisions, dict(laws or {}), dict(authorities or {}))


def load_places(content: Path = layout.SHIPPED) -> Places:
    return parse_places(layout.read_yaml(layout.places_path(content)),
                        parse_laws(layout.read_yaml(layout.laws_path(content))),
                        parse_authorities(layout.read_yaml(layout.authorities_path(content))))


PLACES = load_places()

# The country answer's values, in the country list's order (the URL vocabulary).
COUNTRY_CODES = PLACES.codes
REGION_OF_COUNTRY = {country.code: country.region for country in PLACES.countries}
# Other spellings of a country code in links, in lower case: `uk` for `gb`.
COUNTRY_ALIASES = {alias.lower(): country.code for country in PLACES.countries for alias in country.aliases}


def region_of(code: str) -> str:
    """The legal region of a country code; "unsure" for one the list does not offer."""
    return REGION_OF_COUNTRY.get(code, UNSURE)
