"""AskFirst as a deployment runs it: gunicorn with two workers and a real Redis server.

Shows that the rate limit is one count shared by the workers, and that the access
log written by gunicorn.conf.py holds no answers.
"""

import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from servers import Gunicorn, Redis

pytestmark = pytest.mark.served
SHEET_LIMIT = 10
# Both tests share one Redis and gunicorn (module fixtures): under pytest-xdist they go to one
# worker (--dist loadgroup), so the pair is started once.
pytestmark = [pytest.mark.served, pytest.mark.xdist_group("served")]


def get(url):
    """(status, worker pid) of one request on its own connection."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["X-Test-Worker"]
    except urllib.error.HTTPError as error:
        return error.code, error.headers["X-Test-Worker"]


@pytest.fixture(scope="module")
def redis_url():
    server = Redis().start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def served(redis_url, tmp_path_factory):
    server = Gunicorn(tmp_path_factory.mktemp("logs"), {
        "ASKFIRST_RATELIMIT_STORAGE": redis_url, "ASKFIRST_RATELIMIT_SHEET": f"{SHEET_LIMIT} per minute",
        "ASKFIRST_LANGUAGES": "en,es"})
    try:
        server.start(ready=lambda: get(f"{server.base}/healthz")[0] == 200)
        yield server.base, server.access_log
    finally:
        server.stop(20)


def test_two_workers_share_one_rate_limit_through_redis(served):
    base, _ = served
    with ThreadPoolExecutor(8) as pool:
        # Both workers are up and answering...
        workers = set()
        deadline = time.monotonic() + 20
        while len(workers) < 2 and time.monotonic() < deadline:
            workers |= {pid for _, pid in pool.map(get, [f"{base}/healthz"] * 16)}
        assert len(workers) == 2
        # ...and a burst at the sheet, spread over both, is allowed exactly the limit once.
        results = list(pool.map(get, [f"{base}/en/sheet?country=es&exam=mri"] * (4 * SHEET_LIMIT)))
    statuses = [status for status, _ in results]
    assert statuses.count(200) == SHEET_LIMIT
    assert statuses.count(429) == 3 * SHEET_LIMIT
    assert {pid for _, pid in results} == workers, "both workers must have answered the burst"


def test_access_log_records_pages_but_not_answers(served):
    base, access_log = served
    get(f"{base}/es/check/review?person=child&country=li&exam=mammogram&worry=authorities")
    deadline = time.monotonic() + 5
    while "/es/check/review" not in access_log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    log = access_log.read_text()
    assert '"GET /es/check/review" 200' in log
    for answer in ["country=", "mammogram", "authorities", "child", "?"]:
        assert answer not in log
    assert "127.0.0.1" not in log  # no client addresses either
