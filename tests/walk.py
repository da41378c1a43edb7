"""Walking the check the way a browser does: read each step's form, fill it, post it."""

from urllib.parse import urlsplit

from werkzeug.datastructures import MultiDict

from conftest import Page, check_page


def form_fields(page: Page, form_css="main form") -> list[tuple[str, str]]:
    """What the form would send as it stands: hidden fields and checked or selected choices."""
    form = page.one(form_css)
    fields = []
    for tag in form.select("input[name]"):
        if tag.get("type") in ("radio", "checkbox") and not tag.has_attr("checked"):
            continue
        fields.append((tag["name"], tag.get("value", "")))
    for select in form.select("select[name]"):
        for option in select.select("option[selected]"):
            fields.append((select["name"], option["value"]))
    return fields


def own_answers(form, choices: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The step's own field, as `choices` gives it; a step they do not name (one added to
    the check later) gets "not sure" where it offers that, else its first answer."""
    controls = form.select("input[type=radio], input[type=checkbox], select")
    picked = []
    for name in dict.fromkeys(tag["name"] for tag in controls):
        if name in choices:
            picked += [(name, value) for value in choices[name]]
            continue
        offered = [tag["value"] for tag in form.select(f"[name={name}], [name={name}] option") if tag.get("value")]
        picked.append((name, "unsure" if "unsure" in offered else offered[0]))
    return picked


def answer_step(client, page: Page, lang: str, choices: dict[str, list[str]]):
    """Post the step's form with `choices` replacing its own field; return the response."""
    form = page.one("form.step-form")
    own = {tag["name"] for tag in form.select("input[type=radio], input[type=checkbox], select")}
    data = [(k, v) for k, v in form_fields(page, "form.step-form") if k not in own]
    return client.post(form["action"], data=MultiDict(data + own_answers(form, choices)))


def walk(client, lang: str, answers: dict[str, list[str]]) -> Page:
    """From the home page's start button to the sheet; returns the sheet page."""
    home = check_page(client.get(f"/{lang}/"), lang=lang)
    response = client.get(home.one("a.button")["href"], follow_redirects=True)
    page = check_page(response, lang=lang)
    while page.select("form.step-form"):
        response = answer_step(client, page, lang, answers)
        assert response.status_code == 303, Page(response).text[:800]
        location = response.headers["Location"]
        assert urlsplit(location).path.startswith(f"/{lang}/check/")
        page = check_page(client.get(location), lang=lang)
    # The review: its button opens the sheet by GET, with every answer in the URL.
    assert page.one("h1").get_text()
    form = page.one("form.make-sheet")
    assert form["method"] == "get"
    response = client.get(form["action"], query_string=form_fields(page, "form.make-sheet"))
    return check_page(response, lang=lang)
