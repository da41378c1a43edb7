"""Pages assembled from what is rendered ahead (askfirst/frames.py, step_shells.py) are
the very pages the templates render per request: byte for byte, in every mode."""

import pytest
from flask import request
from jinja2 import ChoiceLoader, DictLoader

from askfirst import mode
from askfirst.answers import from_multidict
from askfirst.config import ROOT
from askfirst.flow import STEP_BY_NAME
from askfirst.forms import form_class
from askfirst.views import check
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
