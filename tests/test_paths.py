"""The addresses paths.py writes from their parts are url_for's, byte for byte: for every
step, the review, the sheet, the next-steps page and the home page, in every language, on the web, in kiosk mode and
with the site mounted under a path of its own."""

import pytest
from flask import request, url_for

from askfirst.flow import STEP_BY_NAME
from askfirst.paths import path_to
from conftest import LANGUAGES

TARGETS = [("check.review", {}), ("sheet.sheet", {}), ("letters.next_steps", {}), ("pages.home", {}), *(("check.step", {"name": name}) for name in STEP_BY_NAME)]


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
