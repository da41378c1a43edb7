"""Translations: which are stale, which are reviewed, and recording a review.

Each language folder under content/ holds `translated-from.yaml`: for every piece of
text (a page, a question, a rights box, a note, a letter), a short hash of the English
text it was translated from. When the English changes, its hash no longer matches and
the test suite names the piece and the language.

And `reviews.yaml`: who reviewed which piece (content or interface catalog), when, and
against which English and which translation (askfirst/reviews.py). A page in that
language says "not reviewed yet" while any piece it shows is not reviewed and current.

    python tools/translations.py check           # list stale or unrecorded pieces
    python tools/translations.py stamp fr        # after bringing French up to date
    python tools/translations.py status [fr]     # reviewed, stale and unreviewed pieces
    python tools/translations.py sort-glossary fr  # the glossary in French alphabetical order
    python tools/translations.py review fr --role "native speaker, health writer" [--day 2027-01-12] PIECE...

Stamp a language only once its translation matches the current English: the stamp is
the translator's word that it does. Record a review only for what a reviewer has read
and approved, with their role (never their name): see README.md.

A PIECE is a name as `status` prints it ("page why", "question server-internet",
"message Back"), or a pattern with * ("question *", "message *").
"""

import argparse
import sys
from datetime import date, datetime, timezone
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

import yaml

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from askfirst import content_layout as layout  # noqa: E402  (after the path, when run as a script)
from askfirst import pieces, reviews  # noqa: E402

CONTENT = layout.SHIPPED
SOURCE = layout.SOURCE_LANGUAGE


def source_hashes(content: Path = CONTENT) -> dict[str, str]:
    return {name: pieces.text_hash(value) for name, value in pieces.content_pieces(SOURCE, content).items()}


def languages(content: Path = CONTENT) -> list[str]:
    return [lang for lang in layout.language_folders(content) if lang != SOURCE]


NO_RECORD, CHANGED = "has no record of its English source", "is stale (the English changed after it was translated)"


def outdated(lang: str, content: Path = CONTENT) -> dict[str, str]:
    """Pieces of `lang` whose English changed since translation, or with no record: why."""
    recorded = layout.read_optional(layout.translated_from_path(content, lang))
    have = pieces.content_pieces(lang, content)
    # A missing piece is not stale: the completeness test reports it.
    return {name: NO_RECORD if name not in recorded else CHANGED
            for name, digest in source_hashes(content).items() if name in have and recorded.get(name) != digest}


def stale(lang: str, content: Path = CONTENT) -> list[str]:
    return [f"{lang}: {name} {why}" for name, why in outdated(lang, content).items()]


def stamp(lang: str, content: Path = CONTENT) -> int:
    """Record the current English hashes for every piece `lang` has; returns how many."""
    have = pieces.content_pieces(lang, content)
    record = {name: digest for name, digest in source_hashes(content).items() if name in have}
    header = ("# The English text each piece was translated from (a hash of it), written by\n"
              "# `make stamp LANG_CODE=...`. Do not edit by hand: see tools/translations.py.\n")
    record_text = header + yaml.safe_dump(record, sort_keys=True)
    layout.translated_from_path(content, lang).write_text(record_text, encoding="utf-8")
    return len(record)


# --- Reviews ----------------------------------------------------------------------------------

class ReviewRefused(ValueError):
    """A review that cannot be recorded as asked; nothing was written."""


def _language(lang: str, content: Path, translations: Path) -> reviews.Language:
    return reviews.Language(lang, content, cache(lambda: pieces.source_hashes(content, translations)), translations)


def chosen(asked: list[str], names: list[str]) -> list[str]:
    """The pieces named or matched by `asked`, in the order of `names`."""
    unmatched = [pattern for pattern in asked if pattern not in names
                 and not any(fnmatchcase(name, pattern) for name in names)]
    if unmatched:
        raise ReviewRefused("no such piece: " + "; ".join(unmatched) + " (see `status` for their names)")
    return [name for name in names if any(name == pattern or fnmatchcase(name, pattern) for pattern in asked)]


def review(lang: str, role: str, asked: list[str], day: str | None = None, content: Path = CONTENT,
           translations: Path = pieces.TRANSLATIONS) -> list[str]:
    """Record that a reviewer in `role` reviewed these pieces of `lang` today (or on `day`),
    against today's English and translation; returns the pieces recorded."""
    if lang == SOURCE or lang not in languages(content):
        raise ReviewRefused(f"{lang!r} is not a translated language ({', '.join(languages(content))})")
    role = " ".join(role.split())
    if not role or "@" in role:
        raise ReviewRefused("--role says what the reviewer is (\"native speaker, health writer\"), not who")
    day = day or datetime.now(timezone.utc).date().isoformat()
    try:
        date.fromisoformat(day)
    except ValueError as error:
        raise ReviewRefused(f"--day must be a day like 2027-01-12, not {day!r}") from error
    sources = pieces.source_hashes(content, translations)
    translated = pieces.translated(lang, content, translations)
    names = chosen(asked, list(sources))
    # Only a piece that is there and up to date can be reviewed against today's English.
    older = outdated(lang, content)
    refused = [f"{name} (not translated)" for name in names if name not in translated]
    refused += [f"{name} (translated from older English: translate and stamp it first)"
                for name in names if name in older]
    if refused:
        raise ReviewRefused("cannot record a review of: " + "; ".join(refused))
    records = reviews.read(content, lang)
    for name in names:
        records[name] = reviews.Review(by=role, day=day, english=sources[name],
                                       translation=pieces.text_hash(translated[name]))
    reviews.write(content, lang, records)
    return names


def status_report(lang: str, content: Path = CONTENT, translations: Path = pieces.TRANSLATIONS) -> str:
    """What is reviewed, stale and unreviewed in `lang`: counts, then the names."""
    language = _language(lang, content, translations)
    statuses = language.statuses()
    by_state = {state: [name for name, found in statuses.items() if found.state == state] for state in reviews.STATES}
    counts = ", ".join(f"{len(by_state[state])} {state}" for state in reviews.STATES)
    lines = [f"{lang}: {counts} (of {len(statuses)} pieces)"]
    for state in reviews.STATES:
        if by_state[state]:
            lines.append(f"  {state} ({len(by_state[state])}):")
            lines += [f"    {name}{_detail(statuses[name])}" for name in by_state[state]]
    gone = language.gone()
    if gone:
        lines.append(f"  records of pieces the English no longer has ({len(gone)}):")
        lines += [f"    {name}" for name in gone]
    return "\n".join(lines)


def _detail(found: reviews.Status) -> str:
    if found.review is None:
        return ""
    changed = f"; {found.changed} changed since" if found.changed else ""
    return f"  ({found.review.by}, {found.review.day}{changed})"


# --- The glossary's order -------------------------------------------------------------------

def sort_glossary(lang: str, content: Path = CONTENT) -> bool:
    """Put a language's glossary entries (its `## ` sections) in that language's alphabetical
    order (askfirst/collation.py), after a translator renamed them. True if it changed."""
    from askfirst import collation  # noqa: PLC0415  (ICU only for this command)

    path = layout.page_path(content, lang, "glossary")
    text = path.read_text(encoding="utf-8")
    head, *entries = text.split("\n## ")
    entries = [entry.rstrip("\n") + "\n" for entry in entries]
    key = collation.sort_key(collation.i18n.gettext_locale(lang))
    ordered = sorted(entries, key=lambda entry: key(entry.partition("\n")[0]))
    sorted_text = head.rstrip("\n") + "\n\n" + "\n".join(f"## {entry}" for entry in ordered)
    if sorted_text == text:
        return False
    path.write_text(sorted_text, encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    if argv[:1] == ["sort-glossary"] and len(argv) == 2:
        changed = sort_glossary(argv[1])
        print(f"{argv[1]}: the glossary {'is now' if changed else 'was already'} in alphabetical order")
        return 0
    if argv[:1] == ["stamp"] and len(argv) == 2:
        print(f"{argv[1]}: recorded the English source of {stamp(argv[1])} pieces")
        return 0
    if argv == ["check"]:
        problems = [line for lang in languages() for line in stale(lang)]
        print("\n".join(problems) or "every translation matches its English source")
        return 1 if problems else 0
    if argv[:1] == ["status"] and len(argv) <= 2:
        print("\n\n".join(status_report(lang) for lang in (argv[1:] or languages())))
        return 0
    if argv[:1] == ["review"]:
        parser = argparse.ArgumentParser(prog="translations.py review")
        parser.add_argument("lang")
        parser.add_argument("pieces", nargs="+")
        parser.add_argument("--role", required=True, help='the reviewer\'s role, e.g. "native speaker, health writer"')
        parser.add_argument("--day", help="the day of the review (default: today)")
        args = parser.parse_args(argv[1:])
        try:
            recorded = review(args.lang, args.role, args.pieces, args.day)
        except ReviewRefused as refused:
            print(f"Nothing recorded: {refused}", file=sys.stderr)
            return 1
        print(f"{args.lang}: recorded the review of {len(recorded)} pieces by {args.role}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
