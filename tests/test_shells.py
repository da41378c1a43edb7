"""Pages assembled from what is rendered ahead (askfirst/frames.py, step_shells.py,
sheet_shells.py, review_shells.py, next_steps_shells.py) are the very pages the templates
render per request: byte for byte, in every mode."""

from datetime import date, timedelta

import pytest
from flask import render_template, request
from jinja2 import ChoiceLoader, DictLoader

from askfirst import mode, next_steps_shells
from askfirst.answers import from_multidict, to_query
from askfirst.bank import plan_sheet
from askfirst.config import ROOT
from askfirst.flow import REVIEW, STEP_BY_NAME, STEPS, number, total
from askfirst.forms import form_class
from askfirst.jurisdiction import resolve
from askfirst.places import PLACES
from askfirst.views import check
from askfirst.views.links import second_language, sheet_query, step_target
from askfirst.views.sheet import chosen_paper, wants_more
from conftest import fresh_app

ANSWERS = ["", "?country=de", "?country=us&exam=ct&channel=portal&channel=disc",
           "?country=gb&exam=mri&setting=hospital&worry=sharing&worry=rights&then=review",
           "?country=<b>&exam=x%22y"]


def plain_layout(app) -> None:
    """Templates as they render without frames: base.html is the layout itself."""
    layout = (ROOT / "templates" / "layout.html").read_text(encoding="utf-8")
    app.jinja_env.loader = ChoiceLoader([DictLoader({"base.html": layout}), app.jinja_env.loader])
    app.jinja_env.cache.clear()


@pytest.fixture(scope="module", params=[{}, {"PRERENDER": False}], ids=["kept", "development"])
def apps(request):
    """The same site twice: as served, and with templates rendered without frames."""
    served, plain = fresh_app(**request.param), fresh_app(**request.param)
    plain_layout(plain)
    return served, plain


@pytest.mark.parametrize("prefix", ["", mode.PREFIX])
@pytest.mark.parametrize("lang", ["en", "ar", "da"])
@pytest.mark.parametrize("name", list(STEP_BY_NAME))
@pytest.mark.parametrize("query", ANSWERS)
def test_a_step_from_its_shell_is_the_step_jinja_renders(apps, prefix, lang, name, query):
    served, plain = apps
    url = f"/{lang}/check/{name}{query}"
    from_shell = served.test_client().get(prefix + url)
    with plain.test_request_context(url):
        asked = STEP_BY_NAME[name].applies(from_multidict(request.args))
    if not asked:  # a province for a country without one: the check goes on to the next step
        # (sent there on the web; shown at once in kiosk mode, where no address holds answers)
        assert from_shell.status_code == (200 if prefix else 303)
        return
    kiosk = {"askfirst.kiosk": True} if prefix else {}
    with plain.test_request_context(url, base_url=f"http://localhost{prefix}", environ_overrides=kiosk):
        plain.preprocess_request()
        # An empty form (no errors) takes the path that renders the whole template.
        rendered = check.show_step(name, from_multidict(request.args), check._then(request.values),
                                   form=form_class(STEP_BY_NAME[name])())
    assert from_shell.status_code == rendered.status_code == 200
    assert from_shell.get_data(as_text=True) == rendered.get_data(as_text=True)


@pytest.mark.parametrize("prefix", ["", mode.PREFIX])
@pytest.mark.parametrize("url", ["/en/", "/ar/why", "/da/check/review?country=fr&exam=ct",
                                 "/es/sheet?country=us&exam=ct&also=ar", "/zh-hans/next-steps?country=gb",
                                 "/vi/poster", "/de/partners", "/en/no-such-page"])
def test_pages_in_their_frame_are_the_pages_the_layout_renders(apps, prefix, url):
    served, plain = apps
    ours, theirs = served.test_client().get(prefix + url), plain.test_client().get(prefix + url)
    assert ours.status_code == theirs.status_code
    assert ours.get_data(as_text=True) == theirs.get_data(as_text=True)


SHEETS = ["?country=us&exam=ct&channel=portal&channel=disc&setting=imaging_centre&worry=sharing&worry=rights",
          "?country=gb&exam=mri&worry=rights&also=ar", "?country=de&exam=xray&worry=breach&also=fr&more=1",
          "?country=fr&exam=other&more=1", "?also=es", "?country=<b>&exam=x%22y",
          "?country=ca&province=on&exam=mammogram", "?country=us&exam=ct&paper=a4&more=1"]


@pytest.mark.parametrize("prefix", ["", mode.PREFIX])
@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans"])
@pytest.mark.parametrize("query", SHEETS)
def test_a_sheet_from_its_shell_is_the_sheet_jinja_renders(apps, prefix, lang, query):
    served, _ = apps
    url = f"/{lang}/sheet{query}"
    if prefix:  # kiosk: the answers are posted
        with served.test_request_context(url):
            posted = request.args.copy()
        from_shell = served.test_client().post(prefix + url.partition("?")[0], data=posted)
    else:
        from_shell = served.test_client().get(url)
    kiosk = {"askfirst.kiosk": True} if prefix else {}
    with served.test_request_context(url, base_url=f"http://localhost{prefix}", environ_overrides=kiosk,
                                     method="POST" if prefix else "GET", data=posted if prefix else None):
        served.preprocess_request()
        values = mode.values()
        answers, also = from_multidict(values), second_language(values)
        plan = plan_sheet(served.extensions["askfirst_library"].bank, answers, served.config["SHEET_MAX_QUESTIONS"])
        chosen = chosen_paper(values)
        query = {**sheet_query(answers, also), **({"paper": [chosen]} if chosen else {})}
        place = resolve(answers)
        more = wants_more(values)
        rendered = render_template("sheet.html", plan=plan, answers=answers, answers_query=query,
                                   switch_query={**query, **({"more": ["1"]} if more else {})},
                                   also=also, more=more, for_pdf=False,
                                   place_key=place.key, paper=chosen or PLACES.paper(place.country))
    assert from_shell.status_code == 200
    assert from_shell.get_data(as_text=True) == rendered


REVIEWS = ["", "?country=us&exam=ct&channel=portal&channel=disc&setting=imaging_centre&worry=sharing&worry=rights",
           "?country=ca&province=on&exam=mammogram&also=fr", "?country=de&land=by&operator=church&also=zh-hans",
           "?country=fr&exam=other&also=en", "?country=dk&also=<b>", "?country=<b>&exam=x%22y"]


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans"])
@pytest.mark.parametrize("query", REVIEWS)
def test_a_review_from_its_shell_is_the_review_jinja_renders(apps, lang, query):
    served, _ = apps
    url = f"/{lang}/check/review{query}"
    from_shell = served.test_client().get(url)
    with served.test_request_context(url):
        served.preprocess_request()
        answers, also = from_multidict(request.args), second_language(request.args)
        rendered = render_template(
            "check/review.html", answers=answers, answers_query=to_query(answers), also=also,
            suggested=None if also else check.suggested_language(answers),
            switch_query=sheet_query(answers, also), steps=[step for step in STEPS if step.applies(answers)],
            step_target=step_target, number=number(REVIEW, answers), total=total(answers))
    assert from_shell.status_code == 200
    assert from_shell.get_data(as_text=True) == rendered


# Places (with and without deadlines, an accounting of disclosures, a rights box), who the
# scan is for, every stage with and without a day, the letter's choices, a second
# language (two letters), and nonsense.
# A day the clinic received the request: recent, as the page accepts (a year either way).
DAY = (date.today() - timedelta(days=12)).isoformat()
NEXT_STEPS = ["", "?country=us&exam=ct", "?country=us&state=us-tx&exam=ct&person=child&also=es",
              "?country=de&land=by&operator=public&exam=mri&person=other&also=ar",
              "?country=gb&stage=followup", f"?country=gb&stage=followup&received={DAY}&want=dicom&by=portal&by=usb",
              f"?country=fr&stage=complaint&received={DAY}&also=zh-hans&person=child",
              "?country=ca&province=on&exam=xray&want=recipients&by=email", "?country=dk&stage=complaint",
              f"?country=us&exam=ct&received={DAY}&want=recipients&want=viewer&person=self",
              "?country=<b>&exam=x%22y&stage=nonsense&want=<i>&by=%22", f"?stage=followup&received={DAY}"]


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans", "da"])
@pytest.mark.parametrize("query", NEXT_STEPS)
def test_next_steps_from_their_shell_are_the_page_jinja_renders(apps, monkeypatch, lang, query):
    served, _ = apps
    url = f"/{lang}/next-steps{query}"
    from_shell = served.test_client().get(url)
    # The same view, its values given to the whole template instead of the shell.
    monkeypatch.setattr(next_steps_shells, "page", lambda shell, values: render_template("next_steps.html", **values))
    rendered = served.test_client().get(url)
    assert from_shell.status_code == rendered.status_code == 200
    assert from_shell.get_data(as_text=True) == rendered.get_data(as_text=True)


@pytest.mark.parametrize("prefix", ["", mode.PREFIX])
@pytest.mark.parametrize("query", NEXT_STEPS[1::2])
def test_next_steps_in_their_frame_are_the_pages_the_layout_renders(apps, prefix, query):
    served, plain = apps
    url = f"/ar/next-steps{query}"
    if prefix:  # kiosk: the answers are posted
        with served.test_request_context(url):
            posted = request.args.copy()
        ours, theirs = (app.test_client().post(prefix + url.partition("?")[0], data=posted) for app in apps)
    else:
        ours, theirs = served.test_client().get(url), plain.test_client().get(url)
    assert ours.status_code == theirs.status_code == 200
    assert ours.get_data(as_text=True) == theirs.get_data(as_text=True)
