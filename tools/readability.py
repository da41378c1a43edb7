"""Reading level of AskFirst's texts: `make readability` prints it; a test enforces it.

Each language is measured the way that language's plain-language writers measure it, where
a formula exists for it; where none is established, by sentence length, the one measure
that carries across languages. Headings and list items count as sentences of their own.

    en     Flesch-Kincaid grade (US school grade; the target is 8 or below)
    es     Fernández Huerta ease (0-100, higher is easier; 60-70 plain speech, above 70 easy)
    fr     Kandel-Moles ease (Flesch's formula refitted for French; same scale)
    de     Wiener Sachtextformel (a school grade, 4-15; 8 or below is plain)
    it     Gulpease index (0-100; 60 or more: readable after lower secondary school)
    pt-br  Flesch ease, Martins et al.'s Portuguese constants (0-100; 50-75 "fácil")
    ru     Flesch ease, Oborneva's Russian constants (0-100; higher is easier)
    pl     FOG-PL, Pisarek's Polish Gunning fog (school years; 7-9 plain, up to 12 medium)
    da     LIX (Björnsson; under 35 easy, 35-44 medium)
    ar     OSMAN (an Arabic Flesch; 0-100, higher is easier)
    uk, tl  LIX (Björnsson; under 40 easy, 40-50 medium): no formula made for these languages
    fa     words per sentence: no established formula
    vi     syllables (Vietnamese words are written syllable by syllable) per sentence
    ko     eojeol (spaced units) per sentence
    zh-hans characters per sentence
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
    for entries in situations.values():
        for value in (entries or {}).values():
            parts = value.items() if isinstance(value, dict) else [("text", value)]
            for part, text in parts:
                if part != "source" and isinstance(text, (str, list)):
                    prose += text if isinstance(text, list) else [text]
    found["situations"] = plain_text("\n\n".join(str(text) for text in prose))
    return found


def english_grades() -> dict[str, float]:
    textstat.set_lang("en_US")
    return {name: textstat.flesch_kincaid_grade(text) for name, text in texts("en").items()}


def spanish_ease() -> dict[str, float]:
    textstat.set_lang("es")
    return {name: textstat.fernandez_huerta(text) for name, text in texts("es").items()}


# A sentence ends at . ! ? : (and Arabic and Persian ؟) before a space, or at Chinese 。！？：,
# which need none (plain_text ends every block with one).
SENTENCE_ENDS = re.compile(r"[.!?:\u061f]+(?:\s|$)|[\u3002\uff01\uff1f\uff1a]+\.?")


def _sentences(text: str) -> int:
    return max(1, len(SENTENCE_ENDS.findall(text)))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:[\u200c'’-][^\W\d_]+)*", text)


def words_per_sentence(text: str) -> float:
    return len(_words(text)) / _sentences(text)


def lix(text: str) -> float:
    words = _words(text)
    return len(words) / _sentences(text) + 100 * sum(len(word) > 6 for word in words) / max(1, len(words))


def characters_per_sentence(text: str) -> float:
    return len(re.sub(r"[\s\W\d_]", "", text)) / _sentences(text)


def _with(lang: str, formula):
    def measure(text: str) -> float:
        textstat.set_lang(lang)
        return formula(text)
    return measure


def _flesch(base: float, per_sentence: float, per_syllable: float, lang: str):
    def measure(text: str) -> float:
        textstat.set_lang(lang)
        words = _words(text)
        syllables = sum(textstat.syllable_count(word) for word in words) / max(1, len(words))
        return base - per_sentence * len(words) / _sentences(text) - per_syllable * syllables
    return measure


def fog_pl(text: str) -> float:
    textstat.set_lang("pl")
    words = _words(text)
    hard = sum(textstat.syllable_count(word) >= 4 for word in words)  # Pisarek: four syllables or more
    return 0.4 * (len(words) / _sentences(text) + 100 * hard / max(1, len(words)))


# language -> (the measure's name, the measure, what a plain text reaches, the bound a test
# holds all of that language's texts to where the measure has an established scale, and
# whether a higher figure is easier)
MEASURES = {
    "en": ("Flesch-Kincaid grade", _with("en_US", textstat.flesch_kincaid_grade), "8 or below", 8, False),
    "es": ("Fernández Huerta", _with("es", textstat.fernandez_huerta), "60 or more", 60, True),
    "fr": ("Kandel-Moles", _flesch(207, 1.015, 73.6, "fr"), "60 or more", 60, True),
    "de": ("Wiener Sachtextformel", _with("de", lambda text: textstat.wiener_sachtextformel(text, 1)), "8 or below", 8,
           False),
    "it": ("Gulpease", _with("it", textstat.gulpease_index), "60 or more", 60, True),
    "pl": ("FOG-PL (Pisarek)", fog_pl, "9 or below", 9, False),
    "da": ("LIX", lix, "under 35 easy", 35, False),
    "pt-br": ("Flesch (Martins)", _flesch(248.835, 1.015, 84.6, "pt_BR"), "50 or more", 50, True),
    "ru": ("Flesch (Oborneva)", _flesch(206.835, 1.3, 60.1, "ru"), "60 or more", 60, True),
    "uk": ("LIX", lix, "40-50 medium", None, False),
    "vi": ("syllables per sentence", words_per_sentence, "about 15 or fewer", None, False),
    "tl": ("LIX", lix, "40-50 medium", None, False),
    "ko": ("eojeol per sentence", words_per_sentence, "about 10 or fewer", None, False),
    "zh-hans": ("characters per sentence", characters_per_sentence, "about 25 or fewer", None, False),
    "ar": ("OSMAN", textstat.osman, "higher is easier", None, True),
    "fa": ("words per sentence", words_per_sentence, "about 15 or fewer", None, False),
}


def measures(lang: str) -> dict[str, float]:
    """Each text of a language (and "all" of them) by that language's measure."""
    _, measure, _, _, _ = MEASURES[lang]
    found = texts(lang)
    return {"all": measure("\n".join(found.values())), **{name: measure(text) for name, text in found.items()}}


def main() -> int:
    names = list(texts("en"))
    print(f"{'lang':<8} {'measure':<24} {'plain is':<18} {'all':>6} " + " ".join(f"{name[:9]:>9}" for name in names))
    for lang, (label, _, plain, _, _) in MEASURES.items():
        if not (layout.SHIPPED / lang).is_dir():
            continue
        found = measures(lang)
        print(f"{lang:<8} {label:<24} {plain:<18} {found['all']:>6.1f} "
              + " ".join(f"{found.get(name, float('nan')):>9.1f}" for name in names))
    print(f"\n{'text':<22} {'EN words':>8}")
    english = texts("en")
    for name in names:
        print(f"{name:<22} {len(english[name].split()):>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
