"""Reading grade of AskFirst's texts: `make readability` prints it; a test enforces it.

English uses the Flesch-Kincaid grade (US school grade; the target is 8 or below).
Spanish uses Fernández Huerta's ease score (0-100, higher is easier; 60-70 is plain
speech, above 70 easy). Headings and list items count as sentences of their own.
"""

import re
import sys
from pathlib import Path

import markdown
import textstat
from bs4 import BeautifulSoup

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from askfirst import content_layout as layout  # noqa: E402  (after the path, when run as a script)

CONTENT = layout.SHIPPED
# Names and citations, not sentences: left out of the reading grade.
NOT_PROSE = ("law", "source")
BLOCKS = ["h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "td", "th"]


def plain_text(markdown_text: str) -> str:
    """Markdown as sentences: each block ends with a full stop, so it counts as one."""
    soup = BeautifulSoup(markdown.markdown(markdown_text, extensions=["tables", "def_list"]), "html.parser")
    sentences = []
    for block in soup.find_all(BLOCKS):
        if block.find(BLOCKS):
            continue  # a list item holding a paragraph: the inner block counts
        text = " ".join(block.get_text(" ").split())
        # Addresses and legal citations are read as names, not as sentences.
        text = re.sub(r"https?://\S+|\b[\w.-]+\.(?:gov|org|ie|uk|es|eu|ca|fr|de)\b\S*", "address", text)
        text = re.sub(r"§+\s*[\d.()a-z]+", "section", text)
        if text:
            sentences.append(text if text[-1] in ".?!:" else text + ".")
    return "\n".join(sentences)


def texts(lang: str) -> dict[str, str]:
    """Every long text of a language, by name: each page, the question bank, the rights boxes."""
    found = {f"page {name}": plain_text(path.read_text(encoding="utf-8").partition("\n")[2])
             for name in layout.PAGES if (path := layout.page_path(CONTENT, lang, name)).exists()}
    bank = layout.read_optional(layout.question_texts_path(CONTENT, lang))
    found["question bank"] = plain_text("\n\n".join(v for q in bank.values() for v in q.values()))
    rights = layout.read_optional(layout.rights_path(CONTENT, lang))
    rights.pop(layout.LAW_NAMES, None)
    notes = [*(rights.pop(layout.NOTES, None) or {}).values(), *(rights.pop(layout.FINDING_OUT, None) or {}).values(),
             *(rights.pop(layout.BREACH, None) or {}).values()]
    found["rights boxes"] = plain_text("\n\n".join([*(v for box in rights.values() for k, v in box.items()
                                                      if k not in NOT_PROSE), *notes]))
    letters = layout.read_optional(layout.letters_path(CONTENT, lang))
    letters.pop(layout.NATIONAL_LEGAL, None)  # citations, not prose
    national = [*(letters.pop(layout.NATIONAL, None) or {}).values(),
                *(letters.pop(layout.LADDER, None) or {}).values(),
                *(letters.pop(layout.ACTING, None) or {}).values()]
    found["letters"] = plain_text("\n\n".join([*(v for letter in letters.values() for k, v in letter.items()
                                                   if k not in ("legal", "legal_other")),
                                                 *national]))
    situations = layout.read_optional(layout.situations_path(CONTENT, lang))
    prose = []
    for section, entries in situations.items():
        for value in (entries or {}).values():
            parts = value.items() if isinstance(value, dict) else [("text", value)]
            for part, text in parts:
                if part != "source":
                    prose += text if isinstance(text, list) else [text]
    found["situations"] = plain_text("\n\n".join(str(text) for text in prose))
    return found


def english_grades() -> dict[str, float]:
    textstat.set_lang("en_US")
    return {name: textstat.flesch_kincaid_grade(text) for name, text in texts("en").items()}


def spanish_ease() -> dict[str, float]:
    textstat.set_lang("es")
    return {name: textstat.fernandez_huerta(text) for name, text in texts("es").items()}


def main() -> int:
    grades, ease = english_grades(), spanish_ease()
    print(f"{'text':<22} {'EN words':>8} {'EN FK grade':>12} {'ES Fernández Huerta':>20}")
    english = texts("en")
    for name in grades:
        print(f"{name:<22} {len(english[name].split()):>8} {grades[name]:>12.1f} {ease.get(name, float('nan')):>20.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
