"""The clinic on board (issue 11, item 2) and the new pages in every language (item 7): the
staff guide, the breach page and the clinic's "Ask us about your images" poster pass the
strict HTML check, are kept by no one when they carry answers, and the poster's code opens
the check at the public address."""

import pytest
from bs4 import BeautifulSoup

from askfirst.qr import qr_svg
from conftest import LANGUAGES, check_page

PUBLIC = "https://askfirst.example"


def normalized(text: str) -> str:
    return " ".join(text.split())


# --- the new pages in every language --------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["for-clinics", "breach"])
def test_the_new_pages_are_public_without_a_query_and_kept_by_no_one_with_one(client, lang, name):
    plain = client.get(f"/{lang}/{name}")
    page = check_page(plain, lang=lang)
    assert plain.headers["Cache-Control"].startswith("public, max-age=")
    assert page.one("h1").get_text().strip()
    assert not page.select("script:not([src])")  # no inline script: the page works without JavaScript
    for query in ["?utm_source=x", "?x", "?province=on"]:
        response = client.get(f"/{lang}/{name}{query}")
        assert response.status_code == 200, query
        assert response.headers["Cache-Control"] == "no-store", query


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_breach_page_with_a_place_in_every_language(client, lang):
    response = client.get(f"/{lang}/breach?country=fr")
    page = check_page(response, lang=lang)
    assert response.headers["Cache-Control"] == "no-store"
    assert page.one("section.breach-rules") and page.one("section.letter .letter-body")
    assert "CNIL" in page.one("section.rights").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_clinic_poster_in_every_language(client, lang):
    response = client.get(f"/{lang}/poster?for=clinic")
    page = check_page(response, lang=lang)
    assert response.headers["Cache-Control"] == "no-store"  # it has a query
    assert page.one("#for-clinic").has_attr("checked") and not page.one("#for-patients").has_attr("checked")
    block = page.one(".poster-block")
    assert block["lang"] == page.one("html")["lang"]
    assert block.select_one(".poster-title").get_text().strip()
    assert block.select_one(".url").get_text().endswith(f"/{lang}/check")
    assert block.select_one("svg.qr")


# --- the staff guide ------------------------------------------------------------------------

def test_the_staff_guide_grounds_itself_and_judges_no_clinic(client):
    page = check_page(client.get("/en/for-clinics"))
    text = normalized(page.words())
    for fact in ["NIST SP 1800-24", "HC3", "firewall", "VPN", "45 CFR §164.312", "business associate",
                 "GDPR Art. 28", "encrypted", "de-identified", "risk analysis"]:
        assert fact in text, fact
    assert "AskFirst does not judge whether any clinic is safe" in text
    assert not any(claim in text.lower() for claim in ["this clinic is safe", "is unsafe", "clinic is not safe"])
    # Outside kiosk mode its sources are links; on a kiosk screen they are plain text.
    assert page.select('main a[href^="https://csrc.nist.gov/"]')
    kiosk = check_page(client.get("/kiosk/en/for-clinics"))
    assert not kiosk.select('main a[href^="http"]') and "csrc.nist.gov" in kiosk.words()
    assert client.get("/kiosk/en/for-clinics").headers["Cache-Control"] == "no-store"


# --- the clinic's poster --------------------------------------------------------------------

@pytest.fixture()
def clinic_client(app_with):
    return app_with(PUBLIC_BASE_URL=PUBLIC, CLINIC_NAME="Riverside Imaging").test_client()


def test_the_clinic_poster_code_opens_the_check_at_the_public_address(app_with, clinic_client):
    app = app_with(PUBLIC_BASE_URL=PUBLIC, CLINIC_NAME="Riverside Imaging")
    page = check_page(clinic_client.get("/en/poster?for=clinic&langs=es,ar"))
    assert page.one(".poster-clinic").get_text() == "Riverside Imaging"
    blocks = page.select(".poster-block")
    assert [block["lang"] for block in blocks] == ["es", "ar"]
    for block, lang in zip(blocks, ["es", "ar"], strict=True):
        target = f"{PUBLIC}/{lang}/check"
        assert block.select_one(".url").get_text() == target
        with app.test_request_context("/"):
            expected = BeautifulSoup(str(qr_svg(target)), "html.parser").select_one("svg")
        assert str(block.select_one("svg.qr")) == str(expected)  # the code encodes exactly that address
    # The check the code opens is there, in that language.
    assert clinic_client.get("/es/check").headers["Location"] == "/es/check/person"


def test_the_clinic_poster_says_other_words_than_askfirsts(clinic_client):
    for lang in LANGUAGES:
        clinic = check_page(clinic_client.get(f"/{lang}/poster?for=clinic"), lang=lang).one(".poster-block")
        ours = check_page(clinic_client.get(f"/{lang}/poster?for=patients"), lang=lang).one(".poster-block")
        assert clinic.select_one(".poster-title").get_text() != ours.select_one(".poster-title").get_text(), lang
        texts = [[p.get_text() for p in block.select(".poster-text")] for block in (clinic, ours)]
        assert texts[0] != texts[1], lang
        # AskFirst's poster leads to the home page, the clinic's straight to the check.
        assert ours.select_one(".url").get_text() == f"{PUBLIC}/{lang}/"
        assert clinic.select_one(".url").get_text() == f"{PUBLIC}/{lang}/check"
        assert str(clinic.select_one("svg.qr")) != str(ours.select_one("svg.qr"))
    english = check_page(clinic_client.get("/en/poster?for=clinic")).one(".poster-block")
    assert english.select_one(".poster-title").get_text() == "Ask us about your images"
    assert "front desk" in english.get_text()


def test_the_clinic_poster_code_does_not_follow_the_host_header(clinic_client):
    page = check_page(clinic_client.get("/de/poster?for=clinic", headers={"Host": "evil.example"}), lang="de")
    assert page.one(".poster-block .url").get_text() == f"{PUBLIC}/de/check"
    assert "evil.example" not in page.text
