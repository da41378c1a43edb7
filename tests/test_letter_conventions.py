"""Each language's letters are written the way a formal request is written there (issue 12,
item 1): its salutation and closing, its way of citing a law and its parts, and no English
left inside a translated letter. Checked on the letter a patient in Spain gets (the GDPR
letter), as the page shows it, with its legal line."""

import re

import pytest

from askfirst.i18n import tag
from conftest import check_page

# language -> (words that open or greet, the closing, how it cites Art. 12(3) GDPR)
CONVENTIONS = {
    "en": ("Dear data protection officer,", "Sincerely,", r"Art\. 12\(3\)"),
    "de": ("Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen", r"Art\. 12 Abs\. 3 DSGVO"),
    "fr": ("Madame, Monsieur,", "Je vous prie d'agréer", r"article 12, paragraphe 3, du RGPD"),
    "es": ("Estimado/a", "Atentamente,", r"art\. 12\.3"),
    "pt-br": ("Prezado(a)", "Atenciosamente,", r"art\. 12, nº 3"),
    "zh-hans": ("尊敬的", "此致", r"第12条第3款"),
    "vi": ("Kính gửi", "Trân trọng", r"khoản 3 Điều 12"),
    "ar": ("تحية طيبة وبعد", "وتفضلوا بقبول فائق الاحترام", r"الفقرة 3 من المادة 12"),
    # A Danish formal letter opens with no greeting: the "Att.:" line addresses it.
    "da": ("Att.:", "Med venlig hilsen", r"art\. 12, stk\. 3"),
    "it": ("Gentile Responsabile della protezione dei dati,", "Distinti saluti", r"art\. 12, par\. 3, GDPR"),
    "pl": ("Szanowni Państwo,", "Z poważaniem", r"art\. 12 ust\. 3 RODO"),
    "ru": ("Уважаемые дамы и господа!", "С уважением,", r"п\. 3 ст\. 12 GDPR"),
    "uk": ("Шановні пані та панове!", "З повагою,", r"п\. 3 ст\. 12 GDPR"),
    "ko": ("안녕하십니까.", "감사합니다.", r"제12조 제3항"),
    "tl": ("Mahal na Opisyal sa Proteksiyon ng Datos:", "Lubos na gumagalang,", r"Artikulo 12\(3\)"),
    # Persian: the article's number in the Persian sentence, the law's name in Latin letters.
    "fa": ("با سلام و احترام،", "با احترام،", r"بند 3 مادهٔ 12 GDPR"),
}
# English words that have no place in a translated letter (names of laws and bodies aside).
ENGLISH = re.compile(r"\b(Dear|Sincerely|please|the|and|your|Legal basis|request)\b")


def letter(client, lang, query="country=es&want=dicom&want=recipients&by=post"):
    """The letter's body, the line under it (empty for a letter after the request), and
    the letter's section."""
    page = check_page(client.get(f"/{lang}/next-steps?{query}"), lang=lang)
    section = page.one("section.letter")
    legal = section.select_one(".letter-legal")
    return (" ".join(section.select_one(".letter-body").get_text(" ").split()),
            " ".join(legal.get_text(" ").split()) if legal else "", section)


@pytest.mark.parametrize("lang", CONVENTIONS)
def test_the_letter_greets_closes_and_cites_as_that_language_does(client, lang):
    opening, closing, citation = CONVENTIONS[lang]
    body, legal, section = letter(client, lang)
    assert opening in body and closing in body
    assert body.index(opening) < body.index(closing)
    assert re.search(citation, legal), legal
    # The law is cited in the line under the letter, not in its sentences.
    assert not re.search(citation, body)
    assert section["lang"] == tag(lang)


@pytest.mark.parametrize("lang", [lang for lang in CONVENTIONS if lang != "en"])
@pytest.mark.parametrize("query", ["country=es&want=dicom&want=recipients&by=post", "person=other&country=fr",
                                   "person=child&country=us&state=ca", "country=gb&stage=followup&received=2026-11-02"])
def test_no_english_is_left_inside_a_translated_letter(client, lang, query):
    body, _legal, _section = letter(client, lang, query)
    found = ENGLISH.findall(body)
    assert not found, (found, body[:400])


def test_an_arabic_letter_is_right_to_left_with_its_citations_in_arabic_words(client):
    body, legal, section = letter(client, "ar")
    assert section["dir"] == "rtl" and section["lang"] == "ar"
    assert legal.startswith("الأساس القانوني")
