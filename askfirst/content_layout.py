"""Where each thing lives under content/, and what each kind of piece holds.

The one place that knows the folder's layout: the app (content.py, places.py, the
start-up checks), the tools (translations, readability) and the tests all ask here,
so that moving or renaming a file is a change to this module and nowhere else.
No Flask, no other AskFirst module: everything may import it.
"""

from pathlib import Path

import yaml

# The content/ folder that ships with the code. ASKFIRST_CONTENT_DIR may point the texts
# elsewhere; places.yaml, laws.yaml and authorities.yaml are always read from here (see places.py for why).
SHIPPED = Path(__file__).resolve().parent.parent / "content"

# The language every text is written in first: the fallback, and the source of translations.
SOURCE_LANGUAGE = "en"

# Files at the top of content/.
BANK_FILE = "questions.yaml"  # which questions exist, their topic, priority and `when`
PLACES_FILE = "places.yaml"  # which law and which body apply where, and the subdivisions
LAWS_FILE = "laws.yaml"  # each law: its name, deadlines and texts
AUTHORITIES_FILE = "authorities.yaml"  # the bodies to complain to

# Files in each language's folder, content/<lang>/.
QUESTION_TEXTS_FILE = "questions.yaml"  # id -> the question's texts
RIGHTS_FILE = "rights.yaml"  # texts id -> the rights box's texts, plus the notes:
NOTES = "notes"  # the key in rights.yaml that maps a place (`de`, `ca-nu`) to its note
FINDING_OUT = "finding_out"  # ... and an open question (`land`, `diocese`) to how to answer it
BREACH = "breach"  # ... and a rights box's id to what a clinic must tell after a breach
LAW_NAMES = "law_names"  # ... and a law's id to its name in this language (`name`, `short`)
LETTERS_FILE = "letters.yaml"  # letter id -> the letter and calendar reminder, plus:
NATIONAL = "national"  # country or State (`us-tx`) -> a paragraph on its own rule
NATIONAL_LEGAL = "national_legal"  # ... and the law it rests on, for the letter's legal line
LADDER = "ladder"  # the letters after the request: follow-up, complaint, breach
ACTING = "acting"  # who writes for someone else: `child` (a parent) and `other` (a caregiver)
ACTING_PARTS = ("child", "other")
# What applies to a patient's situation where they are treated, by place (issue 15): each
# section maps a place key (`ca-on`), a country (`de`), a region (`eu`) or `other` to its
# texts; the most specific one a place has is shown.
SITUATIONS_FILE = "situations.yaml"
REPRESENTATIVES = "representatives"  # acting for someone else (see the parts below)
OFFICIALS = "officials"  # could the images reach the police, courts, immigration: answer, source
INTERPRETERS = "interpreters"  # help in one's own language, where a right is confirmed: text, source
SHEET_HELP = "sheet_help"  # the sheet's plain help: who can answer (by region) and the rest
PLACE_SECTIONS = (REPRESENTATIVES, OFFICIALS, INTERPRETERS)
SITUATION_PARTS = {REPRESENTATIVES: ("adult", "child", "proof", "practice", "child_proof", "child_practice",
                                     "note", "source"),
                   OFFICIALS: ("answer", "find_out", "source"), INTERPRETERS: ("text", "source", "confirmed")}
SHEET_HELP_PARTS = ("who_can_answer", "after_a_worrying_answer", "keep_appointment", "local_rules", "show_at_desk")
TRANSLATED_FROM_FILE = "translated-from.yaml"  # piece -> hash of the English it was made from
REVIEWS_FILE = "reviews.yaml"  # piece -> who reviewed it, when, against which English (reviews.py)
PAGE_SUFFIX = ".md"

# The long pages, in the order the site lists them; each is <lang>/<page>.md.
PAGES = ("home", "why", "rights", "help", "breach", "for-clinics", "tablet", "privacy", "about", "glossary")
# The pages that can show what applies in one place, chosen below them (`?country=ca&province=on`).
PLACE_PAGES = ("rights", "breach")

# The parts of each kind of piece. A question's texts on the sheet; a rights box (`law`
# and `source` are names and citations, the rest is prose); a letter and its reminder.
QUESTION_PARTS = ("ask", "why", "good", "red_flag")
RIGHTS_PARTS = ("law", "copy", "deadline", "cost", "complain", "source")
LETTER_PARTS = ("subject", "subject_other", "body", "body_other", "send", "reminder_title", "reminder_text")
# A letter's optional part: the paragraph asking who received the data, where the law gives it.
LETTER_OPTIONAL_PARTS = ("recipients", "recipients_other", "legal", "legal_other")
LADDER_PARTS = ("followup_subject", "followup_body", "complaint_subject", "complaint_body",
                "breach_subject", "breach_body", "patient_other")


def bank_path(content: Path = SHIPPED) -> Path:
    return content / BANK_FILE


def places_path(content: Path = SHIPPED) -> Path:
    return content / PLACES_FILE


def laws_path(content: Path = SHIPPED) -> Path:
    return content / LAWS_FILE


def authorities_path(content: Path = SHIPPED) -> Path:
    return content / AUTHORITIES_FILE


def language_dir(content: Path, lang: str) -> Path:
    return content / lang


def situations_path(content: Path, lang: str) -> Path:
    return content / lang / SITUATIONS_FILE


def page_path(content: Path, lang: str, page: str) -> Path:
    return content / lang / f"{page}{PAGE_SUFFIX}"


def question_texts_path(content: Path, lang: str) -> Path:
    return content / lang / QUESTION_TEXTS_FILE


def rights_path(content: Path, lang: str) -> Path:
    return content / lang / RIGHTS_FILE


def letters_path(content: Path, lang: str) -> Path:
    return content / lang / LETTERS_FILE


def translated_from_path(content: Path, lang: str) -> Path:
    return content / lang / TRANSLATED_FROM_FILE


def reviews_path(content: Path, lang: str) -> Path:
    return content / lang / REVIEWS_FILE


def language_folders(content: Path = SHIPPED) -> list[str]:
    """Every language that has a folder under content/, English included, sorted."""
    return sorted(path.name for path in content.iterdir() if path.is_dir())


def read_yaml(path: Path):
    """A YAML file's data, with PyYAML's C parser where the wheel has it (most do):
    start-up reads some thirty such files, and the pure-Python parser took a second."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def read_optional(path: Path) -> dict:
    """A YAML mapping, or {} when the file is missing or empty: a language may lack a
    file, and then falls back to English (the tests list what is missing)."""
    return (read_yaml(path) or {}) if path.exists() else {}
