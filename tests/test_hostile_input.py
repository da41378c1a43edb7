"""Property-based tests: random and hostile values in every form field, query
parameter, URL part and header. Never a 5xx; the right 4xx; a page in the site's
layout and the request's language; nothing the request carried reflected unescaped."""

from urllib.parse import quote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from askfirst.answers import FIELD_BY_NAME, FIELDS
from askfirst.content import PAGES
from askfirst.flow import NAMES, STEPS
from askfirst.i18n import tag
from askfirst.views.errors import MESSAGES
from conftest import LANGUAGES, Page

FIELD_NAMES = [field.name for field in FIELDS]
PROBE = '<i data-probe="1">'
# Values a hostile or broken client sends: markup, traversal, nulls, control and
# right-to-left characters, huge strings, near-misses of real values.
hostile = st.one_of(
    st.text(max_size=60),
    st.sampled_from([PROBE, "../../etc/passwd", "..%2f..%2f", "\x00", "\ufeff", "\u202e", "%ff%fe",
                     "es\x00", "US", " us", "unsure" * 50, "{{ 7*7 }}", "${jndi:ldap://x}", "'; DROP TABLE"]),
    st.text(min_size=1000, max_size=5000),
    st.sampled_from([value for field in FIELDS for value in field.values]),
)
keys = st.one_of(st.sampled_from([*FIELD_NAMES, "then", "lang", "page"]), st.text(max_size=20))
query = st.lists(st.tuples(keys, hostile), max_size=12)
languages = st.sampled_from(LANGUAGES)
CHECKED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_sound(response, lang=None, allowed=(200,)):
    assert response.status_code < 500, response.status_code
    assert response.status_code in allowed, response.status_code
    assert "Set-Cookie" not in response.headers
    if response.status_code in (301, 302, 303, 308):
        return
    body = response.get_data(as_text=True)
    assert PROBE not in body and "data-probe" not in body
    assert "Traceback" not in body
    page = Page(response)
    assert page.one("main#main") and page.one("footer")
    if lang:
        assert page.one("html")["lang"] == tag(lang)


def expected_title(app, lang, code):
    with app.test_request_context(f"/{lang}/"):
        from flask import g
        g.lang = lang
        return str(MESSAGES[code][0])


@CHECKED
@given(lang=languages, step=st.sampled_from([*(s.name for s in STEPS), "review"]), args=query)
def test_any_query_on_a_step_or_review_opens_it(client, lang, step, args):
    # A step asked only for some countries (a province, a Land) sends any other country on
    # to the next step that applies.
    only_for_some = step in NAMES and FIELD_BY_NAME.get(step) is not None and FIELD_BY_NAME[step].only_for
    response = client.get(f"/{lang}/check/{step}", query_string=args)
    assert_sound(response, lang, allowed=(200, 303) if only_for_some else (200,))
    if response.status_code == 303:
        target = urlsplit(response.headers["Location"]).path.removeprefix(f"/{lang}/check/")
        assert NAMES.index(target) > NAMES.index(step)


@CHECKED
@given(lang=languages, args=query)
def test_any_query_opens_a_sheet(client, lang, args):
    response = client.get(f"/{lang}/sheet", query_string=args)
    assert_sound(response, lang)
    assert response.headers["Cache-Control"] == "no-store"


@CHECKED
@given(lang=languages, args=query)
def test_any_prepared_check_link_redirects_to_the_first_step(client, lang, args):
    response = client.get(f"/{lang}/check", query_string=args)
    assert_sound(response, allowed=(302,))
    assert response.headers["Location"].startswith(f"/{lang}/check/person")


@CHECKED
@given(lang=languages, step=st.sampled_from([s.name for s in STEPS]), form=query)
def test_any_form_post_is_accepted_or_corrected(app, client, lang, step, form):
    response = client.post(f"/{lang}/check/{step}", data=MultiDict(form))
    assert_sound(response, lang, allowed=(303, 413, 422))
    if response.status_code == 422:
        assert Page(response).one(".error-summary a")


@CHECKED
@given(raw=st.binary(max_size=300), lang=languages)
def test_invalid_utf8_in_a_form_body(client, raw, lang):
    response = client.post(f"/{lang}/check/exam", data=raw, content_type="application/x-www-form-urlencoded")
    assert_sound(response, lang, allowed=(303, 422))


@CHECKED
# The first part is never empty: "//x" would be read by the test client as a host name.
@given(first=st.one_of(st.text(min_size=1, max_size=30), st.binary(min_size=1, max_size=30)),
       rest=st.one_of(st.text(max_size=80), st.binary(max_size=80)))
def test_any_path_is_a_page_a_redirect_or_not_found(client, first, rest):
    def part(value):
        return quote(value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass"), safe="")
    response = client.get(f"/{part(first)}/{part(rest)}")
    assert_sound(response, allowed=(200, 301, 302, 308, 404))


@CHECKED
@given(lang=languages, name=st.one_of(st.sampled_from(["../app.py", "..%2Fapp.py", "%2e%2e/README.md",
                                                        "home", "questions.yaml", "../../etc/passwd"]),
                                       st.text(max_size=40)))
def test_page_names_cannot_reach_files(app, client, lang, name):
    response = client.get(f"/{lang}/{quote(name, safe='')}")
    assert_sound(response, allowed=(200, 308, 404))
    if response.status_code == 404:
        # "../x" leaves the language folder, so the page may follow the browser instead.
        titles = {expected_title(app, code, 404) for code in LANGUAGES}
        assert Page(response).one("h1").get_text().strip() in titles
        assert "create_app" not in response.get_data(as_text=True)


@CHECKED
@given(header=st.one_of(st.text(max_size=300), st.text(min_size=2000, max_size=8000),
                        st.lists(st.tuples(st.text(max_size=12), st.floats(allow_nan=True)), max_size=30)
                        .map(lambda items: ",".join(f"{t};q={q}" for t, q in items))))
def test_any_accept_language_lands_on_a_supported_language(client, header):
    # HTTP can only carry printable Latin-1 in a header; the client refuses anything else.
    safe = "".join(ch for ch in header.encode("latin-1", "ignore").decode("latin-1") if ch.isprintable())
    response = client.get("/", headers={"Accept-Language": safe})
    assert_sound(response, allowed=(302,))
    assert response.headers["Location"].strip("/") in LANGUAGES


@CHECKED
@given(lang=languages, method=st.sampled_from(["PUT", "DELETE", "PATCH", "POST"]),
       url=st.sampled_from(["/{}/", "/{}/why", "/{}/sheet", "/{}/check/review", "/{}/check"]))
def test_wrong_methods_get_405_with_allow(app, client, lang, method, url):
    if method == "POST" and url in ("/{}/why", "/{}/check"):
        return  # test_a_post_to_a_get_only_page_gets_405_with_allow: an app bug for now
    response = client.open(url.format(lang), method=method)
    assert_sound(response, lang, allowed=(405,))
    assert "GET" in response.headers["Allow"]
    assert Page(response).one("h1").get_text().strip() == expected_title(app, lang, 405)


@pytest.mark.parametrize("path", [*(f"/en/{name}" for name in sorted(set(PAGES) - {"home", "rights"})),
                                  "/en/check"])
def test_a_post_to_a_get_only_page_gets_405_with_allow(app, client, path):
    response = client.post(path)
    assert_sound(response, "en", allowed=(405,))
    assert "GET" in response.headers.get("Allow", "")


def test_the_rights_page_takes_a_posted_place_only_where_answers_are_posted(client):
    # The place chooser posts in kiosk mode, which keeps answers out of addresses.
    response = client.post("/kiosk/en/rights", data={"country": "ca", "province": "on"})
    assert_sound(response, "en")
    assert "Information and Privacy Commissioner of Ontario" in Page(response).one("section.rights").get_text()
    elsewhere = client.post("/en/rights", data={"country": "ca", "province": "on"})
    assert_sound(elsewhere, "en", allowed=(405,))
    assert "GET" in elsewhere.headers["Allow"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lang=languages, size=st.integers(min_value=16 * 1024 + 1, max_value=2 * 1024 * 1024))
def test_oversized_bodies_get_413(app, client, lang, size):
    response = client.post(f"/{lang}/check/country", data=b"country=" + b"a" * size,
                           content_type="application/x-www-form-urlencoded")
    assert_sound(response, lang, allowed=(413,))
    assert Page(response).one("h1").get_text().strip() == expected_title(app, lang, 413)


clinic_keys = st.one_of(st.sampled_from([*FIELD_NAMES, "langs", "link_lang", "target", "sent", "received",
                                         "also"]), st.text(max_size=10))


@CHECKED
@given(lang=languages, page=st.sampled_from(["poster", "partners", "next-steps"]),
       args=st.lists(st.tuples(clinic_keys, hostile), max_size=10))
def test_any_query_on_the_clinic_and_partner_pages(client, lang, page, args):
    # The next steps count from a date: one that is not a date within a year is a clear 400.
    dated = page == "next-steps" and any(key in ("sent", "received") for key, _value in args)
    assert_sound(client.get(f"/{lang}/{page}", query_string=args), lang, allowed=(200, 400) if dated else (200,))


@CHECKED
@given(lang=languages, kind=st.sampled_from(["svg", "png", "gif", "../x"]),
       args=st.lists(st.tuples(clinic_keys, hostile), max_size=8))
def test_any_qr_download_is_an_image_or_not_found(client, lang, kind, args):
    response = client.get(f"/{lang}/partners/qr.{quote(kind, safe='')}", query_string=args)
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert response.mimetype in ("image/svg+xml", "image/png")


@CHECKED
@given(lang=languages, sent=hostile, key=st.sampled_from(["sent", "received"]),
       country=st.sampled_from(["us", "de", "gb", "ca", "", "xx"]),
       province=st.sampled_from(["", "on", "nb", "qc", "zz"]))
def test_any_reminder_date_is_a_calendar_file_or_a_clear_error(client, lang, sent, key, country, province):
    response = client.get(f"/{lang}/next-steps/reminder.ics",
                          query_string={"country": country, "province": province, key: sent})
    assert response.status_code in (200, 400, 404)
    if response.status_code == 200:
        assert response.mimetype == "text/calendar"
    else:
        assert_sound(response, lang, allowed=(400, 404))


@CHECKED
@given(lang=languages, step=st.sampled_from([s.name for s in STEPS] + ["review"]), form=query,
       go=st.sampled_from(["", "back", "x"]), open_=st.one_of(st.sampled_from(["sheet", "exam", "review", ""]),
                                                             st.text(max_size=20)))
def test_any_kiosk_post_shows_a_page(client, lang, step, form, go, open_):
    data = MultiDict(form)
    data.add("go", go)
    data.add("open", open_)
    response = client.post(f"/kiosk/{lang}/check/{step}", data=data)
    assert_sound(response, lang, allowed=(200, 404, 405, 413, 422))
