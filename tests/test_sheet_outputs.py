"""The sheet's other forms: the PDF download, two languages side by side, the QR code."""

import io
import re

import pytest
import segno
from pypdf import PdfReader

from askfirst import pdf
from conftest import LANGUAGES, check_page, fresh_app

TYPICAL = "country=us&exam=ct&channel=portal&setting=imaging_centre&worry=sharing"


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("lang, expected", [("en", "My questions about my images"),
                                            ("ar", "أسئلتي عن صوري الطبية"),
                                            ("zh-hans", "关于我的影像")])
def test_pdf_download_of_the_sheet(client, lang, expected):
    response = client.get(f"/{lang}/sheet.pdf?{TYPICAL}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="askfirst-questions-{lang}.pdf"'
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Robots-Tag"] == "noindex"  # answers: never a search result
    pages, text = pdf_text(response.data)
    assert pages <= 2
    assert expected in text.replace("\n", "") or expected in text
    assert "ocrportal.hhs.gov" in text


# A letter of each script a shipped language writes in, which its PDF text must hold:
# drawn with an embedded font that has it, and extractable (copy, search, screen readers).
SCRIPTS = {"ko": ("Hangul", "[\uac00-\ud7a3]"), "fa": ("Persian", "[\u067e\u0686\u0698\u06af\u06a9\u06cc]"),
           "ar": ("Arabic", "[\u0627-\u064a]"), "zh-hans": ("Han", "[\u4e00-\u9fff]"),
           "ru": ("Cyrillic", "[\u0430-\u044f]"), "uk": ("Ukrainian Cyrillic", "[\u0456\u0457\u0454\u0491]"),
           "vi": ("Vietnamese", "[\u1ea0-\u1ef9]"), "pl": ("Polish", "[\u0105\u0119\u0142\u017c]")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_embeds_fonts_for_every_script(client, lang):
    sheet = check_page(client.get(f"/{lang}/sheet?{TYPICAL}"), lang=lang)
    data = client.get(f"/{lang}/sheet.pdf?{TYPICAL}").data
    reader = PdfReader(io.BytesIO(data))
    fonts = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert fonts, lang  # text is drawn with embedded fonts, not missing glyphs
    _, text = pdf_text(data)
    assert "\ufffd" not in text and "□" not in text
    title = " ".join(sheet.one("main h1").get_text().split())
    flat = "".join(text.split()).replace("\u200c", "")
    assert "".join(title.split()).replace("\u200c", "") in flat, f"{lang}: the sheet's title is not in its PDF's text"
    if lang in SCRIPTS:
        script, letters = SCRIPTS[lang]
        assert len(re.findall(letters, text)) > 100, f"{lang}: too little {script} text in the PDF"
    if lang == "ko":
        assert any("Nanum" in font for font in fonts), fonts  # a font with every Hangul syllable


def test_pdf_is_rate_limited():
    # An app of its own: its rate-limit counters must start at zero.
    client = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_PDF="1 per minute").test_client()
    assert client.get(f"/en/sheet.pdf?{TYPICAL}").status_code == 200
    assert client.get(f"/en/sheet.pdf?{TYPICAL}").status_code == 429


def test_without_weasyprint_the_pdf_is_unavailable_not_broken(client, monkeypatch):
    monkeypatch.setattr(pdf, "available", lambda: False)
    page = check_page(client.get(f"/es/sheet.pdf?{TYPICAL}"), status=503, lang="es")
    assert page.one("h1").get_text().strip() != "This is not available right now"


def test_sheet_links_to_its_pdf(fetch):
    page = fetch(f"/en/sheet?{TYPICAL}&also=fr")
    link = page.one("a[download]")
    assert link["href"] == f"/en/sheet.pdf?{TYPICAL}&also=fr"


def test_two_languages_side_by_side_the_patients_first(fetch, app):
    page = fetch(f"/es/sheet?{TYPICAL}&also=en", lang="es")
    pairs = page.select(".ask-first .pair, .then-ask .pair")
    assert len(pairs) == len(page.select(".ask-first .question:not(.echo), .then-ask .question:not(.echo)")) == \
        app.config["SHEET_MAX_QUESTIONS"]
    for pair in pairs:
        first, second = pair.find_all("div", class_="question", recursive=False)
        assert first.get("lang") is None  # the page's own language, Spanish
        assert first.select_one("input[type=checkbox]") and first.select_one(".answer-space")
        assert second["lang"] == "en" and "echo" in second["class"]
        assert not second.select("input")  # one tick box per question, on the patient's side
    assert page.soup.select_one("h3 .also")["lang"] == "en"


def test_two_languages_in_right_to_left_and_left_to_right(fetch):
    page = fetch(f"/en/sheet?{TYPICAL}&also=ar")
    echo = page.soup.select_one(".pair .echo")
    assert echo["lang"] == "ar" and echo["dir"] == "rtl"


@pytest.mark.parametrize("also", ["es", "", "xx", "<b>", "en-GB"])
def test_second_language_must_be_a_real_other_language(fetch, also):
    page = fetch(f"/es/sheet?{TYPICAL}&also={also}", lang="es")
    assert bool(page.select(".pair")) == (also not in ("es", "", "xx", "<b>", "en-GB"))


def test_review_offers_the_other_languages_and_keeps_the_choice(fetch):
    page = fetch("/es/check/review?country=es&also=fr", lang="es")
    options = {o["value"]: o for o in page.select("select#also option")}
    assert "" in options and "es" not in options and {"en", "fr", "ar", "zh-hans"} <= set(options)
    assert options["fr"].has_attr("selected")
    assert options["ar"]["lang"] == "ar"
    assert page.one("form[method=get]")["action"] == "/es/sheet"


def test_qr_code_links_to_the_explanations_in_the_same_language(app_with):
    client = app_with(PUBLIC_BASE_URL="https://askfirst.example").test_client()
    page = check_page(client.get(f"/fr/sheet?{TYPICAL}"), lang="fr")
    block = page.one(".qr-block")
    assert block.select_one(".url").get_text() == "https://askfirst.example/fr/why"
    expected = segno.make("https://askfirst.example/fr/why", error="m")
    assert str(block.svg.path["d"]) in expected.svg_inline(scale=2, border=2, svgclass="qr", lineclass=None)
    assert block.svg["aria-hidden"] == "true"


# --- the paper: Letter in the United States and Canada, A4 elsewhere, and the patient's choice

LETTER, A4 = (612, 792), (595, 842)  # in points


def page_sizes(data: bytes) -> set[tuple[int, int]]:
    return {(round(float(page.mediabox.width)), round(float(page.mediabox.height)))
            for page in PdfReader(io.BytesIO(data)).pages}


@pytest.mark.parametrize("query, paper", [
    ("country=us", "letter"), ("country=ca&province=on", "letter"), ("country=ca", "letter"),
    ("country=de", "a4"), ("country=gb", "a4"), ("country=other", "a4"), ("country=unsure", "a4"), ("", "a4"),
    ("country=us&paper=a4", "a4"), ("country=fr&paper=letter", "letter"), ("country=ca&paper=legal", "letter"),
])
def test_the_sheet_names_its_paper(fetch, query, paper):
    page = fetch(f"/en/sheet?{query}")
    assert page.one("article.sheet")["class"] == ["sheet", f"paper-{paper}"]
    choice = page.one(".paper-choice")
    assert choice["role"] == "group" and page.one("#paper-label").get_text() == "Paper size:"
    assert choice.select_one("strong[aria-current=true]").get_text() == {"a4": "A4", "letter": "Letter"}[paper]
    other = "letter" if paper == "a4" else "a4"
    (link,) = choice.select("a")
    assert link["href"].endswith(f"paper={other}")


def test_the_paper_choice_travels_in_the_sheets_own_links(fetch):
    page = fetch(f"/en/sheet?{TYPICAL}&also=fr&paper=a4")
    assert page.one("a[download]")["href"] == f"/en/sheet.pdf?{TYPICAL}&also=fr&paper=a4"
    assert page.one(".paper-choice a")["href"] == f"/en/sheet?{TYPICAL}&also=fr&paper=letter"
    assert page.one(".more-questions a")["href"] == f"/en/sheet?{TYPICAL}&also=fr&paper=a4&more=1"
    more = fetch(f"/en/sheet?{TYPICAL}&more=1&paper=a4")
    assert more.one(".paper-choice a")["href"] == f"/en/sheet?{TYPICAL}&more=1&paper=letter"
    assert more.one("a[download]")["href"] == f"/en/sheet.pdf?{TYPICAL}&paper=a4&more=1"
    # Without a choice, the links name no paper: the country decides.
    plain = fetch(f"/en/sheet?{TYPICAL}")
    assert plain.one("a[download]")["href"] == f"/en/sheet.pdf?{TYPICAL}"


def test_in_kiosk_mode_the_paper_choice_is_posted(client):
    page = check_page(client.post("/kiosk/en/sheet", data={"country": "us", "exam": "mri", "paper": "a4"}))
    assert page.one("article.sheet")["class"] == ["sheet", "paper-a4"]
    form = page.one(".paper-choice form.go")
    assert form["method"] == "post" and form["action"] == "/kiosk/en/sheet"
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert fields == {"country": "us", "exam": "mri", "paper": "letter", "show": "1"}
    assert not page.select(".paper-choice a")


@pytest.mark.parametrize("lang, query, size", [
    ("en", TYPICAL, LETTER), ("es", "country=ca&province=qc&exam=mri", LETTER), ("de", "country=de&exam=mri", A4),
    ("ar", "country=gb&exam=ct", A4), ("en", f"{TYPICAL}&paper=a4", A4), ("zh-hans", "country=fr&paper=letter", LETTER),
])
def test_the_pdf_is_on_the_sheets_paper(client, lang, query, size):
    response = client.get(f"/{lang}/sheet.pdf?{query}")
    assert response.status_code == 200
    assert page_sizes(response.data) == {size}
