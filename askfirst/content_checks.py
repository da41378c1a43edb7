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
from .answers import FIELD_BY_NAME
from .bank import CONDITION_KEYS, PRIORITY_WEIGHT, TOPICS
from .config import SHIPPED_LANGUAGES
from .places import DEADLINE_UNITS, GENERAL_BOX, UNSURE, Places, parse_places

QUESTION_KEYS = ("id", "topic", "priority", "when")
PLACES_KEYS = ("regions", "groups", "countries")
REGION_KEYS = ("own_texts", "deadline")
GROUP_KEYS = ("sort_by_name",)
COUNTRY_KEYS = ("code", "region", "group", "authority")
AUTHORITY_KEYS = ("name", "short", "english", "url", "complain_url", "source")
AUTHORITY_REQUIRED = ("name", "url", "source")
# A country code is ISO 3166 in lower case; "other" and "unsure" are answers, not countries.
COUNTRY_CODE = re.compile(r"[a-z]{2}")
NOT_COUNTRIES = (GENERAL_BOX, UNSURE)
# The territories CLDR knows, whose names the country list shows in every language.
TERRITORIES = frozenset(Locale("en").territories)


class ContentError(ValueError):
    """content/ breaks its format or refers to something that does not exist; raised at
    start-up, never per request. The message lists every problem, one a line."""


def check_content(content_dir: Path, languages: Iterable[str], places_file: Path | None = None,
                  read: Callable[[Path], object] = layout.read_optional) -> None:
    """Raise ContentError if anything in content/ (or places.yaml) is wrong.

    `languages` are the ones the Library loads (English is always checked). `places_file`
    is the places.yaml in use: the shipped one unless a test checks another. `read` parses
    a YAML file; the Library passes a cached one so that each file is parsed once."""
    found = problems(content_dir, languages, places_file, read)
    if found:
        lines = "\n".join(f"  - {problem}" for problem in found)
        raise ContentError(f"content/ has {len(found)} problem(s) (in {content_dir}):\n{lines}")


def problems(content_dir: Path, languages: Iterable[str], places_file: Path | None = None,
             read: Callable[[Path], object] = layout.read_optional) -> list[str]:
    """Every problem found, as "file: entry: what is wrong" lines; empty if none."""
    places_file = places_file or layout.places_path(layout.SHIPPED)
    name = _namer(content_dir)
    raw_places = read(places_file)
    places = parse_places(raw_places)
    found = check_places(raw_places, name(places_file))
    bank = read(layout.bank_path(content_dir))
    found += check_bank(bank, places, name(layout.bank_path(content_dir)))
    ids = {entry.get("id") for entry in bank if isinstance(entry, dict)} if isinstance(bank, list) else set()
    for lang in dict.fromkeys([layout.SOURCE_LANGUAGE, *languages]):
        found += check_language(content_dir, lang, ids, places, read, name)
    reviewed_file = layout.reviewed_path(content_dir)
    reviewed = _mapping(read(reviewed_file), name(reviewed_file), found).get(layout.REVIEWED_KEY) or []
    if not isinstance(reviewed, list):
        return [*found, f"{name(reviewed_file)}: {layout.REVIEWED_KEY} must be a list of language codes"]
    found += [f"{name(reviewed_file)}: {lang!r} is not a language AskFirst ships ({', '.join(SHIPPED_LANGUAGES)})"
              for lang in reviewed if lang not in SHIPPED_LANGUAGES]
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


def check_places(data, where: str) -> list[str]:
    """places.yaml: regions, groups and countries, and every reference between them."""
    if not isinstance(data, dict):
        return [f"{where}: must map regions, groups and countries"]
    found = _unknown_keys(data, PLACES_KEYS, where)
    regions = _mapping(data.get("regions") or {}, f"{where}: regions", found)
    groups = _mapping(data.get("groups") or {}, f"{where}: groups", found)
    countries = data.get("countries") or []
    if GENERAL_BOX not in regions:
        found.append(f"{where}: regions: {GENERAL_BOX!r} is missing (its texts are the general rights box)")
    for region, entry in regions.items():
        here = f"{where}: region {region!r}"
        entry = _mapping(entry or {}, here, found)
        found += _unknown_keys(entry, REGION_KEYS, here)
        if region == UNSURE:
            found.append(f"{here}: {UNSURE!r} is the answer 'not sure', not a region")
        if not isinstance(entry.get("own_texts"), bool):
            found.append(f"{here}: own_texts must be true or false, not {entry.get('own_texts')!r}")
        deadline = entry.get("deadline")
        if deadline is not None:
            valid = isinstance(deadline, dict) and len(deadline) == 1 and all(
                unit in DEADLINE_UNITS and isinstance(amount, int) and amount >= 1 for unit, amount in deadline.items())
            if not valid:
                found.append(f"{here}: deadline {deadline!r} is not {{days: N}} or {{months: N}}")
            if entry.get("own_texts") is not True:
                found.append(f"{here}: has a deadline but no texts of its own to cite it")
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
    for position, entry in enumerate(countries, 1):
        if not isinstance(entry, dict):
            found.append(f"{where}: country entry {position} is not a mapping")
            continue
        found += _check_country(entry, regions, groups, f"{where}: country {entry.get('code')!r}")
    return found


def _check_country(entry: dict, regions: dict, groups: dict, here: str) -> list[str]:
    found = _unknown_keys(entry, COUNTRY_KEYS, here)
    code, region = entry.get("code"), entry.get("region")
    if code is False:
        found.append(f'{here}: YAML read an unquoted code as false: write "no" with quotes')
    elif code not in NOT_COUNTRIES and not (isinstance(code, str) and COUNTRY_CODE.fullmatch(code)
                                            and code.upper() in TERRITORIES):
        found.append(f"{here}: code is not a lower-case ISO 3166 code (the United Kingdom is gb)")
    if region not in regions and region != UNSURE:
        found.append(f"{here}: region {region!r} is not one of {', '.join(regions)}")
    if entry.get("group") not in groups:
        found.append(f"{here}: group {entry.get('group')!r} is not one of {', '.join(groups)}")
    authority = entry.get("authority")
    own_texts = isinstance(regions.get(region), dict) and regions[region].get("own_texts") is True
    if authority is None:
        if own_texts:
            found.append(f"{here}: needs an authority: its region {region!r} has a rights box of its own")
        return found
    if not isinstance(authority, dict):
        return [*found, f"{here}: authority must map name, url, source and the rest"]
    found += _unknown_keys(authority, AUTHORITY_KEYS, f"{here}: authority")
    found += [f"{here}: authority has no {key}" for key in AUTHORITY_REQUIRED if not authority.get(key)]
    found += [f"{here}: authority {key} {authority[key]!r} must start with https://"
              for key in ("url", "complain_url") if authority.get(key) and not authority[key].startswith("https://")]
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
    notes = rights.pop(layout.COUNTRY_NOTES, None) or {}
    found += [f"{name(path)}: {layout.COUNTRY_NOTES}: {code!r} is not a country in {layout.PLACES_FILE}"
              for code in notes if places.country(code) is None or code in NOT_COUNTRIES]
    found += _check_region_texts(rights, "rights", layout.RIGHTS_PARTS, english, places, name(path))
    path = layout.letters_path(content_dir, lang)
    letters = _mapping(read(path), name(path), found)
    found += _check_region_texts(letters, "letter", layout.LETTER_PARTS, english, places, name(path))
    return found


def _check_region_texts(data: dict, kind: str, parts: tuple[str, ...], english: bool, places: Places,
                        where: str) -> list[str]:
    """A rights.yaml or letters.yaml: only regions that have texts, complete in English."""
    found = [f"{where}: {region!r} is not a region with texts of its own in {layout.PLACES_FILE} "
             f"({', '.join(places.text_regions)})" for region in data if region not in places.text_regions]
    return found + _check_parts(data, places.text_regions if english else (), parts, kind, where)


def _mapping(data, where: str, found: list[str]) -> dict:
    """The file's data if it is a mapping (a missing file reads as {}); else {}, noted."""
    if isinstance(data, dict):
        return data
    found.append(f"{where}: must be a mapping (keys with values), not a {type(data).__name__}")
    return {}


def _check_parts(data: dict, required: Iterable[str], parts: tuple[str, ...], kind: str, where: str) -> list[str]:
    """Each entry's parts: none unknown (a misspelt part is silently dropped), and the
    `required` entries complete, each part a text that is not empty."""
    found = []
    for key, entry in data.items():
        if not isinstance(entry, dict):
            found.append(f"{where}: {kind} {key!r} must map its parts ({', '.join(parts)})")
            continue
        found += [f"{where}: {kind} {key!r}: unknown part {part!r} (known: {', '.join(parts)})"
                  for part in entry if part not in parts]
    for key in required:
        entry = data.get(key)
        if not isinstance(entry, dict):
            found.append(f"{where}: {kind} {key!r} is missing")
            continue
        found += [f"{where}: {kind} {key!r} has no {part}" for part in parts
                  if not isinstance(entry.get(part), str) or not entry[part].strip()]
    return found
