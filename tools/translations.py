"""Which translated texts are stale: their English source changed after they were made.

Each language folder under content/ holds `translated-from.yaml`: for every piece of
text (a page, a question, a rights box, a note, a letter), a short hash of the English
text it was translated from. When the English changes, its hash no longer matches and
the test suite names the piece and the language.

    python tools/translations.py check           # list stale or unrecorded pieces
    python tools/translations.py stamp fr        # after bringing French up to date

Stamp a language only once its translation matches the current English: the stamp is
the translator's word that it does.
"""

import hashlib
import sys
from pathlib import Path

import yaml

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from askfirst import content_layout as layout  # noqa: E402  (after the path, when run as a script)

CONTENT = layout.SHIPPED
SOURCE = layout.SOURCE_LANGUAGE


def _hash(value) -> str:
    text = value if isinstance(value, str) else yaml.safe_dump(value, sort_keys=True, allow_unicode=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def pieces(lang: str, content: Path = CONTENT) -> dict[str, object]:
    """Every translatable piece of one language, by a readable name."""
    found: dict[str, object] = {f"page {name}": path.read_text(encoding="utf-8") for name in layout.PAGES
                                if (path := layout.page_path(content, lang, name)).exists()}
    found.update({f"question {qid}": texts
                  for qid, texts in layout.read_optional(layout.question_texts_path(content, lang)).items()})
    rights = layout.read_optional(layout.rights_path(content, lang))
    notes = rights.pop(layout.NOTES, None) or {}
    found.update({f"note {place}": note for place, note in notes.items()})
    finding_out = rights.pop(layout.FINDING_OUT, None) or {}
    found.update({f"finding out {question}": text for question, text in finding_out.items()})
    rights.pop(layout.LAW_NAMES, None)  # names, not translations of an English text
    breach = rights.pop(layout.BREACH, None) or {}
    found.update({f"breach {texts_id}": text for texts_id, text in breach.items()})
    found.update({f"rights {texts_id}": box for texts_id, box in rights.items()})
    situations = layout.read_optional(layout.situations_path(content, lang))
    for section in layout.PLACE_SECTIONS:
        # `confirmed` is a fact kept in English only, not a text to translate.
        found.update({f"{section} {place}": {part: text for part, text in texts.items() if part != "confirmed"}
                      for place, texts in (situations.get(section) or {}).items()})
    found.update({f"sheet help {part}": text for part, text in (situations.get(layout.SHEET_HELP) or {}).items()})
    letters = layout.read_optional(layout.letters_path(content, lang))
    national = letters.pop(layout.NATIONAL, None) or {}
    found.update({f"letter paragraph {country}": text for country, text in national.items()})
    national_legal = letters.pop(layout.NATIONAL_LEGAL, None) or {}
    found.update({f"letter legal line {place}": text for place, text in national_legal.items()})
    acting = letters.pop(layout.ACTING, None)
    if acting:
        found["letter paragraph acting"] = acting
    ladder = letters.pop(layout.LADDER, None)
    if ladder:
        found["letters after the request"] = ladder
    found.update({f"letter {letter_id}": letter for letter_id, letter in letters.items()})
    return found


def source_hashes(content: Path = CONTENT) -> dict[str, str]:
    return {name: _hash(value) for name, value in pieces(SOURCE, content).items()}


def languages(content: Path = CONTENT) -> list[str]:
    return [lang for lang in layout.language_folders(content) if lang != SOURCE]


def stale(lang: str, content: Path = CONTENT) -> list[str]:
    """Pieces of `lang` whose English changed since translation, or with no record."""
    recorded = layout.read_optional(layout.translated_from_path(content, lang))
    have = pieces(lang, content)
    problems = []
    for name, digest in source_hashes(content).items():
        if name not in have:
            continue  # missing, not stale: the completeness test reports it
        if name not in recorded:
            problems.append(f"{lang}: {name} has no record of its English source")
        elif recorded[name] != digest:
            problems.append(f"{lang}: {name} is stale (the English changed after it was translated)")
    return problems


def stamp(lang: str, content: Path = CONTENT) -> int:
    """Record the current English hashes for every piece `lang` has; returns how many."""
    have = pieces(lang, content)
    record = {name: digest for name, digest in source_hashes(content).items() if name in have}
    header = ("# The English text each piece was translated from (a hash of it), written by\n"
              "# `make stamp LANG_CODE=...`. Do not edit by hand: see tools/translations.py.\n")
    record_text = header + yaml.safe_dump(record, sort_keys=True)
    layout.translated_from_path(content, lang).write_text(record_text, encoding="utf-8")
    return len(record)


def main(argv: list[str]) -> int:
    if argv[:1] == ["stamp"] and len(argv) == 2:
        print(f"{argv[1]}: recorded the English source of {stamp(argv[1])} pieces")
        return 0
    if argv == ["check"]:
        problems = [line for lang in languages() for line in stale(lang)]
        print("\n".join(problems) or "every translation matches its English source")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
