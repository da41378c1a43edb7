"""Every translated piece of a language, by a readable name, and the hash that says which
text a piece is.

A piece is what a translator translates and a reviewer reviews as one: a page, a question,
a rights box, a note, a letter (from content/<lang>/), or one message of the interface
catalog (translations/<locale>/LC_MESSAGES/messages.po). Its name is the same in every
language ("page why", "question server-internet", "message Back"), so that the English
piece of that name is the source of each translation.

Used by the stale-translation stamps (tools/translations.py) and by the review records
(reviews.py). No Flask here.
"""

import hashlib
from pathlib import Path

import yaml
from babel import Locale
from babel.messages.pofile import read_po

from . import content_layout as layout
from .config import ROOT

TRANSLATIONS = ROOT / "translations"
CATALOG_TEMPLATE = "messages.pot"  # in TRANSLATIONS: every message's English
# The C emitter where PyYAML has it: it writes what the pure-Python one writes (a test
# compares them on every shipped piece), some ten times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def text_hash(value) -> str:
    """A short hash of a piece's text: a string as it is, structured texts as YAML."""
    text = value if isinstance(value, str) else yaml.dump(value, Dumper=_DUMPER, sort_keys=True, allow_unicode=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


# --- Names ----------------------------------------------------------------------------------
# The views name the pieces a page shows with these, so that they match the names below.

def page(name: str) -> str:
    return f"page {name}"


def question(qid: str) -> str:
    return f"question {qid}"


def rights(texts_id: str) -> str:
    return f"rights {texts_id}"


def note(place: str) -> str:
    return f"note {place}"


def finding_out(open_question: str) -> str:
    return f"finding out {open_question}"


def breach(texts_id: str) -> str:
    return f"breach {texts_id}"


def letter(letter_id: str) -> str:
    return f"letter {letter_id}"


def letter_paragraph(place: str) -> str:
    """A country's paragraph on its health-records rule, or a State's (`us-tx`)."""
    return f"letter paragraph {place}"


def letter_legal_line(place: str) -> str:
    return f"letter legal line {place}"


def situation(section: str, key: str) -> str:
    """A place's entry in one section of situations.yaml (`representatives ca-on`)."""
    return f"{section} {key}"


def sheet_help(part: str) -> str:
    return f"sheet help {part}"


LADDER = "letters after the request"
ACTING = "letter paragraph acting"  # who writes for the patient: a parent, a caregiver
MESSAGE = "message "


def message(msgid: str, context: str | None = None) -> str:
    """A catalog message by its English (and its context, for short words: "A4" as a paper size)."""
    return f"{MESSAGE}{msgid} [context: {context}]" if context else f"{MESSAGE}{msgid}"


# --- Content pieces ---------------------------------------------------------------------------

def content_pieces(lang: str, content: Path = layout.SHIPPED) -> dict[str, object]:
    """Every piece of content/ that `lang` has, by name: its text (a string, or the parts
    of a question, rights box or letter)."""
    found: dict[str, object] = {page(name): path.read_text(encoding="utf-8") for name in layout.PAGES
                                if (path := layout.page_path(content, lang, name)).exists()}
    found.update({question(qid): texts
                  for qid, texts in layout.read_optional(layout.question_texts_path(content, lang)).items()})
    rights_texts = layout.read_optional(layout.rights_path(content, lang))
    notes = rights_texts.pop(layout.NOTES, None) or {}
    found.update({note(place): text for place, text in notes.items()})
    finding = rights_texts.pop(layout.FINDING_OUT, None) or {}
    found.update({finding_out(open_question): text for open_question, text in finding.items()})
    rights_texts.pop(layout.LAW_NAMES, None)  # names, not translations of an English text
    breaches = rights_texts.pop(layout.BREACH, None) or {}
    found.update({breach(texts_id): text for texts_id, text in breaches.items()})
    found.update({rights(texts_id): box for texts_id, box in rights_texts.items()})
    situations = layout.read_optional(layout.situations_path(content, lang))
    for section in layout.PLACE_SECTIONS:
        # `confirmed` is a fact kept in English only, not a text to translate.
        found.update({situation(section, key): {part: text for part, text in texts.items() if part != "confirmed"}
                      for key, texts in (situations.get(section) or {}).items()})
    found.update({sheet_help(part): text for part, text in (situations.get(layout.SHEET_HELP) or {}).items()})
    letters = layout.read_optional(layout.letters_path(content, lang))
    national = letters.pop(layout.NATIONAL, None) or {}
    found.update({letter_paragraph(place): text for place, text in national.items()})
    national_legal = letters.pop(layout.NATIONAL_LEGAL, None) or {}
    found.update({letter_legal_line(place): text for place, text in national_legal.items()})
    acting = letters.pop(layout.ACTING, None)
    if acting:
        found[ACTING] = acting
    ladder = letters.pop(layout.LADDER, None)
    if ladder:
        found[LADDER] = ladder
    found.update({letter(letter_id): texts for letter_id, texts in letters.items()})
    return found


# --- Catalog messages -------------------------------------------------------------------------

def _read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _singular(message_id) -> str:
    return message_id[0] if isinstance(message_id, list | tuple) else message_id


def _text(string):
    """A message's English or translation: a string, or a list (a plural's forms)."""
    return _forms(string) if isinstance(string, list | tuple) else string


def catalog_sources(translations: Path = TRANSLATIONS) -> dict[str, object]:
    """Every message of the interface, by name: its English (with the plural, if any)."""
    return {message(_singular(entry.id), entry.context): _text(entry.id)
            for entry in _read_catalog(translations / CATALOG_TEMPLATE) if entry.id}


def catalog_pieces(lang: str, translations: Path = TRANSLATIONS) -> dict[str, object]:
    """Every message that `lang`'s catalog translates, by name: its translation. Empty and
    fuzzy entries are left out: the site shows the English for them."""
    # The catalog's folder: `pt_BR` for `pt-br`, as i18n.gettext_locale says (which needs Flask).
    path = translations / str(Locale.parse(lang, sep="-")) / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    return {message(_singular(entry.id), entry.context): _text(entry.string) for entry in _read_catalog(path)
            if entry.id and not entry.fuzzy and all(_forms(entry.string))}


def _forms(string) -> list[str]:
    return list(string) if isinstance(string, list | tuple) else [string]


def sources(content: Path = layout.SHIPPED, translations: Path = TRANSLATIONS) -> dict[str, object]:
    """Every piece's English, content and catalog."""
    return {**content_pieces(layout.SOURCE_LANGUAGE, content), **catalog_sources(translations)}


def source_hashes(content: Path = layout.SHIPPED, translations: Path = TRANSLATIONS) -> dict[str, str]:
    """The hash of every piece's English: what a review is made against."""
    return {name: text_hash(value) for name, value in sources(content, translations).items()}


def translated(lang: str, content: Path = layout.SHIPPED, translations: Path = TRANSLATIONS) -> dict[str, object]:
    """Every piece `lang` has translated, content and catalog."""
    return {**content_pieces(lang, content), **catalog_pieces(lang, translations)}
