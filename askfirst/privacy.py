"""Keeping what a patient chose out of logs."""

import logging


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
