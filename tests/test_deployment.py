"""AskFirst as README.md deploys it: nginx with the shipped files (deploy/nginx/) in front
of gunicorn (gunicorn.conf.py, the real site) and Redis (deploy/redis/askfirst.conf), all
on free local ports, with a throwaway certificate.

Through the proxy: plain HTTP only redirects; the app's headers (HSTS too) arrive; slow
clients do not take the site down; the cache keeps public pages and nothing that can
hold an answer; a client's own forwarded headers are not believed; without Redis the site
degrades and nothing fails; and no answer and no client address is in any log, even when
gunicorn is down or sent garbage.
"""

import socket
import time
from urllib.parse import urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from askfirst import security
from deployed import CLIENT, HOST, answers_within, slow_clients, start
from servers import wait_for
from walk import walk

pytestmark = [pytest.mark.served, pytest.mark.xdist_group("deployment")]  # one worker starts the stack once

ANSWERS = {"country": ["es"], "exam": ["mri"], "channel": ["portal"], "setting": ["hospital"],
           "worry": ["research"]}
SHEET = "/es/sheet?country=es&exam=mri&channel=portal&setting=hospital&worry=research"
NEVER_LOGGED = ["country=", "exam=", "worry=", "research", "hospital", "portal", "mri", CLIENT]
PARTNERS_LIMIT = 3
SLOW_CLIENTS, SLOW_SECONDS = 60, 4.0


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    running = start(tmp_path_factory.mktemp("deployed"), {
        "ASKFIRST_RATELIMIT_PARTNERS": f"{PARTNERS_LIMIT} per minute", "ASKFIRST_LANGUAGES": "en,es"})
    try:
        yield running
    finally:
        running.stop()


def test_plain_http_only_redirects_to_https(stack):
    response = stack.client.get(SHEET, plain=True)
    assert response.status_code == 301
    assert response.headers["Location"] == f"https://{HOST}:{stack.client.https_port}{SHEET}"
    assert response.headers["Cache-Control"] == "no-store"
    assert b"<html" in response.data and b"Bad" not in response.data


def test_the_apps_headers_and_hsts_arrive_compressed(stack):
    # A client saying it came over plain HTTP is not believed: the proxy knows better.
    response = stack.client.get("/es/why", headers={"Accept-Encoding": "gzip", "X-Forwarded-Proto": "http"})
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == security.HSTS
    for name, value in security.HEADERS.items():
        assert response.headers[name] == value
    assert response.headers["Content-Encoding"] == "gzip"
    assert "<html" in response.get_data(as_text=True)
    assert response.headers["Server"] == "nginx"  # no version
    assert not [name for name in response.headers.keys() if name.lower().startswith("x-ratelimit")]


def test_slow_clients_leave_the_site_answering_quickly(stack):
    # Straight at gunicorn, a few of them take every sync worker: that is why it listens
    # on a local address only, behind nginx.
    stuck = slow_clients(stack.gunicorn.port, 2 * stack.gunicorn.workers, tls=False)
    try:
        assert not answers_within(stack.gunicorn.port, 1.0)
    finally:
        for connection in stuck:
            connection.close()
    wait_for(lambda: answers_within(stack.gunicorn.port, 1.0), seconds=5, what="gunicorn, once they left")
    # Through nginx, many more, trickling a header line now and then for a few seconds.
    slow, timings = slow_clients(stack.client.https_port, SLOW_CLIENTS, tls=True), []
    try:
        deadline = time.monotonic() + SLOW_SECONDS
        while time.monotonic() < deadline:
            for connection in slow:
                connection.sendall(b"X-Still-Typing: 1\r\n")
            started = time.monotonic()
            assert stack.client.get("/en/").status_code == 200
            timings.append(time.monotonic() - started)
            time.sleep(0.2)
    finally:
        for connection in slow:
            connection.close()
    print(f"home page during {SLOW_CLIENTS} slow clients: {len(timings)} requests, "
          f"slowest {max(timings) * 1000:.0f} ms")
    assert max(timings) < 2.0  # straight at gunicorn the same clients made it time out


def test_the_cache_keeps_public_pages_and_nothing_that_can_hold_an_answer(stack):
    def statuses(path):
        return [stack.client.get(path).headers.get("X-Cache-Status") for _ in range(2)]

    assert statuses("/es/glossary") == ["MISS", "HIT"]
    assert statuses(SHEET) == ["BYPASS", "BYPASS"]  # a query string: never looked up, never kept
    assert statuses("/es/glossary?from=newsletter") == ["BYPASS", "BYPASS"]
    assert statuses("/es/check/country") == ["MISS", "MISS"]  # no-store
    assert statuses("/es") == ["MISS", "MISS"]  # a redirect
    assert statuses("/") == ["MISS", "MISS"]  # a redirect, by the browser's language
    kept = b"".join(path.read_bytes() for path in (stack.folder / "cache").rglob("*") if path.is_file())
    kept_paths = {urlsplit(line[5:].decode()).path for line in kept.split(b"\n") if line.startswith(b"KEY: ")}
    assert "/es/glossary" in kept_paths, kept_paths
    assert kept_paths <= {"/es/glossary", "/es/why", "/en/", "/robots.txt", "/sitemap.xml"}, kept_paths
    assert b"KEY: http://askfirst_app/es/glossary\n" in kept  # the whole key: no query string
    for answer in ["worry=research", "setting=hospital", "channel=portal"]:
        assert answer.encode() not in kept


def test_search_engines_get_robots_txt_and_the_sitemap_kept_and_compressed(stack):
    """Public like the content pages: kept by the proxy, the sitemap compressed (it is the
    longest answer the site sends), its addresses the site's public ones."""
    for path in ["/robots.txt", "/sitemap.xml"]:
        assert [stack.client.get(path).headers.get("X-Cache-Status") for _ in range(2)] == ["MISS", "HIT"], path
    sitemap = stack.client.get("/sitemap.xml", headers={"Accept-Encoding": "gzip"})
    assert sitemap.headers["Content-Encoding"] == "gzip"
    base = f"https://{HOST}:{stack.client.https_port}"
    text = sitemap.get_data(as_text=True)
    assert f"<loc>{base}/es/glossary</loc>" in text and "/kiosk" not in text
    assert f"Sitemap: {base}/sitemap.xml" in stack.client.get("/robots.txt").get_data(as_text=True)


def test_redirects_are_never_kept(stack):
    """Werkzeug's slash redirect and the app's own (whose Location can hold answers): no
    cache may keep one. The proxy never does; this checks what reaches the browser, which
    is the app's rule: no-store unless a view marks its response public."""
    redirects = [stack.client.get("/es"), stack.client.get("/"), stack.client.get("/es/check?country=es&exam=mri"),
                 stack.client.post("/es/check/country", data=MultiDict({"country": "es"}))]
    for response in redirects:
        assert 300 <= response.status_code < 400
        cache_control = response.headers.get("Cache-Control", "")
        assert "no-store" in cache_control or "no-cache" in cache_control, \
            f"{response.status_code} to {response.headers['Location']} may be kept: {cache_control!r}"


def test_a_clients_own_forwarded_headers_are_not_believed(stack):
    client = stack.client
    # X-Forwarded-Host: the app's redirects are built for the host the proxy names.
    response = client.get("/es", headers={"X-Forwarded-Host": "evil.example"})
    assert response.status_code == 308
    assert urlsplit(response.headers["Location"]).netloc == f"{HOST}:{client.https_port}"
    # A forged Host: the app's translated 400 page, kept by no one.
    response = client.get(SHEET, host="evil.example")  # a query string: past the cache
    assert response.status_code == 400
    assert response.headers["Cache-Control"] == "no-store"
    assert "La solicitud tenía un error" in response.get_data(as_text=True)
    assert "evil.example" not in response.get_data(as_text=True)
    # X-Forwarded-For: naming other addresses does not escape a limit.
    statuses = [client.get("/es/partners", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
                for n in range(PARTNERS_LIMIT + 1)]
    assert statuses == [200] * PARTNERS_LIMIT + [429]
    # A health check naming the machine, not the site, still reaches the app.
    response = client.get("/healthz", host="127.0.0.1")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "ok\n")


def test_the_pdf_is_limited_by_the_proxy_before_gunicorn(stack):
    response = stack.client.get(SHEET.replace("/sheet", "/sheet.pdf"))
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    # The same location for a language the site does not offer: gunicorn answers 404
    # until the proxy's own limit (10 a minute, a burst of 10) refuses the rest.
    statuses = [stack.client.get("/zz/sheet.pdf") for _ in range(15)]
    assert {response.status_code for response in statuses} == {404, 429}
    refused = [response for response in statuses if response.status_code == 429][0]
    assert refused.headers["Retry-After"] == "60"
    assert refused.headers["Cache-Control"] == "no-store"


def test_without_redis_pages_and_the_check_keep_working(stack):
    client = stack.client
    stack.redis.stop()
    try:
        health = client.get("/healthz")
        assert (health.status_code, health.get_data(as_text=True)) == (200, "degraded: rate-limit store unreachable\n")
        for _ in range(3):  # enough to reach both workers, most likely
            assert client.get(SHEET).status_code == 200
            assert client.post("/es/check/country", data=MultiDict({"country": "es"})).status_code == 303
    finally:
        stack.redis.start()
    wait_for(lambda: client.get("/healthz").get_data(as_text=True) == "ok\n", seconds=5, what="ok again")
    error_log = stack.gunicorn.error_log.read_text()
    assert "Rate limit storage unreachable" in error_log
    for answer in NEVER_LOGGED:
        assert answer not in error_log


def test_no_answer_and_no_client_address_in_any_log(stack):
    """Last: it stops gunicorn."""
    client = stack.client
    sheet = walk(client, "es", ANSWERS)
    assert "research" in sheet.text or sheet.select("main")  # the sheet of these answers
    assert client.get(SHEET).status_code == 200
    # Garbage straight to gunicorn, as a proxy would never send it: gunicorn logs it.
    for line in [f"GET {SHEET} HTTP/1.1 junk", f"GET {SHEET} HTTP/9.9", f"GET {SHEET}{'x' * 9000} HTTP/1.1"]:
        with socket.create_connection(("127.0.0.1", stack.gunicorn.port), timeout=5,
                                      source_address=(CLIENT, 0)) as raw:
            raw.sendall(f"{line}\r\nHost: {HOST}\r\n\r\n".encode())
            assert raw.recv(100).startswith(b"HTTP/1.1 4")
    # gunicorn down: the upstream fails, which nginx would log with the whole request.
    stack.gunicorn.stop(20)
    assert client.get(SHEET).status_code == 502
    assert client.get("/es/glossary").status_code == 200  # from the cache
    time.sleep(0.5)
    logs = stack.logs()
    for name, text in logs.items():
        for never in NEVER_LOGGED:
            assert never not in text, f"{never!r} in {name}"
    access = logs["askfirst-access.log"]
    assert '"GET /es/sheet" 502 ' in access and "upstream=502 127.0.0.1:" in access  # the failure shows
    assert '"POST /es/check/worry" 303 ' in access
    assert "?" not in access and "?" not in logs["gunicorn-access.log"]
    assert logs["askfirst-error.log"] == "" and logs.get("nginx-default-access.log", "") == ""
    assert "Invalid request: Invalid HTTP" in logs["gunicorn-error.log"]
