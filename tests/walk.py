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


def answer_step(client, page: Page, lang: str, choices: dict[str, list[str]]):
    """Post the step's form with `choices` replacing its own field; return the response."""
    form = page.one("main form")
    own = {tag["name"] for tag in form.select("input[type=radio], input[type=checkbox], select")}
    data = [(k, v) for k, v in form_fields(page) if k not in own]
    data += [(name, value) for name, values in choices.items() if name in own for value in values]
    return client.post(form["action"], data=MultiDict(data))


def walk(client, lang: str, answers: dict[str, list[str]]) -> Page:
    """From the home page's start button to the sheet; returns the sheet page."""
    home = check_page(client.get(f"/{lang}/"), lang=lang)
    response = client.get(home.one("a.button")["href"], follow_redirects=True)
    page = check_page(response, lang=lang)
    while page.select("main form[method=post]"):
        response = answer_step(client, page, lang, answers)
        assert response.status_code == 303, Page(response).text[:800]
        location = response.headers["Location"]
        assert urlsplit(location).path.startswith(f"/{lang}/check/")
        page = check_page(client.get(location), lang=lang)
    # The review: its button opens the sheet by GET, with every answer in the URL.
    assert page.one("h1").get_text()
    form = page.one("main form")
    assert form["method"] == "get"
    response = client.get(form["action"], query_string=form_fields(page))
    return check_page(response, lang=lang)
