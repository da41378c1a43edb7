"""Keeping what a patient chose out of logs."""

import logging
import re
import traceback

# A query string in free text: "?" and what follows up to a space or a quote.
QUERY_STRING = re.compile(r"\?[^\s'\"]+")
NOT_LOGGED = "?[answers not logged]"


class DropQueryStrings(logging.Filter):
    """Cut the query string from request lines: it holds the patient's answers.

    Werkzeug's request log passes the request line ("GET /en/sheet?country=es HTTP/1.1")
    as the first argument of the record; anything after "?" in it is replaced.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple) and isinstance(record.args[0], str):
            line = record.args[0]
            if "?" in line:
                method_and_path, _, rest = line.partition("?")
                protocol = rest.rsplit(" ", 1)[-1] if " " in rest else ""
                record.args = (f"{method_and_path}?[answers not logged] {protocol}".rstrip(),
                               *record.args[1:])
        return True


class GunicornErrorsWithoutAnswers(logging.Filter):
    """For gunicorn's error log ("gunicorn.error").

    gunicorn 27 writes a request it cannot parse whole, with the client's address, at
    warning level: "Invalid request from ip=ADDR: Invalid HTTP request line: 'GET
    /en/sheet?country=es ...'". Such a line keeps only the kind of error. Any other
    message, and any traceback, loses its query strings ("Error handling request GET
    /en/sheet?..." when the app fails outside Flask).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Invalid request from ip="):
            error = message.partition(": ")[2]
            record.msg, record.args = "Invalid request: %s", (error.partition(":")[0] or "unreadable",)
        elif QUERY_STRING.search(message):
            record.msg, record.args = QUERY_STRING.sub(NOT_LOGGED, message), ()
        if record.exc_info:
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = QUERY_STRING.sub(NOT_LOGGED, text)
        return True
