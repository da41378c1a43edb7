"""Content pages answered as recorded at start-up (askfirst/kept_pages.py) are the very
answers Flask gives: status, headers in their order, and body."""

import pytest

from askfirst.config import SHIPPED_LANGUAGES, trusted_hosts
from askfirst.extensions import LIMITED_METHODS
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


def test_every_content_page_that_anyone_may_keep_is_kept_unless_a_limit_counts_it(apps):
    served, through_flask = apps
    routes = served.url_map.bind("askfirst.example")
    public = [path for path in page_paths(SHIPPED_LANGUAGES)
              if through_flask.test_client().get(path, base_url=OWN).headers["Cache-Control"].startswith("public")
              and routes.match(path)[0] not in LIMITED_METHODS]
    assert len(public) > 8 * len(SHIPPED_LANGUAGES)
    assert sorted(served.extensions["askfirst_kept_pages"].kept) == sorted(public)


def test_a_rate_limited_page_keeps_counting_from_the_first_request():
    """The tablet's page has a page's name but a view of its own, under a limit: it is not
    asked for at start-up (that would count) nor answered from what was kept."""
    client = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_PARTNERS="1 per minute").test_client()
    assert [client.get("/en/tablet").status_code for _ in range(2)] == [200, 429]


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
