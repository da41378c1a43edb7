"""PDFs under gunicorn, as deployed: the renderers are started in the master before the
workers fork and shared by them; while PDFs are asked for as fast as clients can, pages
stay fast and the PDFs beyond the slots are refused at once; no worker loads WeasyPrint
or grows past 90 MB; the renderers end with the server."""

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from askfirst.pdf.processes import broker_pids, command_line, peak_rss_mb, renderer_pids, worker_pids
from servers import Gunicorn, wait_for

pytestmark = [pytest.mark.served, pytest.mark.xdist_group("pdf_served")]  # one worker starts it once
WORKERS, SLOTS = 4, 2
SHEET = "country=us&exam=ct&channel=portal&setting=imaging_centre&worry=sharing"


def get(url, timeout=30):
    """(status, seconds, headers, body) of one request on its own connection."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body, status, headers = response.read(), response.status, response.headers
    except urllib.error.HTTPError as error:
        body, status, headers = error.read(), error.code, error.headers
    return status, time.monotonic() - started, headers, body


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    # Every shipped language: a page worker holds each one's pre-rendered parts and CLDR data.
    server = Gunicorn(tmp_path_factory.mktemp("pdf"), {"ASKFIRST_PDF_SLOTS": str(SLOTS),
                                                        "ASKFIRST_RATELIMIT_ENABLED": "0"},
                      app="tests.pdf_served_app:app", workers=WORKERS)
    try:
        server.start(ready=lambda: get(f"{server.base}/healthz")[0] == 200)
        # The first PDF waits for the renderers to load WeasyPrint and warm up.
        assert get(f"{server.base}/en/sheet.pdf?{SHEET}", timeout=60)[0] == 200
        yield server
    finally:
        server.stop(20)


def test_pages_stay_fast_while_pdfs_are_asked_for_as_fast_as_clients_can(served):
    until = time.monotonic() + 4

    def ask_for_pdfs(client: int):
        also = "&also=ar" if client % 2 else ""  # half of them in two languages: two slots
        results = []
        while time.monotonic() < until:
            results.append(get(f"{served.base}/en/sheet.pdf?{SHEET}{also}"))
        return results

    with ThreadPoolExecutor(6) as pool:
        clients = [pool.submit(ask_for_pdfs, client) for client in range(6)]
        time.sleep(0.5)
        pages = []
        while time.monotonic() < until:
            pages.append(get(f"{served.base}/en/why"))
            time.sleep(0.05)
        pdfs = [result for client in clients for result in client.result()]
    assert {status for status, *_ in pages} == {200}
    # Starved, a page took 5 to 27 s; the bound leaves room for a busy test machine.
    assert max(seconds for _, seconds, *_ in pages) < 2.0
    assert {status for status, *_ in pdfs} == {200, 503}
    refused = [(seconds, headers) for status, seconds, headers, _ in pdfs if status == 503]
    assert all(headers["Retry-After"] == "5" for _, headers in refused)
    assert max(seconds for seconds, _ in refused) < 2.0  # at once, never queued behind a render


def test_no_worker_loads_weasyprint(served):
    master = served.process.pid
    seen = {}
    deadline = time.monotonic() + 20
    while len(seen) < WORKERS and time.monotonic() < deadline:  # each request may reach any worker
        answer = json.loads(get(f"{served.base}/__test/weasyprint")[3])
        seen[answer["pid"]] = answer["loaded"]
    assert set(seen) == set(worker_pids(master))
    assert not any(seen.values())


def test_workers_stay_small_and_renderers_are_shared(served):
    master = served.process.pid
    assert len(broker_pids(master)) == 1 and len(renderer_pids(master)) == SLOTS
    peaks = {pid: peak_rss_mb(pid) for pid in worker_pids(master)}
    assert max(peaks.values()) < 90, peaks


def test_the_renderers_end_with_the_server(served):
    master = served.process.pid
    processes = broker_pids(master) + renderer_pids(master)
    arguments = command_line(broker_pids(master)[0])
    folder = Path(arguments[arguments.index("--socket") + 1]).parent
    served.stop(20)
    wait_for(lambda: not any(command_line(pid) for pid in processes), seconds=10, what="the renderers' end")
    assert not folder.exists()  # the broker's socket and its private directory are gone
