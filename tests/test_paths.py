"""The addresses paths.py writes from their parts are url_for's, byte for byte: for every
step, the review, the sheet, the next-steps page and the home page, in every language, on
the web, in kiosk mode and with the site mounted under a path of its own. And the queries
carry.py writes after them are urlencode's."""

import string
from urllib.parse import urlencode

import pytest
from flask import request, url_for
from hypothesis import given
from hypothesis import strategies as st

from askfirst.carry import QUERY_SAFE, query_string
from askfirst.flow import STEP_BY_NAME
from askfirst.paths import path_to
from conftest import LANGUAGES

TARGETS = [("check.review", {}), ("sheet.sheet", {}), ("letters.next_steps", {}), ("pages.home", {}),
           *(("check.step", {"name": name}) for name in STEP_BY_NAME)]


@pytest.mark.parametrize("script_name", ["", "/kiosk", "/clinic-a/askfirst"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_written_addresses_are_url_fors(app, lang, script_name):
    with app.test_request_context(f"/{lang}/check/person", environ_overrides={"SCRIPT_NAME": script_name}):
        app.preprocess_request()
        assert request.script_root == script_name
        for endpoint, values in TARGETS:
            assert path_to(endpoint, values) == url_for(endpoint, **values)


def test_other_addresses_are_url_fors(app):
    """What paths.py does not write (another endpoint, an unknown step) is url_for's own."""
    with app.test_request_context("/fr/check/person"):
        app.preprocess_request()
        assert path_to("sheet.sheet_pdf") == url_for("sheet.sheet_pdf") == "/fr/sheet.pdf"
        assert path_to("check.step", {"name": "no such step"}) == url_for("check.step", name="no such step")
        assert path_to("check.step", {"name": "person", "lang": "de"}) == "/de/check/person"


# Names and values: the check's own codes, and anything else a link might carry.
PIECES = st.text(alphabet=string.ascii_letters + string.digits + "_-.~ &=?/%+#é€", max_size=6)


@given(st.dictionaries(PIECES, st.lists(PIECES, max_size=3), max_size=4))
def test_queries_are_written_as_urlencode_writes_them(query):
    """carry.query_string joins plain codes without urlencode: the same bytes either way."""
    pairs = [(name, value) for name, values in query.items() for value in values]
    assert query_string(query) == urlencode(pairs, safe=QUERY_SAFE)
