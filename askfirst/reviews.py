"""Who reviewed each translated piece, when, and against which English.

Each language folder may hold `reviews.yaml`: a list of reviews, each by one reviewer on one
day, naming the pieces reviewed (pieces.py names them) with two hashes (pieces.text_hash):
of the English the reviewer read beside it, then of the translation they read.

    - by: native speaker, health writer
      day: '2027-01-12'
      pieces:
        page why: 3f0c1a9e4b2d 9a8b7c6d5e4f

`by` is a role, never a name: nothing personal is needed to trust a review. A piece is in
one review at most, its latest. It is then

- reviewed: its hashes are those of today's English and today's translation;
- stale: reviewed, but the English or the translation changed since (a re-translated piece
  loses its review, even where the English stayed the same);
- unreviewed: in no review, or the language lacks it (the site shows the English).

English is the source: always reviewed. The file is written by `tools/translations.py
review`, never by hand. No Flask here: the app, the tools and the tests all read it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from . import content_layout as layout
from . import pieces

REVIEWED, STALE, UNREVIEWED = "reviewed", "stale", "unreviewed"
STATES = (REVIEWED, STALE, UNREVIEWED)
KEYS = ("by", "day", "pieces")
HASHES = re.compile(r"([0-9a-f]{12}) ([0-9a-f]{12})")  # the English's, then the translation's
HEADER = ("# Who reviewed which pieces of this language, on which day, and against which English and\n"
          "# which translation (their hashes, in that order): written by `python tools/translations.py\n"
          "# review`, not by hand. `by` is a role, never a person's name. See README.md.\n")


@dataclass(frozen=True)
class Review:
    by: str  # a role: "native speaker, health writer"
    day: str  # the day, as 2027-01-12
    english: str  # hash of the English reviewed against
    translation: str  # hash of the translation reviewed


@dataclass(frozen=True)
class Status:
    state: str  # REVIEWED, STALE or UNREVIEWED
    review: Review | None = None
    changed: str = ""  # for a stale piece: what changed since ("the English", "the translation")


def read(content: Path, lang: str) -> dict[str, Review]:
    """Each reviewed piece of `lang` and its latest review (none without the file). The file
    was checked at start-up (problems below)."""
    found = {}
    for review in layout.read_optional(layout.reviews_path(content, lang)) or []:
        for name, hashes in review["pieces"].items():
            english, translation = hashes.split()
            found[name] = Review(str(review["by"]), str(review["day"]), english, translation)
    return found


def write(content: Path, lang: str, records: dict[str, Review]) -> None:
    """The records as reviews: one per reviewer and day, the oldest first."""
    sittings: dict[tuple[str, str], dict[str, str]] = {}
    for name, review in sorted(records.items()):
        sittings.setdefault((review.day, review.by), {})[name] = f"{review.english} {review.translation}"
    data = [{"by": by, "day": day, "pieces": named} for (day, by), named in sorted(sittings.items())]
    # One line a piece, which stays one line however long its name (a long message).
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000) if data else ""
    layout.reviews_path(content, lang).write_text(HEADER + body, encoding="utf-8")


def problems(data, where: str, lang: str) -> list[str]:
    """What is wrong with one language's reviews.yaml, as start-up errors."""
    if data in (None, {}, []):
        return []
    if lang == layout.SOURCE_LANGUAGE:
        return [f"{where}: English is the source, always reviewed: it has no reviews"]
    if not isinstance(data, list):
        return [f"{where}: must be a list of reviews, each with {', '.join(KEYS)}"]
    found, seen = [], set()
    for position, review in enumerate(data, 1):
        here = f"{where}: review {position}"
        if not isinstance(review, dict) or set(review) != set(KEYS) or not isinstance(review["pieces"], dict):
            found.append(f"{here} must have exactly {', '.join(KEYS)} (pieces: each piece's hashes)")
            continue
        if not isinstance(review["by"], str) or not review["by"].strip():
            found.append(f"{here}: `by` must name the reviewer's role")
        if not _is_day(review["day"]):
            found.append(f"{here}: `day` must be a day like 2027-01-12, not {review['day']!r}")
        for name, hashes in review["pieces"].items():
            if not isinstance(hashes, str) or not HASHES.fullmatch(hashes):
                found.append(f"{here}: {name!r} must have two hashes of 12 hex digits (English, translation), "
                             f"not {hashes!r}")
            if name in seen:
                found.append(f"{here}: {name!r} is in an earlier review too")
            seen.add(name)
    return found


def _is_day(value) -> bool:
    if isinstance(value, date):
        return True
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def status(review: Review | None, english: str, translation) -> Status:
    """One piece's state, from its record, the hash of today's English, and today's
    translation (None where the language lacks the piece)."""
    if review is None or translation is None:
        return Status(UNREVIEWED)
    changed = [what for what, now, recorded in (("the English", english, review.english),
                                                 ("the translation", pieces.text_hash(translation), review.translation))
               if now != recorded]
    return Status(STALE, review, " and ".join(changed)) if changed else Status(REVIEWED, review)


class Language:
    """One language's pieces, their English and its records: what the state is computed from."""

    def __init__(self, lang: str, content: Path, sources: Callable[[], dict[str, str]],
                 translations: Path = pieces.TRANSLATIONS):
        """`sources` gives the hash of every piece's English (pieces.source_hashes), called
        only if needed: once for every language."""
        self.lang, self._sources = lang, sources
        self.records = read(content, lang)
        # The translations are read only where there is a record to compare them with:
        # a language nobody reviewed yet costs one small file at start-up.
        self.translated = pieces.translated(lang, content, translations) if self.records else {}

    def statuses(self) -> dict[str, Status]:
        """Every piece the English has, with its state."""
        if self.lang == layout.SOURCE_LANGUAGE:
            return {name: Status(REVIEWED) for name in self._sources()}
        return {name: status(self.records.get(name), english, self.translated.get(name))
                for name, english in self._sources().items()}

    def reviewed(self) -> frozenset[str]:
        """The pieces reviewed against today's English and translation."""
        if self.lang != layout.SOURCE_LANGUAGE and not self.records:
            return frozenset()
        return frozenset(name for name, state in self.statuses().items() if state.state == REVIEWED)

    def gone(self) -> list[str]:
        """Records of pieces the English no longer has (a removed question, a changed message)."""
        return sorted(name for name in self.records if name not in self._sources())
