"""Links between the parts of the check and the sheet, shared by their views."""

from flask import url_for

from .. import flow
from ..answers import to_query
from ..i18n import current, offered


def step_target(name: str) -> tuple[str, dict]:
    """The endpoint and path values of a step or the review, for url_for and `go` buttons."""
    return ("check.review", {}) if name == flow.REVIEW else ("check.step", {"name": name})


def step_url(name: str, answers, **extra) -> str:
    """The URL of a step (or the review) that opens with these answers filled in."""
    endpoint, values = step_target(name)
    return url_for(endpoint, **values, **to_query(answers), **extra)


def second_language(values) -> str | None:
    """The clinic's language for a two-language sheet (`also=fr`), if it is a real second one."""
    also = values.get("also", "")
    return also if also in offered() and also != current() else None


def sheet_query(answers, also: str | None) -> dict:
    """The query of a sheet: the answers, and the second language if one was chosen."""
    return {**to_query(answers), **({"also": [also]} if also else {})}
