"""`make bench`: AskFirst under gunicorn, driven by wrk, against Flask's own floor.

Prints, for a content page, a step of the check, a sheet opened by a prepared link and a
bare "hello world" on the same server: requests per second and p50/p99 latency at a few
concurrency levels, each as a ratio to hello world at the same level; then the peak
resident memory of each worker and the start-up time, and the targets from the issue.
wrk runs on the same machine as the server, so the figures are for this machine only.
"""

import itertools
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
TARGETS = {
    "hello world (floor)": "/__hello/",
    "content page": "/en/why",
    "check step": "/en/check/exam?country=us",
    "sheet (prepared link)": "/en/sheet?country=us&exam=ct&channel=portal&channel=disc"
                             "&setting=imaging_centre&worry=sharing&worry=rights",
    "PDF": "/en/sheet.pdf?country=us&exam=ct&channel=portal&setting=imaging_centre&worry=sharing",
}
# Targets about page latency are for pages; the PDF has its own (median time, below).
PAGES = [name for name in TARGETS if name != "PDF"]
PDF_SAMPLES = 10
CONCURRENCY = (1, 8, 32)
SECONDS = int(os.environ.get("BENCH_SECONDS", 5))
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> tuple[subprocess.Popen, float]:
    env = {**os.environ, "ASKFIRST_RATELIMIT_ENABLED": "0", "ASKFIRST_ACCESS_LOG": "/dev/null"}
    started = time.monotonic()
    server = subprocess.Popen([str(GUNICORN), "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
                               "tools.bench_app:app"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    while time.monotonic() - started < 30:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server, time.monotonic() - started
        except OSError:
            time.sleep(0.05)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def wrk(url: str, connections: int) -> dict[str, float]:
    threads = min(connections, 2)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{SECONDS}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for percentile in ("50", "99"):
        value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        result[f"p{percentile}"] = float(value) * UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    result["errors"] = int(errors.group(1)) if errors else 0
    return result


def pdf_render_times(base: str) -> list[float]:
    """Seconds for PDFs of sheets not asked for before: each with other answers."""
    combos = itertools.product(["us", "es", "gb", "de", "ca"], ["ct", "mri"], ["portal", "disc"])
    times = []
    languages = itertools.cycle(["en", "es"])
    for (country, exam, channel), lang in zip(itertools.islice(combos, PDF_SAMPLES), languages, strict=False):
        started = time.monotonic()
        url = f"{base}/{lang}/sheet.pdf?country={country}&exam={exam}&channel={channel}"
        with urllib.request.urlopen(url) as response:
            response.read()
        times.append(time.monotonic() - started)
    return times


def worker_memory(master: int) -> list[tuple[float, float]]:
    """Per worker, in MB: peak resident memory (VmHWM, counting pages shared with the
    master in full) and proportional memory now (PSS, shared pages split between sharers)."""
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout
    figures = []
    for pid in children.split():
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text()).group(1))
        pss = int(re.search(r"^Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text(), re.M).group(1))
        figures.append((peak / 1024, pss / 1024))
    return figures


def main() -> int:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make bench` installs it (Debian package wrk)")
    port = free_port()
    server, startup = start_server(port)
    try:
        base = f"http://127.0.0.1:{port}"
        for path in TARGETS.values():  # warm up every worker's code paths
            subprocess.run(["wrk", "-t2", "-c8", "-d1s", base + path], capture_output=True, check=True)
        results = {(name, c): wrk(base + TARGETS[name], c) for name in PAGES for c in CONCURRENCY}
        memory_pages = worker_memory(server.pid)
        pdf_times = pdf_render_times(base)  # on an idle server, one at a time
        results.update({("PDF", c): wrk(base + TARGETS["PDF"], c) for c in CONCURRENCY})
        memory_all = worker_memory(server.pid)
    finally:
        server.terminate()
        server.wait(20)

    print(f"\nAskFirst under gunicorn ({len(memory_all)} workers), wrk {SECONDS}s per cell, "
          f"on {os.cpu_count()} cores\n")
    print(f"{'route':<24}{'conns':>6}{'req/s':>10}{'× floor':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}")
    for (name, c), r in results.items():
        floor = results[("hello world (floor)", c)]["rps"]
        ratio = r["rps"] / floor
        print(f"{name:<24}{c:>6}{r['rps']:>10.0f}{ratio:>9.2f}{r['p50']:>9.2f}{r['p99']:>9.2f}{r['errors']:>9}")
    median_pdf = statistics.median(pdf_times) * 1000
    print(f"\nPDF of a sheet not rendered before, {PDF_SAMPLES} in a row: median {median_pdf:.0f} ms, "
          f"fastest {min(pdf_times) * 1000:.0f} ms, slowest {max(pdf_times) * 1000:.0f} ms")
    print(f"\nstart-up (spawn to first healthy answer): {startup * 1000:.0f} ms")
    for label, figures in [("after pages", memory_pages), ("after PDFs too", memory_all)]:
        print(f"memory per worker {label}: peak RSS " + ", ".join(f"{peak:.0f}" for peak, _ in figures)
              + " MB; PSS now " + ", ".join(f"{pss:.0f}" for _, pss in figures) + " MB")
    peaks = [peak for peak, _ in memory_all]

    floor = "hello world (floor)"

    def worst_ratio(name: str) -> float:
        return min(results[(name, c)]["rps"] / results[(floor, c)]["rps"] for c in CONCURRENCY)

    worst_p99 = max(results[(name, 32)]["p99"] for name in PAGES)
    checks = [
        ("content page ≥ 0.7 × floor (worst level)", worst_ratio("content page") >= 0.7,
         f"{worst_ratio('content page'):.2f}"),
        ("sheet ≥ 0.4 × floor (worst level)", worst_ratio("sheet (prepared link)") >= 0.4,
         f"{worst_ratio('sheet (prepared link)'):.2f}"),
        ("p99 < 50 ms at 32 connections (every page)", worst_p99 < 50, f"{worst_p99:.1f} ms"),
        ("PDF median < 500 ms for a sheet not rendered before", median_pdf < 500, f"{median_pdf:.0f} ms"),
        ("< 100 MB resident per worker (peak RSS, PDFs included)", max(peaks) < 100,
         f"{max(peaks):.1f} MB"),
    ]
    print("\ntargets:")
    for label, met, value in checks:
        print(f"  {'met ' if met else 'MISS'}  {label}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
