"""The waiting-room poster (issue 15, item 7): a Print button and a PDF; the clinic's name and
country from the page as well as from the settings; the languages that do not fit named,
not dropped; and a warning when its codes would lead to an address that phones cannot open."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from askfirst.local_address import THIS_COMPUTER, THIS_NETWORK, reach
from askfirst.qr import qr_svg
from conftest import check_page, fresh_app

PUBLIC = "https://askfirst.example"


# --- the address its codes lead to ------------------------------------------------------------

@pytest.mark.parametrize("address, expected", [
    ("http://127.0.0.1:5000", THIS_COMPUTER), ("http://127.8.9.10", THIS_COMPUTER),
    ("http://localhost:8000", THIS_COMPUTER), ("http://[::1]:8000", THIS_COMPUTER),
    ("http://0.0.0.0:5000", THIS_COMPUTER), ("http://askfirst.localhost", THIS_COMPUTER),
    ("http://10.0.0.5", THIS_NETWORK), ("http://172.16.0.1", THIS_NETWORK), ("http://172.31.255.254", THIS_NETWORK),
    ("http://192.168.1.20:8000", THIS_NETWORK), ("http://clinic-pc.local", THIS_NETWORK),
    ("http://askfirst", THIS_NETWORK), ("http://169.254.10.1", THIS_NETWORK), ("http://[fd00::5]", THIS_NETWORK),
    ("https://askfirst.example", None), ("http://172.32.0.1", None), ("https://203.0.113.7.nip.example", None),
    ("http://8.8.8.8", None),
])
def test_which_addresses_only_this_computer_or_network_can_open(address, expected):
    assert reach(address) == expected


@pytest.mark.parametrize("address, warned", [
    (None, "Only this computer can open that address"),  # no ASKFIRST_PUBLIC_BASE_URL: 127.0.0.1:5000
    ("http://localhost:8000", "Only this computer can open that address"),
    ("http://192.168.1.20:8000", "Only devices on this local network can open that address"),
    ("http://askfirst", "Only devices on this local network can open that address"),
    ("https://askfirst.example", None),
    ("https://clinic.example.org", None),
])
def test_the_poster_warns_when_phones_could_not_open_its_code(app_with, address, warned):
    app = app_with(**({"PUBLIC_BASE_URL": address} if address else {}))
    page = check_page(app.test_client().get("/en/poster?for=clinic"))
    warnings = page.select(".warning")
    if warned is None:
        assert warnings == []
        return
    text = " ".join(warnings[0].get_text(" ").split())
    assert warned in text
    assert f"leads to {app.config['PUBLIC_BASE_URL']}" in text
    assert "ASKFIRST_PUBLIC_BASE_URL" in text  # what to set
    assert "no-print" in warnings[0]["class"]  # on the screen, never on the poster


# --- languages ----------------------------------------------------------------------------

def test_languages_that_do_not_fit_are_named_not_dropped(client):
    page = check_page(client.get("/en/poster?langs=en,es,fr,de,vi,ar&for=clinic"))
    assert [block["lang"] for block in page.select(".poster-block")] == ["en", "es", "fr", "de"]
    notice = page.one('.notice[role="status"]')
    text = " ".join(notice.get_text(" ").split())
    assert "at most 4 languages" in text
    assert [span["lang"] for span in notice.select("span[lang]")] == ["vi", "ar"]
    assert "Tiếng Việt" in text and "العربية" in text
    # A second poster in the languages left out, the same kind of poster.
    second = notice.select_one("a")["href"]
    assert second == "/en/poster?langs=vi,ar&for=clinic"
    assert [block["lang"] for block in check_page(client.get(second)).select(".poster-block")] == ["vi", "ar"]
    # What the clinic chose stays chosen in the form.
    assert [box["value"] for box in page.select("input[name=langs][checked]")] == ["en", "es", "fr", "de", "vi", "ar"]


def test_a_poster_that_fits_says_nothing_about_languages(client):
    assert not check_page(client.get("/en/poster?langs=en,es,fr,de")).select('.notice[role="status"]')


# --- the clinic's name and country ------------------------------------------------------------

def code_of(app, url: str) -> str:
    with app.test_request_context("/"):
        return str(BeautifulSoup(str(qr_svg(url)), "html.parser").select_one("svg"))


def test_the_clinics_name_and_country_from_the_page(app_with):
    app = app_with(PUBLIC_BASE_URL=PUBLIC)
    query = "for=clinic&langs=en,de&name=  St. Mary's   Imaging &country=de"
    page = check_page(app.test_client().get(f"/en/poster?{query}"))
    assert page.one(".poster-clinic").get_text() == "St. Mary's Imaging"
    assert page.one("input#name")["value"] == "St. Mary's Imaging"
    assert page.one("#country option[selected]")["value"] == "de"
    for block, lang in zip(page.select(".poster-block"), ["en", "de"], strict=True):
        target = f"{PUBLIC}/{lang}/check?country=de"
        assert block.select_one(".url").get_text() == target
        assert str(block.select_one("svg.qr")) == code_of(app, target)
    assert "paper-a4" in page.one("article.poster")["class"]


def test_the_clinics_name_and_country_from_the_settings_unless_the_page_says_otherwise(app_with):
    client = app_with(PUBLIC_BASE_URL=PUBLIC, CLINIC_NAME="Riverside Imaging", DEFAULT_COUNTRY="us").test_client()
    page = check_page(client.get("/en/poster?for=clinic"))
    assert page.one(".poster-clinic").get_text() == "Riverside Imaging"
    assert page.one(".poster-block .url").get_text() == f"{PUBLIC}/en/check?country=us"
    assert "paper-letter" in page.one("article.poster")["class"]  # the country's paper
    other = check_page(client.get("/en/poster?for=clinic&name=Lakeside+Clinic&country=ca"))
    assert other.one(".poster-clinic").get_text() == "Lakeside Clinic"
    assert other.one(".poster-block .url").get_text() == f"{PUBLIC}/en/check?country=ca"


def test_without_a_country_the_code_and_paper_are_as_before(client):
    page = check_page(client.get("/en/poster?for=clinic&country=zz&name="))
    assert page.one(".poster-block .url").get_text().endswith("/en/check")
    assert not [name for name in page.one("article.poster")["class"] if name.startswith("paper-")]
    assert not page.select(".poster-clinic")


def test_a_long_name_is_cut_to_what_fits(client):
    page = check_page(client.get(f"/en/poster?name={'A' * 500}"))
    assert len(page.one(".poster-clinic").get_text()) == 100


# --- printing -----------------------------------------------------------------------------

def test_the_poster_has_a_print_button_and_a_pdf(client):
    page = check_page(client.get("/en/poster?langs=en,es&for=clinic&name=Riverside"))
    help_box = page.one("#print-help")
    assert help_box["data-label"] == "Print this poster"  # static/print.js makes the button from it
    assert "Ctrl and P" in help_box.get_text()  # and without JavaScript, how to print
    assert page.select('script[src^="/static/print.js"]')
    assert page.one("a[download]")["href"] == "/en/poster.pdf?langs=en,es&for=clinic&name=Riverside"


def test_the_poster_pdf_is_a_one_page_pdf_with_the_clinics_name(client):
    response = client.get("/en/poster.pdf?langs=en,es,ar,zh-hans&for=clinic&name=Riverside+Imaging&country=us")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="askfirst-poster-en.pdf"'
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    assert [round(float(side)) for side in reader.pages[0].mediabox[2:]] == [612, 792]  # Letter, for the US
    text = reader.pages[0].extract_text()
    assert "Riverside Imaging" in text
    assert "Ask us about your images" in text
    assert re.search(r"/en/check\?country=us", text.replace("\n", ""))
    assert "Languages on the poster" not in text  # the form is not in it


def test_no_poster_pdf_on_a_shared_screen(client):
    assert client.get("/kiosk/en/poster.pdf").status_code == 404
    assert not check_page(client.get("/kiosk/en/poster")).select("a[download]")


def test_the_poster_pdf_is_rate_limited_like_other_pdfs():
    client = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_PDF="1 per minute").test_client()
    assert client.get("/en/poster.pdf").status_code == 200
    assert client.get("/en/poster.pdf").status_code == 429
