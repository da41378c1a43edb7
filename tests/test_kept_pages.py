"""Content pages answered as recorded at start-up (askfirst/kept_pages.py) are the very
answers Flask gives: status, headers in their order, and body."""

import pytest

from askfirst.config import SHIPPED_LANGUAGES, trusted_hosts
from askfirst.kept_pages import page_paths
from conftest import fresh_app

OWN = "https://askfirst.example"


@pytest.fixture(scope="module")
def apps():
    """The site as served, and the same site with nothing kept: every page from Flask."""
    settings = {"PUBLIC_BASE_URL": OWN, "TRUSTED_HOSTS": trusted_hosts(OWN)}
    served, through_flask = fresh_app(**settings), fresh_app(**settings)
    through_flask.extensions["askfirst_kept_pages"].kept.clear()
    return served, through_flask


def answer(app, path, **options):
    response = app.test_client().get(path, **options)
    return response.status, response.headers.to_wsgi_list(), response.get_data()


def test_every_content_page_in_every_language_is_kept(apps):
    served, _ = apps
    assert sorted(served.extensions["askfirst_kept_pages"].kept) == sorted(page_paths(SHIPPED_LANGUAGES))


@pytest.mark.parametrize("path", page_paths(SHIPPED_LANGUAGES))
def test_a_kept_page_is_the_answer_flask_gives(apps, path):
    served, through_flask = apps
    for options in [{"base_url": OWN}, {"base_url": "http://askfirst.example:8000"}]:  # HSTS only over HTTPS
        ours = answer(served, path, **options)
        assert ours == answer(through_flask, path, **options)
        assert ours[0] == "200 OK"


@pytest.mark.parametrize(("path", "options"), [
    ("/es/why", {"query_string": "country=es"}),  # a query may hold answers: never kept, never public
    ("/es/why", {"headers": {"Host": "evil.example"}}),  # a host the site does not answer for: 400
    ("/kiosk/es/why", {}),  # a shared screen's pages are not kept by browsers
])
def test_what_is_not_a_plain_request_for_a_content_page_goes_to_flask(apps, path, options):
    served, through_flask = apps
    options = {"base_url": OWN, **options}
    assert served.test_client().get(path, **options).headers["Cache-Control"] == "no-store"
    assert answer(served, path, **options) == answer(through_flask, path, **options)


def test_nothing_is_kept_where_pages_change_as_their_files_do():
    assert fresh_app(PRERENDER=False).extensions["askfirst_kept_pages"].kept == {}
