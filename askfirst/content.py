"""Everything under content/, read and rendered once at start-up.

Pages are Markdown, one file per language and page; question texts and rights boxes are
YAML. A piece missing in a language falls back to English, and `missing()` says which
pieces do, so that a test can list them. No Flask here either: the app holds one
Library and hands out what it has rendered.
"""

import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path

import markdown
from babel import Locale
from markdown.inlinepatterns import InlineProcessor
from markupsafe import Markup

from . import content_layout as layout
from .bank import Question, parse_rules
from .content_checks import check_content
from .content_layout import (
    BREACH,
    FINDING_OUT,
    LADDER,
    LADDER_PARTS,
    LAW_NAMES,
    LETTER_OPTIONAL_PARTS,
    LETTER_PARTS,
    NATIONAL,
    NOTES,
    PAGES,
    QUESTION_PARTS,
    RIGHTS_PARTS,
)
from .places import PLACES

FALLBACK = layout.SOURCE_LANGUAGE
MARKDOWN_EXTENSIONS = ("tables", "def_list", "sane_lists", "attr_list")
# Phone numbers like 1-800-368-1019: digits and dashes that right-to-left text would
# otherwise reorder into 1019-368-800-1.
PHONE_NUMBER = r"(?<![\w/.-])\+?\d[\d]*(?:[-\u2011 ]\d+){2,}(?![\w/-])"


class _IsolatePhoneNumbers(InlineProcessor):
    def handleMatch(self, match, data):
        element = etree.Element("bdi")
        element.set("dir", "ltr")
        element.text = match.group(0)
        return element, match.start(0), match.end(0)


class IsolateNumbers(markdown.Extension):
    """Wraps phone numbers in <bdi dir="ltr"> so that they read left to right in any script."""

    def extendMarkdown(self, md):
        md.inlinePatterns.register(_IsolatePhoneNumbers(PHONE_NUMBER, md), "isolate_phone_numbers", 5)


# A citation or name in Latin letters inside right-to-left text: "45 CFR §164.524(c)(2)",
# "UK GDPR", "Art. 15(3)", "ss.23 and 54". Left alone, the bidi algorithm lays out its
# numbers and its words as separate runs in right-to-left order, so that a reader sees
# "CFR §164.524 45" or "(3)15 .Art". Isolated, it reads as written, as one word of the
# sentence. A run starts with a Latin letter, a digit or §, and ends with a letter, a
# digit or a closing bracket; a lone word ("HIPAA") or number ("30") needs no isolation.
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # accents too: "Code de la santé publique"
LATIN_RUN = re.compile(rf"[{LATIN}0-9§][{LATIN}0-9§.,:;()/\-\u2013'\u2019 ]*[{LATIN}0-9)]")
NEEDS_ISOLATION = re.compile(rf"[{LATIN}§].*[^{LATIN}]|[^{LATIN}].*[{LATIN}§]", re.S)
LEADING_NUMBER = re.compile(r"\d+ (?!CFR\b|U\.S\.C\.)")
LRI, PDI = "\u2066", "\u2069"  # Unicode's left-to-right isolate: for plain text (letters)


def latin_runs(text: str):
    """The (start, end) of each run in `text` that right-to-left text must isolate."""
    for found in LATIN_RUN.finditer(text):
        start, end = found.span()
        run = text[start:end]
        while run.endswith(")") and run.count(")") > run.count("("):  # "(45 CFR §164.524)"
            run, end = run[:-1].rstrip(), start + len(run[:-1].rstrip())
        # A number before a law's name belongs to the right-to-left sentence ("مادهٔ 12
        # GDPR": article 12 of the GDPR), except a US title number, which is part of the
        # citation ("45 CFR").
        lead = LEADING_NUMBER.match(run)
        if lead:
            run, start = run[lead.end():], start + lead.end()
        if NEEDS_ISOLATION.search(run):
            yield start, end


def isolate_plain(text: str) -> str:
    """Plain text for right-to-left languages (a letter, which also goes into an e-mail and
    a calendar file, where no markup survives): each Latin run between LRI and PDI."""
    pieces, last = [], 0
    for start, end in latin_runs(text):
        pieces += [text[last:start], LRI, text[start:end], PDI]
        last = end
    return "".join(pieces) + text[last:]


# Markdown's placeholders for what it has already rendered (a link, an emphasis) are
# Latin letters and digits between STX and ETX: matched whole, so as to be stepped over.
PLACEHOLDER_OR_LATIN_RUN = rf"{markdown.util.STX}[^{markdown.util.ETX}]*{markdown.util.ETX}|{LATIN_RUN.pattern}"


class _IsolateLatinRuns(InlineProcessor):
    def handleMatch(self, match, data):
        if match.group(0).startswith(markdown.util.STX):
            return None, None, None
        runs = list(latin_runs(match.group(0)))
        if not runs:
            return None, None, None
        start, end = runs[0]
        element = etree.Element("bdi")
        element.set("dir", "ltr")
        element.text = match.group(0)[start:end]
        return element, match.start(0) + start, match.start(0) + end


class IsolateLatinRuns(markdown.Extension):
    """Wraps Latin citations in <bdi dir="ltr">: only in right-to-left languages' texts."""

    def extendMarkdown(self, md):
        md.inlinePatterns.register(_IsolateLatinRuns(PLACEHOLDER_OR_LATIN_RUN, md), "isolate_latin_runs", 4)


def is_right_to_left(lang: str) -> bool:
    return Locale.parse(lang, sep="-").text_direction == "rtl"


@dataclass(frozen=True)
class Page:
    name: str
    lang: str  # the language the text is in, which differs from the URL's on fallback
    title: str
    html: Markup
    # What search results show under the title: the page's first paragraph (see lede).
    description: str = ""


@dataclass(frozen=True)
class Texts:
    lang: str
    parts: dict[str, Markup]


@lru_cache(maxsize=2)
def _converter(right_to_left: bool) -> markdown.Markdown:
    # One converter per direction, reset between texts: building one per text took a
    # second at start-up (some 3,000 texts). Rendering happens only while the Library
    # loads, in one thread.
    extensions = [*MARKDOWN_EXTENSIONS, IsolateNumbers(), *([IsolateLatinRuns()] if right_to_left else [])]
    return markdown.Markdown(extensions=extensions)


def render_markdown(text: str, right_to_left: bool = False) -> Markup:
    converter = _converter(right_to_left)
    converter.reset()
    return Markup(converter.convert(text))


def render_inline(text: str, right_to_left: bool = False) -> Markup:
    """Markdown for a short text inside a sentence-sized box: no wrapping paragraph."""
    html = str(render_markdown(text, right_to_left)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


# A link to another site or an e-mail address, as Markdown renders it.
EXTERNAL_LINK = re.compile(r'<a href="(?:https?:|mailto:)[^"]*"[^>]*>(.*?)</a>', re.S)


def without_external_links(html: Markup) -> Markup:
    """Links that would leave the site, as plain text: the address stays readable. The
    same object back where there is none: the kiosk's copy of each kept part then costs
    no memory (most parts have no outside link; every page worker holds them all)."""
    stripped = EXTERNAL_LINK.sub(r"\1", str(html))
    return html if stripped == html else Markup(stripped)


# A page's description for search results is its first paragraph, written for people
# already, in the page's own language: in whole sentences, as many as fit in about what a
# results page shows (a character of Chinese, as wide as two of Latin, counts twice).
DESCRIPTION_WIDTH = 160
FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
# A sentence ends at . ! ? or ؟ and a space before anything but a digit or a small letter
# ("Art. 38(4)", "e.g. a"), or at once after 。！？, which need no space.
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+(?![\da-z])|(?<=[。！？])")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def lede(html: Markup) -> str:
    """The first paragraph of a page as plain text, cut after the last whole sentence that
    fits in DESCRIPTION_WIDTH (the first sentence, however long)."""
    found = FIRST_PARAGRAPH.search(str(html))
    if not found:
        return ""
    text = Markup(found.group(1)).striptags()
    ends = [end.start() for end in SENTENCE_END.finditer(text)] + [len(text)]
    fitting = [end for end in ends if _width(text[:end]) <= DESCRIPTION_WIDTH]
    return text[:max(fitting, default=ends[0])].strip()


def load_page(path: Path, name: str, lang: str) -> Page:
    text = path.read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    if not first.startswith("# "):
        raise ValueError(f"{path}: a page must start with a '# Title' line")
    html = render_markdown(body, is_right_to_left(lang))
    return Page(name=name, lang=lang, title=first[2:].strip(), html=html, description=lede(html))


class Library:
    def __init__(self, content_dir: Path, languages: list[str]):
        self.languages = list(dict.fromkeys([FALLBACK, *languages]))
        # Each YAML file parsed once, for the checks and then here: nothing below may
        # change what it returns. A mistake anywhere stops start-up, listing them all.
        read = cache(layout.read_optional)
        check_content(content_dir, self.languages, read=read)
        self.bank: tuple[Question, ...] = parse_rules(read(layout.bank_path(content_dir)))
        self._pages: dict[tuple[str, str], Page] = {}
        self._questions: dict[tuple[str, str], Texts] = {}
        self._rights: dict[tuple[str, str], Texts] = {}
        self._notes: dict[tuple[str, str], Markup] = {}
        self._finding_out: dict[tuple[str, str], Markup] = {}
        self._breach: dict[tuple[str, str], Markup] = {}
        self._law_names: dict[tuple[str, str], dict] = {}
        self._letters: dict[tuple[str, str], Texts] = {}
        self._national: dict[tuple[str, str], str] = {}
        self._ladder: dict[tuple[str, str], Texts] = {}
        self._acting: dict[str, dict[str, str]] = {}
        self._national_legal: dict[tuple[str, str], str] = {}  # lang -> who writes for someone else
        # (section, place key, lang) -> that place's texts; (SHEET_HELP, part, lang) -> text
        self._situations: dict[tuple[str, str, str], object] = {}
        for lang in self.languages:
            # Right-to-left languages isolate Latin citations (see LATIN_RUN): in markup
            # for texts shown as HTML, with Unicode's isolates in the plain-text letters.
            right_to_left = is_right_to_left(lang)
            inline = partial(render_inline, right_to_left=right_to_left)
            plain = isolate_plain if right_to_left else str
            for name in PAGES:
                path = layout.page_path(content_dir, lang, name)
                if path.exists():
                    self._pages[name, lang] = load_page(path, name, lang)
            for qid, parts in read(layout.question_texts_path(content_dir, lang)).items():
                self._questions[qid, lang] = Texts(lang, {
                    part: inline(parts[part]) for part in QUESTION_PARTS if parts.get(part)})
            rights = read(layout.rights_path(content_dir, lang))
            for place, note in (rights.get(NOTES) or {}).items():
                self._notes[place, lang] = inline(note)
            for question, note in (rights.get(FINDING_OUT) or {}).items():
                self._finding_out[question, lang] = inline(note)
            for texts_id, text in (rights.get(BREACH) or {}).items():
                self._breach[texts_id, lang] = inline(text)
            for law_id, names in (rights.get(LAW_NAMES) or {}).items():
                self._law_names[law_id, lang] = names
            for texts_id, parts in rights.items():
                if texts_id in (NOTES, FINDING_OUT, BREACH, LAW_NAMES):
                    continue
                self._rights[texts_id, lang] = Texts(lang, {
                    part: inline(parts[part]) for part in RIGHTS_PARTS if parts.get(part)})
            situations = read(layout.situations_path(content_dir, lang))
            for section in layout.PLACE_SECTIONS:
                for place, parts in (situations.get(section) or {}).items():
                    self._situations[section, place, lang] = {
                        part: ([inline(item) for item in value] if isinstance(value, list)
                               else inline(value) if isinstance(value, str) else value)
                        for part, value in parts.items()}
            for part, value in (situations.get(layout.SHEET_HELP) or {}).items():
                self._situations[layout.SHEET_HELP, part, lang] = (
                    {region: inline(text) for region, text in value.items()} if isinstance(value, dict)
                    else inline(value))
            # Letters stay plain text: they also go into an e-mail and a calendar file.
            letters = read(layout.letters_path(content_dir, lang))
            for country, paragraph in (letters.get(NATIONAL) or {}).items():
                self._national[country, lang] = plain(paragraph.strip())
            for country, line in (letters.get(layout.NATIONAL_LEGAL) or {}).items():
                self._national_legal[country, lang] = plain(line.strip())
            if letters.get(layout.ACTING):
                self._acting[lang] = {part: plain(str(text).strip()) for part, text in letters[layout.ACTING].items()}
            if letters.get(LADDER):
                self._ladder[LADDER, lang] = Texts(lang, {
                    part: plain(letters[LADDER][part].strip()) for part in LADDER_PARTS if letters[LADDER].get(part)})
            for letter_id, parts in letters.items():
                if letter_id in (NATIONAL, LADDER, layout.ACTING, layout.NATIONAL_LEGAL):
                    continue
                self._letters[letter_id, lang] = Texts(lang, {part: plain(parts[part].strip())
                                                              for part in (*LETTER_PARTS, *LETTER_OPTIONAL_PARTS)
                                                              if parts.get(part)})

        # Worked out once: a sheet asks it per request.
        self._situation_keys = {section: tuple(key for kind, key, lang in self._situations
                                               if kind == section and lang == FALLBACK)
                                for section in layout.PLACE_SECTIONS}

    def _pick(self, store: dict, key: str, lang: str):
        return store.get((key, lang)) or store.get((key, FALLBACK))

    def page(self, name: str, lang: str) -> Page | None:
        return self._pick(self._pages, name, lang)

    def question(self, qid: str, lang: str) -> Texts | None:
        return self._pick(self._questions, qid, lang)

    def rights(self, texts_id: str, lang: str) -> Texts | None:
        return self._pick(self._rights, texts_id, lang)

    def note(self, place: str, lang: str) -> Markup | None:
        """A place's own note in its rights box (`de`, `ca-nu`), if it has one."""
        return self._pick(self._notes, place, lang)

    def finding_out(self, question: str, lang: str) -> Markup | None:
        """How to find out what the patient was not sure of (`land`, `diocese`)."""
        return self._pick(self._finding_out, question, lang)

    def breach(self, texts_id: str, lang: str) -> Markup | None:
        """What a clinic must tell its patients after a breach, under the law of this rights
        box; the general text where AskFirst has not checked it."""
        return self._pick(self._breach, texts_id, lang) or self._pick(self._breach, "other", lang)

    def breach_id(self, texts_id: str) -> str:
        """Which breach text a rights box's place shows: its own, or "other"'s where the
        English has none of its own (as `breach` picks)."""
        return texts_id if (texts_id, FALLBACK) in self._breach else "other"

    def law_name(self, law, lang: str, short: bool = False) -> str:
        """A law's name as `lang` writes it ("RGPD", "DSGVO"), from <lang>/rights.yaml
        `law_names`; laws.yaml's own name where the language gives none. `short`: its
        abbreviation if it has one."""
        names = self._law_names.get((law.id, lang)) or {}
        full, abbreviation = names.get("name") or law.name, names.get("short") or law.short
        if short:
            return abbreviation or full
        return f"{full} ({abbreviation})" if abbreviation and abbreviation not in full else full

    def letter(self, letter_id: str, lang: str) -> Texts | None:
        return self._pick(self._letters, letter_id, lang)

    def ladder(self, lang: str) -> Texts | None:
        """The follow-up, complaint and breach letters (the same for every place)."""
        return self._pick(self._ladder, LADDER, lang)

    def situation(self, section: str, keys, lang: str):
        """A place's texts in one section of situations.yaml: the first of `keys` (most
        specific first, jurisdiction.lookup_keys) that has an entry, in `lang`, else in
        English. None if none has (`other` always has, in English)."""
        for key in keys:
            found = self._situations.get((section, key, lang)) or self._situations.get((section, key, FALLBACK))
            if found:
                return found
        return None

    def situation_keys(self, section: str) -> tuple[str, ...]:
        """The places with an entry of their own in one section (in English, the source),
        in the file's order."""
        return self._situation_keys.get(section, ())

    def sheet_help(self, part: str, lang: str):
        """One of the sheet's plain help texts (situations.yaml `sheet_help`)."""
        return (self._situations.get((layout.SHEET_HELP, part, lang))
                or self._situations.get((layout.SHEET_HELP, part, FALLBACK)))

    def acting(self, person: str, lang: str) -> str:
        """The letter's paragraph on who writes for the patient (`child`, `other`)."""
        return (self._acting.get(lang) or {}).get(person) or self._acting.get(FALLBACK, {}).get(person, "")

    def national(self, country: str, lang: str) -> str | None:
        """A country's paragraph in the letter on its health-records rule, or a State's on
        its faster rule (`us-tx`), if it has one."""
        return self._pick(self._national, country, lang)

    def national_legal(self, country: str, lang: str) -> str | None:
        """The law behind that paragraph, for the line under the letter."""
        return self._pick(self._national_legal, country, lang)

    def missing(self) -> list[str]:
        """Every piece that a language lacks or has incomplete, as "lang: what" lines."""
        gaps = []
        for lang in self.languages:
            gaps += [f"{lang}: page {name}" for name in PAGES if (name, lang) not in self._pages]
            for question in self.bank:
                texts = self._questions.get((question.id, lang))
                if texts is None or set(texts.parts) != set(QUESTION_PARTS):
                    gaps.append(f"{lang}: question {question.id}")
            for texts_id in PLACES.texts_ids:
                texts = self._rights.get((texts_id, lang))
                if texts is None or set(texts.parts) != set(RIGHTS_PARTS):
                    gaps.append(f"{lang}: rights {texts_id}")
            for letter_id in PLACES.letter_ids:
                texts = self._letters.get((letter_id, lang))
                english = self._letters.get((letter_id, FALLBACK))
                wanted = set(english.parts) if english else set(LETTER_PARTS)
                if texts is None or set(texts.parts) != wanted:
                    gaps.append(f"{lang}: letter {letter_id}")
            gaps += [f"{lang}: letter paragraph acting {part}" for part in layout.ACTING_PARTS
                     if not (self._acting.get(lang) or {}).get(part)]
            ladder = self._ladder.get((LADDER, lang))
            if ladder is None or set(ladder.parts) != set(LADDER_PARTS):
                gaps.append(f"{lang}: letters after the request")
            gaps += [f"{lang}: {section} {key}" for section, key, source in self._situations
                     if source == FALLBACK and (section, key, lang) not in self._situations]
            for kind, store in (("note", self._notes), ("finding out", self._finding_out), ("breach", self._breach),
                                ("letter paragraph", self._national),
                                ("letter legal line", self._national_legal)):
                gaps += [f"{lang}: {kind} {key}" for key, source in store
                         if source == FALLBACK and (key, lang) not in store]
        return gaps
