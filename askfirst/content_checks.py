"""Start-up checks of content/: every reference, value by value.

A misspelt value in a data file does not fail loudly by itself: `channel: [portl]` just
never matches, a country with region `ue` gets no rights box, a translated id the bank
lacks is never shown. So the Library runs these checks before it renders anything, and
create_app stops with one ContentError that lists every problem found, each naming the
file, the entry and the value. No Flask here: the checks are plain functions on files.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from babel import Locale

from . import content_layout as layout
from . import reviews
from .answers import FIELD_BY_NAME, FIELDS
from .bank import CONDITION_KEYS, PRIORITY_WEIGHT, TOPICS
from .config import SHIPPED_LANGUAGES
from .places import GENERAL_TEXTS, PAPERS, PERIOD_UNITS, UNSURE, Places, load_places, parse_period

QUESTION_KEYS = ("id", "topic", "priority", "when", "must_ask")
PLACES_KEYS = ("regions", "groups", "countries", "subdivisions")
GROUP_KEYS = ("sort_by_name",)
COUNTRY_KEYS = ("code", "region", "group", "law", "authority", "health_records", "by", "aliases", "texts", "language",
                "paper")
SUBDIVISION_KEYS = ("country", "then", "places", "adds_only")
SUBPLACE_KEYS = ("law", "authority", "texts", "letter", "from_land", "public", "catholic", "region", "language",
                 "local")
LAW_KEYS = ("name", "short", "texts", "letter", "copy", "list", "recipients", "source")
DEADLINE_KEYS = ("deadline", "extension", "older", "source")
AUTHORITY_KEYS = ("name", "short", "english", "url", "complain_url", "address", "complaint_limit",
                  "dioceses", "source")
AUTHORITY_REQUIRED = ("name", "source")  # and a url or an address
# A country code is ISO 3166 in lower case; "other" and "unsure" are answers, not countries.
COUNTRY_CODE = re.compile(r"[a-z]{2}")
NOT_COUNTRIES = (GENERAL_TEXTS, UNSURE)
# The territories CLDR knows, whose names the country list shows in every language.
TERRITORIES = frozenset(Locale("en").territories)
# An answer value in links: lower-case letters, digits and "_".
ANSWER_CODE = re.compile(r"[a-z][a-z0-9_]*")
# The names a subdivision field may not take: the check's other answers, and `region`.
FIELD_NAMES_TAKEN = frozenset({"region", *(field.name for field in FIELDS if not field.only_for)})
# What a rights box may say is still open, each with a `finding_out` text in rights.yaml.
OPEN_QUESTIONS_EXTRA = ("diocese",)


class ContentError(ValueError):
    """content/ breaks its format or refers to something that does not exist; raised at
    start-up, never per request. The message lists every problem, one a line."""


def check_content(content_dir: Path, languages: Iterable[str], places_dir: Path | None = None,
                  read: Callable[[Path], object] = layout.read_optional) -> None:
    """Raise ContentError if anything in content/ (or the law's files) is wrong.

    `languages` are the ones the Library loads (English is always checked). `places_dir`
    holds places.yaml, laws.yaml and authorities.yaml: the shipped content/ unless a test
    checks others. `read` parses a YAML file; the Library passes a cached one so that each
    file is parsed once."""
    found = problems(content_dir, languages, places_dir, read)
    if found:
        lines = "\n".join(f"  - {problem}" for problem in found)
        raise ContentError(f"content/ has {len(found)} problem(s) (in {content_dir}):\n{lines}")


def problems(content_dir: Path, languages: Iterable[str], places_dir: Path | None = None,
             read: Callable[[Path], object] = layout.read_optional) -> list[str]:
    """Every problem found, as "file: entry: what is wrong" lines; empty if none."""
    places_dir = places_dir or layout.SHIPPED
    name = _namer(content_dir)
    files = {kind: path(places_dir) for kind, path in
             (("places", layout.places_path), ("laws", layout.laws_path), ("authorities", layout.authorities_path))}
    raw = {kind: read(path) for kind, path in files.items()}
    found = check_laws(raw["laws"], name(files["laws"]))
    found += check_authorities(raw["authorities"], name(files["authorities"]))
    found += check_places(raw["places"], raw["laws"], raw["authorities"], name(files["places"]))
    places = load_places(places_dir)
    bank = read(layout.bank_path(content_dir))
    found += check_bank(bank, places, name(layout.bank_path(content_dir)))
    ids = {entry.get("id") for entry in bank if isinstance(entry, dict)} if isinstance(bank, list) else set()
    for lang in dict.fromkeys([layout.SOURCE_LANGUAGE, *languages]):
        found += check_language(content_dir, lang, ids, places, read, name)
        path = layout.reviews_path(content_dir, lang)
        found += reviews.problems(read(path), name(path), lang)
    return found


def _namer(content_dir: Path) -> Callable[[Path], str]:
    """A file's name as messages show it: `content/es/rights.yaml`, or the full path."""
    def name(path: Path) -> str:
        try:
            return str(path.relative_to(content_dir.parent))
        except ValueError:
            return str(path)
    return name


def _unknown_keys(entry: dict, known: Iterable[str], where: str) -> list[str]:
    return [f"{where}: unknown key {key!r} (known: {', '.join(known)})" for key in entry if key not in known]


def check_bank(bank, places: Places, where: str) -> list[str]:
    """questions.yaml: topics, priorities, unique ids, and every `when` value one the
    answer it tests can take."""
    if not isinstance(bank, list):
        return [f"{where}: must be a list of questions"]
    found = []
    counts = Counter(entry.get("id") for entry in bank if isinstance(entry, dict))
    found += [f"{where}: question id {qid!r} is used {count} times" for qid, count in counts.items() if count > 1]
    for position, entry in enumerate(bank, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
            found.append(f"{where}: entry {position} has no id")
            continue
        question = f"{where}: question {entry['id']!r}"
        found += _unknown_keys(entry, QUESTION_KEYS, question)
        if entry.get("topic") not in TOPICS:
            found.append(f"{question}: topic {entry.get('topic')!r} is not one of {', '.join(TOPICS)}")
        if entry.get("priority") not in PRIORITY_WEIGHT:
            found.append(f"{question}: priority {entry.get('priority')!r} is not one of "
                         f"{', '.join(map(str, PRIORITY_WEIGHT))}")
        when = entry.get("when") or {}
        if not isinstance(when, dict):
            found.append(f"{question}: `when` must map answers to lists of values")
            continue
        for key, values in when.items():
            if key not in CONDITION_KEYS:
                found.append(f"{question}: `when` key {key!r} is not one of {', '.join(CONDITION_KEYS)}")
                continue
            allowed = places.region_values if key == "region" else FIELD_BY_NAME[key].values
            if not isinstance(values, list) or not values:
                found.append(f"{question}: {key} must be a list of values, like {key}: [{allowed[0]}]")
                continue
            found += [f"{question}: {key} value {value!r} is not one of {', '.join(allowed)}"
                      for value in values if value not in allowed]
    return found


def _period_problem(raw, here: str, what: str) -> list[str]:
    if parse_period(raw) is None:
        return [f"{here}: {what} {raw!r} is not one of " + ", ".join(f"{{{unit}: N}}" for unit in PERIOD_UNITS)]
    return []


def _entries(data, key: str, kind: str, where: str, found: list[str]):
    """The (id, entry, "file: kind 'id'") of a file that maps `key` to its entries; each
    entry that is not a mapping is noted in `found` and left out."""
    entries = _mapping(data, where, found).get(key)
    if not isinstance(entries, dict):
        found.append(f"{where}: must map `{key}` to their entries")
        return
    for entry_id, entry in entries.items():
        here = f"{where}: {kind} {entry_id!r}"
        if not isinstance(entry_id, str):
            found.append(f'{here}: YAML read an unquoted id as {entry_id!r}: quote it ("no", "on")')
        elif not isinstance(entry, dict):
            found.append(f"{here}: must map name, source and the rest")
        else:
            yield entry_id, entry, here


def check_laws(data, where: str) -> list[str]:
    """laws.yaml: each law's name, texts and deadlines."""
    found: list[str] = []
    for _law_id, entry, here in _entries(data, "laws", "law", where, found):
        found += _unknown_keys(entry, LAW_KEYS, here)
        found += [f"{here}: has no {key}" for key in ("name", "source") if not entry.get(key)]
        for kind in ("copy", "list"):
            deadline = entry.get(kind)
            if deadline is None:
                continue
            if not isinstance(deadline, dict) or "deadline" not in deadline:
                found.append(f"{here}: {kind} must give at least a deadline")
                continue
            found += _unknown_keys(deadline, DEADLINE_KEYS, f"{here}: {kind}")
            found += [problem for key in ("deadline", "extension", "older") if key in deadline
                      for problem in _period_problem(deadline[key], f"{here}: {kind}", key)]
            if not deadline.get("source"):
                found.append(f"{here}: {kind} has no source")
    return found


def check_authorities(data, where: str) -> list[str]:
    """authorities.yaml: each body's name, addresses and source."""
    found: list[str] = []
    for _key, entry, here in _entries(data, "authorities", "authority", where, found):
        found += _unknown_keys(entry, AUTHORITY_KEYS, here)
        found += [f"{here}: has no {part}" for part in AUTHORITY_REQUIRED if not entry.get(part)]
        if not entry.get("url") and not entry.get("address"):
            found.append(f"{here}: has neither a url nor an address: a patient could not reach it")
        # http only where the body's own address is (facts.md gives Nunavut's so).
        found += [f"{here}: {part} {entry[part]!r} must be a web address (https://...)"
                  for part in ("url", "complain_url") if entry.get(part) and not entry[part].startswith(("https://", "http://"))]
        if "complaint_limit" in entry:
            found += _period_problem(entry["complaint_limit"], here, "complaint_limit")
    return found


def check_places(data, laws_data, authorities_data, where: str) -> list[str]:
    """places.yaml: regions, groups, countries and subdivisions, and every reference
    between them and to laws.yaml and authorities.yaml."""
    if not isinstance(data, dict):
        return [f"{where}: must map regions, groups, countries and subdivisions"]
    laws = set(_mapping(laws_data, where, []).get("laws") or {})
    authorities = set(_mapping(authorities_data, where, []).get("authorities") or {})
    found = _unknown_keys(data, PLACES_KEYS, where)
    regions = data.get("regions") or []
    if not isinstance(regions, list):
        found.append(f"{where}: regions must be a list of region ids")
        regions = []
    if GENERAL_TEXTS not in regions:
        found.append(f"{where}: regions: {GENERAL_TEXTS!r} is missing (the region of 'somewhere else')")
    if UNSURE in regions:
        found.append(f"{where}: regions: {UNSURE!r} is the answer 'not sure', not a region")
    groups = _mapping(data.get("groups") or {}, f"{where}: groups", found)
    countries = data.get("countries") or []
    subdivisions = _mapping(data.get("subdivisions") or {}, f"{where}: subdivisions", found)
    for group, entry in groups.items():
        entry = _mapping(entry or {}, f"{where}: group {group!r}", found)
        found += _unknown_keys(entry, GROUP_KEYS, f"{where}: group {group!r}")
        if not isinstance(entry.get("sort_by_name"), bool):
            found.append(f"{where}: group {group!r}: sort_by_name must be true or false")
        if not any(isinstance(c, dict) and c.get("group") == group for c in countries):
            found.append(f"{where}: group {group!r} has no country")
    if not isinstance(countries, list):
        return [*found, f"{where}: countries must be a list"]
    codes = Counter(entry.get("code") for entry in countries if isinstance(entry, dict))
    found += [f"{where}: country {code!r} is listed {count} times" for code, count in codes.items() if count > 1]
    if UNSURE not in codes:
        found.append(f"{where}: countries: {UNSURE!r} (the answer 'not sure') is missing")
    refs = _References(laws, authorities)
    for position, entry in enumerate(countries, 1):
        if not isinstance(entry, dict):
            found.append(f"{where}: country entry {position} is not a mapping")
            continue
        found += _check_country(entry, regions, groups, subdivisions, refs, f"{where}: country {entry.get('code')!r}")
    for field, entry in subdivisions.items():
        found += _check_subdivision(field, entry, codes, subdivisions, refs, f"{where}: subdivision {field!r}")
    return found


class _References:
    """The ids places.yaml may name, and the messages when it names another."""

    def __init__(self, laws: set, authorities: set):
        self.laws, self.authorities = laws, authorities

    def law(self, value, here: str) -> list[str]:
        return [] if value is None or value in self.laws else [f"{here}: law {value!r} is not in laws.yaml"]

    def bodies(self, value, here: str) -> list[str]:
        values = value if isinstance(value, list) else [value]
        return [f"{here}: authority {item!r} is not in authorities.yaml" for item in values
                if item is not None and item not in self.authorities]


def _check_country(entry: dict, regions: list, groups: dict, subdivisions: dict, refs: _References,
                   here: str) -> list[str]:
    found = _unknown_keys(entry, COUNTRY_KEYS, here)
    code, region = entry.get("code"), entry.get("region")
    if code is False:
        found.append(f'{here}: YAML read an unquoted code as false: write "no" with quotes')
    elif code not in NOT_COUNTRIES and not (isinstance(code, str) and COUNTRY_CODE.fullmatch(code)
                                            and code.upper() in TERRITORIES):
        found.append(f"{here}: code is not a lower-case ISO 3166 code (the United Kingdom is gb)")
    if region not in regions and region != UNSURE:
        found.append(f"{here}: region {region!r} is not one of {', '.join(map(str, regions))}")
    if entry.get("group") not in groups:
        found.append(f"{here}: group {entry.get('group')!r} is not one of {', '.join(groups)}")
    found += refs.law(entry.get("law"), here) + refs.law(entry.get("health_records"), here)
    found += refs.bodies(entry.get("authority"), here)
    if "language" in entry and entry["language"] not in SHIPPED_LANGUAGES:
        found.append(f"{here}: language {entry['language']!r} is not one AskFirst ships "
                     f"({', '.join(SHIPPED_LANGUAGES)})")
    if "paper" in entry and entry["paper"] not in PAPERS:
        found.append(f"{here}: paper {entry['paper']!r} is not one of {', '.join(PAPERS)} (leave it out for a4)")
    by = entry.get("by")
    if by is not None and by not in subdivisions:
        found.append(f"{here}: by {by!r} is not a field under subdivisions")
    if code not in NOT_COUNTRIES and region != GENERAL_TEXTS and entry.get("authority") is None and by is None:
        found.append(f"{here}: needs an authority (or `by`, where the body depends on a subdivision)")
    return found


def _check_subdivision(field: str, entry, codes: Counter, subdivisions: dict, refs: _References,
                       here: str) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{here}: must map country, places and the rest"]
    found = _unknown_keys(entry, SUBDIVISION_KEYS, here)
    if field in FIELD_NAMES_TAKEN:
        found.append(f"{here}: {field!r} is already an answer of the check")
    if entry.get("country") not in codes:
        found.append(f"{here}: country {entry.get('country')!r} is not in countries")
    if entry.get("then") is not None and entry["then"] not in subdivisions:
        found.append(f"{here}: then {entry['then']!r} is not a field under subdivisions")
    places = entry.get("places")
    if not isinstance(places, dict) or UNSURE not in places:
        return [*found, f"{here}: places must map each answer to what it decides, `unsure` included"]
    for code, place in places.items():
        where = f"{here}: place {code!r}"
        if not isinstance(code, str) or not ANSWER_CODE.fullmatch(code):
            found.append(f"{where}: not a code for links (unquoted, YAML reads on, no and yes as true or false)")
            continue
        if not isinstance(place, dict):
            found.append(f"{where}: must be a mapping ({{}} if it decides nothing)")
            continue
        found += _unknown_keys(place, SUBPLACE_KEYS, where)
        found += refs.law(place.get("law"), where)
        found += refs.law(place.get("local"), where)
        if ("local" in place) != bool(entry.get("adds_only")) and place:
            found.append(f"{where}: `local` goes with `adds_only: true` (a rule added beside the law), and only there")
        if "language" in place and place["language"] not in SHIPPED_LANGUAGES:
            found.append(f"{where}: language {place['language']!r} is not one AskFirst ships")
        for key in ("authority", "public", "catholic"):
            found += refs.bodies(place.get(key), where)
        found += [f"{where}: from_land {key!r} is not one of authority, public, catholic"
                  for key in (place.get("from_land") or []) if key not in ("authority", "public", "catholic")]
    return found


def check_language(content_dir: Path, lang: str, ids: set, places: Places,
                   read: Callable[[Path], object], name: Callable[[Path], str]) -> list[str]:
    """One language's files: no text for a question, region or country that does not
    exist, no unknown part, and, in English (the fallback), every text complete."""
    english = lang == layout.SOURCE_LANGUAGE
    found = []
    for page in layout.PAGES:
        path = layout.page_path(content_dir, lang, page)
        if path.exists():
            if not path.read_text(encoding="utf-8").startswith("# "):
                found.append(f"{name(path)}: a page must start with a '# Title' line")
        elif english:
            found.append(f"{name(path)}: missing (every page needs its English text)")
    path = layout.question_texts_path(content_dir, lang)
    texts = _mapping(read(path), name(path), found)
    found += [f"{name(path)}: question {qid!r} is not in {layout.BANK_FILE}" for qid in texts if qid not in ids]
    found += _check_parts(texts, ids if english else (), layout.QUESTION_PARTS, "question", name(path))
    path = layout.rights_path(content_dir, lang)
    rights = dict(_mapping(read(path), name(path), found))
    notes = rights.pop(layout.NOTES, None) or {}
    found += [f"{name(path)}: {layout.NOTES}: {key!r} is not a place in {layout.PLACES_FILE} "
              f"(a country code, or <country>-<answer> like ca-nu)" for key in notes if key not in places.note_ids]
    # A field that only adds a local rule leaves nothing open when it is "not sure".
    open_questions = (*(field for field, sub in places.subdivisions.items() if not sub.adds_only),
                      *OPEN_QUESTIONS_EXTRA)
    finding_out = rights.pop(layout.FINDING_OUT, None) or {}
    found += [f"{name(path)}: {layout.FINDING_OUT}: {key!r} is not one of {', '.join(open_questions)}"
              for key in finding_out if key not in open_questions]
    if english:
        found += [f"{name(path)}: {layout.FINDING_OUT}: {key!r} is missing" for key in open_questions
                  if not finding_out.get(key)]
    law_names = rights.pop(layout.LAW_NAMES, None) or {}
    found += [f"{name(path)}: {layout.LAW_NAMES}: {key!r} is not a law in laws.yaml" for key in law_names
              if key not in places.laws]
    found += [f"{name(path)}: {layout.LAW_NAMES}: {key!r} must map name and/or short to the law's names"
              for key, value in law_names.items() if not isinstance(value, dict) or not set(value) <= {"name", "short"}]
    breach = rights.pop(layout.BREACH, None) or {}
    found += [f"{name(path)}: {layout.BREACH}: {key!r} is not a rights id that laws.yaml or {layout.PLACES_FILE} uses"
              for key in breach if key not in places.texts_ids]
    if english and not breach.get("other"):
        found.append(f"{name(path)}: {layout.BREACH}: 'other' is missing (the text for every place without its own)")
    found += _check_texts(rights, "rights", layout.RIGHTS_PARTS, places.texts_ids, english, name(path))
    found += _check_situations(read, layout.situations_path(content_dir, lang), places, english, name)
    path = layout.letters_path(content_dir, lang)
    letters = dict(_mapping(read(path), name(path), found))
    ladder = letters.pop(layout.LADDER, None)
    found += _check_parts({layout.LADDER: ladder} if ladder is not None else {},
                          (layout.LADDER,) if english else (), layout.LADDER_PARTS, "letters", name(path))
    acting = letters.pop(layout.ACTING, None)
    found += _check_parts({layout.ACTING: acting} if acting is not None else {},
                          (layout.ACTING,) if english else (), layout.ACTING_PARTS, "letters", name(path))
    national = {**(letters.pop(layout.NATIONAL, None) or {}), **(letters.pop(layout.NATIONAL_LEGAL, None) or {})}
    # A country's rule on health records, or a State's faster rule (`local`).
    with_rules = {*(country.code for country in places.countries if country.health_records),
                  *(f"{sub.country}-{code}" for sub in places.subdivisions.values()
                    for code, place in sub.places.items() if place.local)}
    found += [f"{name(path)}: {layout.NATIONAL}: {code!r} is not a country with a health-records rule "
              f"or a place with a local rule in {layout.PLACES_FILE}" for code in national if code not in with_rules]
    found += _check_texts(letters, "letter", layout.LETTER_PARTS, places.letter_ids, english, name(path),
                          optional=layout.LETTER_OPTIONAL_PARTS)
    return found


def _check_situations(read, path: Path, places: Places, english: bool, name) -> list[str]:
    """situations.yaml: each section's keys are places (a country, `<country>-<answer>`, a
    region or `other`) with known parts; in English, every section has `other` and every
    part of the sheet's help is there."""
    found: list[str] = []
    data = dict(_mapping(read(path), name(path), found))
    where = name(path)
    keys = {*places.note_ids, *places.regions, "other", UNSURE}
    known = (*layout.PLACE_SECTIONS, layout.SHEET_HELP)
    found += [f"{where}: {section!r} is not one of {', '.join(known)}" for section in data if section not in known]
    for section in layout.PLACE_SECTIONS:
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            found.append(f"{where}: {section}: must map places to their texts")
            continue
        found += [f"{where}: {section}: {key!r} is not a place, region or `other`"
                  for key in entries if key not in keys]
        for key, parts in entries.items():
            if not isinstance(parts, dict):
                found.append(f"{where}: {section}: {key}: must map its parts to texts")
                continue
            found += [f"{where}: {section}: {key}: unknown part {part!r}" for part in parts
                      if part not in layout.SITUATION_PARTS[section]]
        if english and "other" not in entries:
            found.append(f"{where}: {section}: 'other' is missing (the text for every place without its own)")
    help_parts = data.get(layout.SHEET_HELP) or {}
    found += [f"{where}: {layout.SHEET_HELP}: unknown part {part!r}" for part in help_parts
              if part not in layout.SHEET_HELP_PARTS]
    if english:
        found += [f"{where}: {layout.SHEET_HELP}: {part!r} is missing" for part in layout.SHEET_HELP_PARTS
                  if not help_parts.get(part)]
    return found


def _check_texts(data: dict, kind: str, parts: tuple[str, ...], ids: tuple[str, ...], english: bool,
                 where: str, optional: tuple[str, ...] = ()) -> list[str]:
    """A rights.yaml or letters.yaml: only ids that a law or place uses, complete in English."""
    found = [f"{where}: {key!r} is not a {kind} id that laws.yaml or {layout.PLACES_FILE} uses "
             f"({', '.join(ids)})" for key in data if key not in ids]
    return found + _check_parts(data, ids if english else (), parts, kind, where, optional)


def _mapping(data, where: str, found: list[str]) -> dict:
    """The file's data if it is a mapping (a missing file reads as {}); else {}, noted."""
    if isinstance(data, dict):
        return data
    found.append(f"{where}: must be a mapping (keys with values), not a {type(data).__name__}")
    return {}


def _check_parts(data: dict, required: Iterable[str], parts: tuple[str, ...], kind: str, where: str,
                 optional: tuple[str, ...] = ()) -> list[str]:
    """Each entry's parts: none unknown (a misspelt part is silently dropped), and the
    `required` entries complete, each part a text that is not empty."""
    found = []
    for key, entry in data.items():
        if not isinstance(entry, dict):
            found.append(f"{where}: {kind} {key!r} must map its parts ({', '.join(parts)})")
            continue
        found += [f"{where}: {kind} {key!r}: unknown part {part!r} (known: {', '.join((*parts, *optional))})"
                  for part in entry if part not in parts and part not in optional]
    for key in required:
        entry = data.get(key)
        if not isinstance(entry, dict):
            found.append(f"{where}: {kind} {key!r} is missing")
            continue
        found += [f"{where}: {kind} {key!r} has no {part}" for part in parts
                  if not isinstance(entry.get(part), str) or not entry[part].strip()]
    return found
