"""Which translated texts are stale: their English source changed after they were made.

Each language folder under content/ holds `translated-from.yaml`: for every piece of
text (a page, a question, a rights box, a country note), a short hash of the English
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

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SOURCE = "en"
RECORD = "translated-from.yaml"


def _hash(value) -> str:
    text = value if isinstance(value, str) else yaml.safe_dump(value, sort_keys=True, allow_unicode=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _load(path: Path) -> dict:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def pieces(lang: str, content: Path = CONTENT) -> dict[str, object]:
    """Every translatable piece of one language, by a readable name."""
    folder = content / lang
    found: dict[str, object] = {f"page {p.stem}": p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}
    found.update({f"question {qid}": texts for qid, texts in _load(folder / "questions.yaml").items()})
    rights = _load(folder / "rights.yaml")
    found.update({f"note {country}": note for country, note in (rights.pop("country_notes", None) or {}).items()})
    found.update({f"rights {region}": box for region, box in rights.items()})
    found.update({f"letter {region}": letter for region, letter in _load(folder / "letters.yaml").items()})
    return found


def source_hashes(content: Path = CONTENT) -> dict[str, str]:
    return {name: _hash(value) for name, value in pieces(SOURCE, content).items()}


def languages(content: Path = CONTENT) -> list[str]:
    return sorted(p.name for p in content.iterdir() if p.is_dir() and p.name != SOURCE)


def stale(lang: str, content: Path = CONTENT) -> list[str]:
    """Pieces of `lang` whose English changed since translation, or with no record."""
    recorded = _load(content / lang / RECORD)
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
    (content / lang / RECORD).write_text(header + yaml.safe_dump(record, sort_keys=True), encoding="utf-8")
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
