"""The benchmark's moving parts (tools/bench.py): the server under test, straight gunicorn
or the shipped nginx in front of it, wrk, PDF timings, a PDF flood, and memory.

The servers are the tests' own harness (tests/servers.py, tests/deployed.py): the same
gunicorn.conf.py and nginx files a deployment uses, on free local ports."""

import getpass
import itertools
import os
import re
import ssl
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from askfirst.pdf import processes
from deployed import HOST, MAIN_CONFIG, site_config
from servers import Gunicorn, Nginx, Redis, free_port, wait_for

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
PDF_SAMPLES = 10
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # the benchmark's own certificate, made a moment ago


class Server:
    """AskFirst plus a hello-world floor (tools/bench_app.py) under gunicorn; with
    `via="nginx"`, behind the shipped nginx files over HTTPS, with Redis for the limits."""

    def __init__(self, folder: Path, via: str):
        self.via, self.folder = via, folder
        self.redis = Redis() if via == "nginx" else None
        started = time.monotonic()
        env = {"ASKFIRST_RATELIMIT_ENABLED": "0", "ASKFIRST_ACCESS_LOG": "/dev/null"}
        if via == "nginx":
            self.http_port, self.https_port = free_port(), free_port()
            env.update({"ASKFIRST_PUBLIC_BASE_URL": f"https://{HOST}:{self.https_port}",
                        "ASKFIRST_PROXY_COUNT": "1", "ASKFIRST_RATELIMIT_STORAGE": self.redis.url})
            self.redis.start()
        workers = 2 * len(os.sched_getaffinity(0)) + 1  # gunicorn.conf.py's default
        self.gunicorn = Gunicorn(folder / "gunicorn", env, app="tools.bench_app:app", workers=workers)
        self.gunicorn.access_log.parent.mkdir()
        self.workers = workers
        # Behind nginx the site answers only for its own host name, so the check sends it.
        own_host = f"{HOST}:{self.https_port}" if via == "nginx" else None
        self.gunicorn.start(ready=lambda: _status(f"{self.gunicorn.base}/healthz", own_host) == 200)
        self.nginx = None
        if via == "nginx":
            self._start_nginx()
        self.startup = time.monotonic() - started

    def _start_nginx(self) -> None:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-days", "1", "-subj", f"/CN={HOST}", "-keyout", str(self.folder / "key.pem"),
                        "-out", str(self.folder / "cert.pem")], check=True, capture_output=True)
        (self.folder / "askfirst-site.conf").write_text(
            site_config(self.folder, self.http_port, self.https_port, self.gunicorn.port))
        (self.folder / "nginx.conf").write_text(MAIN_CONFIG.format(folder=self.folder, user=getpass.getuser()))
        self.nginx = Nginx(self.folder, self.folder / "nginx.conf", [self.http_port, self.https_port]).start()
        wait_for(lambda: _status(self.url("/healthz")) == 200, what="the site through nginx")

    def url(self, path: str) -> str:
        if self.via == "nginx":
            return f"https://127.0.0.1:{self.https_port}{path}"
        return f"{self.gunicorn.base}{path}"

    def headers(self) -> list[str]:
        return ["-H", f"Host: {HOST}:{self.https_port}"] if self.via == "nginx" else []

    def stop(self) -> None:
        for process in (self.nginx, self.gunicorn, self.redis):
            if process is not None:
                process.stop(20)


def _status(url: str, host: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=30, context=TLS if url.startswith("https") else None) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _get(server: Server, path: str) -> int:
    return _status(server.url(path), f"{HOST}:{server.https_port}" if server.via == "nginx" else None)


def wrk(server: Server, path: str, connections: int, seconds: int) -> dict[str, float]:
    threads = min(connections, 2)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
                          *server.headers(), server.url(path)], capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for percentile in ("50", "99"):
        value, unit = re.search(rf"^\s+{percentile}(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        result[f"p{percentile}"] = float(value) * UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    result["errors"] = int(errors.group(1)) if errors else 0
    return result


def _sheets():
    """Answers for sheets never asked for before in this run: each PDF is new work."""
    return (f"country={country}&exam={exam}&channel={channel}" for country, exam, channel in itertools.product(
        ["us", "es", "gb", "de", "ca", "fr", "dk"], ["ct", "mri", "xray"], ["portal", "disc", "link"]))


def pdf_times(server: Server) -> dict[str, float]:
    """Median milliseconds, one PDF at a time: one language, then two (en with zh-hans or ar)."""
    sheets = _sheets()
    single, double = [], []
    for lang, also, times in [*(("en" if i % 2 else "es", None, single) for i in range(PDF_SAMPLES)),
                              *(("en", "zh-hans" if i % 2 else "ar", double) for i in range(PDF_SAMPLES))]:
        path = f"/{lang}/sheet.pdf?{next(sheets)}" + (f"&also={also}" if also else "")
        started = time.monotonic()
        status = _get(server, path)
        if status == 200:
            times.append((time.monotonic() - started) * 1000)
    missing = [float("inf")]  # no PDF at all: every target about it is missed
    return {"single": statistics.median(single or missing), "double": statistics.median(double or missing),
            "samples": PDF_SAMPLES, "slowest": max(single + double or missing)}


def flood(server: Server, page: str, seconds: int) -> dict:
    """Pages measured by wrk while four clients ask for PDFs back to back, for as long."""
    counts = {"pdf_ok": 0, "pdf_busy": 0}
    stop = time.monotonic() + seconds + 1
    sheets = itertools.cycle(list(_sheets()))
    lock = threading.Lock()

    def ask_for_pdfs():
        while time.monotonic() < stop:
            status = _get(server, f"/en/sheet.pdf?{next(sheets)}&also=es")
            with lock:
                counts["pdf_ok" if status == 200 else "pdf_busy"] += 1

    clients = [threading.Thread(target=ask_for_pdfs) for _ in range(4)]
    for client in clients:
        client.start()
    time.sleep(0.5)
    counts["page"] = wrk(server, page, 8, seconds)
    for client in clients:
        client.join()
    return counts


def memory(server: Server) -> tuple[list[float], list[float]]:
    """Peak resident memory (VmHWM) in MB of the page workers, and of the PDF renderers
    (the broker's children: askfirst/pdf/processes.py knows which is which)."""
    master = server.gunicorn.process.pid
    return ([_peak(pid) for pid in processes.worker_pids(master)],
            [_peak(pid) for pid in processes.renderer_pids(master)])


def _peak(pid: int) -> float:
    try:
        return processes.peak_rss_mb(pid)
    except OSError:  # it ended meanwhile
        return float("nan")
