"""The addresses of the check's own pages (each step, the review, the sheet, the next-steps
page, the home page), written from their parts exactly as url_for writes them.

Profiling showed one url_for costing about 13 µs of a step's 200 (building the map's
adapter, the url_defaults, the context lookups), and a step or the review needs one
for its Back link, the sheet and the next-steps page one for their own links. These
addresses are `/<lang>/check/<name>`, `/<lang>/check/review`, `/<lang>/sheet`,
`/<lang>/next-steps` and `/<lang>/`, after the request's script root (the kiosk's
`/kiosk`, or wherever the site is mounted; Werkzeug's builder puts it there as it is).
Their parts are ours: a language we offer and a step's name, plain characters that
url_for writes unchanged. Anything else goes to url_for. tests/test_paths.py compares
both for every step, language and mode.
"""

from flask import request, url_for

from . import flow, i18n

# The endpoints written here, each with the part of its address after `/<lang>/`.
FIXED = {"check.review": "check/review", "sheet.sheet": "sheet", "letters.next_steps": "next-steps",
         "pages.home": ""}
STEP = "check.step"


def path_to(endpoint: str, values: dict | None = None) -> str:
    """`url_for(endpoint, **values)`, in this request's language, without url_for's cost
    where the address is one of those above."""
    values = values or {}
    if endpoint in FIXED and not values:
        rest = FIXED[endpoint]
    elif endpoint == STEP and len(values) == 1 and values.get("name") in flow.STEP_BY_NAME:
        rest = "check/" + values["name"]
    else:
        return url_for(endpoint, **values)
    return f"{request.script_root}/{i18n.current()}/{rest}"
