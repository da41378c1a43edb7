"""Nothing about the patient is kept: no cookies, no session, answers kept out of logs."""

import logging
import sys

import pytest

from askfirst.content import PAGES
from askfirst.privacy import DropQueryStrings, GunicornErrorsWithoutAnswers

EVERY_KIND_OF_URL = [
    "/", "/en/", "/es/", *[f"/en/{name}" for name in PAGES if name != "home"],
    "/en/check", "/en/check/country?country=es", "/en/check/worry?worry=research",
    "/en/check/review?country=us&exam=ct", "/es/sheet?country=es&exam=mri&channel=portal",
    "/en/missing", "/zz/", "/static/style.css",
]


@pytest.mark.parametrize("url", EVERY_KIND_OF_URL)
def test_no_response_sets_a_cookie(client, url):
    response = client.get(url)
    assert "Set-Cookie" not in response.headers
    assert not client._cookies


@pytest.mark.parametrize("data", [{}, {"country": "es"}, {"country": "bogus"}])
def test_form_posts_set_no_cookie(client, data):
    response = client.post("/en/check/country", data=data)
    assert "Set-Cookie" not in response.headers


def test_the_session_cannot_be_written(app):
    # No SECRET_KEY: Flask refuses to store anything in a session.
    with app.test_request_context("/en/"):
        from flask import session
        with pytest.raises(RuntimeError):
            session["anything"] = 1


def test_request_lines_lose_their_query_string():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '"%s" %s %s',
                               ("GET /en/sheet?country=es&worry=research HTTP/1.1", "200", "-"), None)
    DropQueryStrings().filter(record)
    line = record.getMessage()
    assert "country" not in line and "research" not in line
    assert line.startswith('"GET /en/sheet?') and "HTTP/1.1" in line and "200" in line


def test_a_full_check_leaves_no_answer_in_the_logs(client, caplog):
    from walk import walk
    caplog.set_level(logging.DEBUG)
    distinctive = {"person": ["child"], "country": ["li"], "exam": ["mammogram"], "channel": ["other_doctor"],
                   "setting": ["mobile"], "worry": ["authorities"]}
    walk(client, "en", distinctive)
    logged = caplog.text
    for values in distinctive.values():
        for value in values:
            assert value not in logged


@pytest.mark.parametrize("message", [
    # What gunicorn 27 writes for requests it cannot parse (workers/base.py handle_error).
    "Invalid request from ip=203.0.113.9: Invalid HTTP request line: "
    "'GET /en/sheet?country=es&worry=research HTTP/1.1 junk'",
    "Invalid request from ip=2001:db8::9: Invalid HTTP Version: 'HTTP/9.9 /en/sheet?country=es&worry=research'",
])
def test_gunicorn_error_log_keeps_the_kind_of_bad_request_only(message):
    record = logging.LogRecord("gunicorn.error", logging.WARNING, __file__, 1, message, (), None)
    GunicornErrorsWithoutAnswers().filter(record)
    line = record.getMessage()
    assert line.startswith("Invalid request: Invalid HTTP")
    for kept_out in ["country", "research", "203.0.113.9", "2001:db8", "?"]:
        assert kept_out not in line


def test_gunicorn_error_log_loses_query_strings_in_messages_and_tracebacks():
    try:
        raise ValueError("while building /en/sheet?country=es&worry=research")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("gunicorn.error", logging.ERROR, __file__, 1, "Error handling request %s %s",
                               ("GET", "/en/sheet?country=es&worry=research"), exc_info)
    GunicornErrorsWithoutAnswers().filter(record)
    written = logging.Formatter().format(record)
    assert "Error handling request GET /en/sheet?[answers not logged]" in written
    assert "ValueError" in written and "research" not in written
