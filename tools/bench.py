"""`make bench`: AskFirst under gunicorn, driven by wrk, against Flask's own floor.

For every kind of HTML page (content pages, each step of the check, the review, the
sheet, the next-steps page) and a bare "hello world" on the same server in the same run:
requests per second and p50/p99 latency at 1, 8 and 32 connections, each as a ratio to
hello world at the same level, measured right before it (ROUNDS rounds a cell). Then the
PDF (median time for sheets not rendered before, one and two languages), pages while PDFs
are requested as fast as they can be, memory per worker, start-up, and every target of
the issue with "met" or "MISS".

    make bench                      # straight at gunicorn
    make bench VIA=nginx            # through the shipped nginx configuration (HTTPS)
    BENCH_SECONDS=10 make bench     # longer cells (default 5 s of a page and 5 s of the floor each,
                                    # in three rounds, after a warm-up)

wrk runs on the same machine as the server, so the figures are for this machine only.
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent.parent / "tests")]

from tools.bench_parts import Server, flood, memory, pdf_times, wrk  # noqa: E402

FLOOR = "hello world (floor)"
SHEET_QUERY = "country=us&exam=ct&channel=portal&channel=disc&setting=imaging_centre&worry=sharing&worry=rights"
# name -> (path, the least share of the floor it must reach at every level)
PAGES = {
    FLOOR: ("/__hello/", None),
    "content: home": ("/en/", 0.9),
    "content: why": ("/en/why", 0.9),
    "step: person": ("/en/check/person", 0.6),
    "step: country": ("/en/check/country?country=us", 0.6),
    "step: state": ("/en/check/state?country=us", 0.6),
    "step: exam": ("/en/check/exam?country=us", 0.6),
    "step: channel": ("/en/check/channel?country=us&exam=ct", 0.6),
    "step: setting": ("/en/check/setting?country=us&exam=ct&channel=portal", 0.6),
    "step: worry": ("/en/check/worry?country=us&exam=ct&channel=portal&setting=hospital", 0.6),
    "review": (f"/en/check/review?{SHEET_QUERY}", 0.6),
    "sheet": (f"/en/sheet?{SHEET_QUERY}", 0.6),
    "next steps": ("/en/next-steps?country=us&exam=ct", 0.6),
}
CONCURRENCY = (1, 8, 32)
P99_LIMIT_MS = 50
PDF_SINGLE_MS, PDF_DOUBLE_MS, WORKER_MB = 400, 1500, 90


# Each cell is measured in rounds, each round the floor and then the page, back to back:
# on a shared 2-core machine the floor itself moved by a third between runs, and a ratio to
# a floor measured minutes earlier moved by up to 0.15. A cell's ratio is the median of
# its rounds' ratios; its p99 the worst round's.
ROUNDS = 3


def measure(server: Server, seconds: int) -> dict:
    for path, _ in PAGES.values():  # warm up every worker's code paths, and the floor at 1 too
        wrk(server, path, 8, 2)
    wrk(server, PAGES[FLOOR][0], 1, 2)
    per_round = max(1, round(seconds / ROUNDS))
    results, floors = {}, {c: [] for c in CONCURRENCY}
    for name, (path, least) in PAGES.items():
        if least is None:
            continue
        for c in CONCURRENCY:
            rounds = []
            for _ in range(ROUNDS):
                floor, page = wrk(server, PAGES[FLOOR][0], c, per_round), wrk(server, path, c, per_round)
                floors[c].append(floor)
                rounds.append((page, page["rps"] / max(floor["rps"], 1e-9)))
            results[(name, c)] = _combined([page for page, _ in rounds], statistics.median(r for _, r in rounds))
    for c in CONCURRENCY:
        results[(FLOOR, c)] = _combined(floors[c], 1.0)
    return dict(sorted(results.items(), key=lambda item: list(PAGES).index(item[0][0])))


def _combined(rounds: list[dict], ratio: float) -> dict:
    """One cell from its rounds: median req/s and p50, the worst p99, every error."""
    return {"rps": statistics.median(r["rps"] for r in rounds), "ratio": ratio,
            "p50": statistics.median(r["p50"] for r in rounds), "p99": max(r["p99"] for r in rounds),
            "errors": sum(r["errors"] for r in rounds)}


def print_table(results: dict) -> None:
    print(f"{'page':<24}{'conns':>6}{'req/s':>10}{'× floor':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}")
    for (name, c), r in results.items():
        print(f"{name:<24}{c:>6}{r['rps']:>10.0f}{r['ratio']:>9.2f}{r['p50']:>9.2f}{r['p99']:>9.2f}{r['errors']:>9}")


def targets(results: dict, pdf: dict, during_flood: dict, workers: list, renderers: list) -> list:
    checks = []
    for name, (_, least) in PAGES.items():
        if least is None:
            continue
        worst = min(results[(name, c)]["ratio"] for c in CONCURRENCY)
        checks.append((f"{name} ≥ {least} × floor at 1, 8 and 32", worst >= least, f"worst {worst:.2f}"))
    worst_p99 = max(results[(name, 32)]["p99"] for name in PAGES if name != FLOOR)
    checks.append((f"p99 < {P99_LIMIT_MS} ms at 32 connections, every page", worst_p99 < P99_LIMIT_MS,
                   f"worst {worst_p99:.1f} ms"))
    checks.append((f"PDF median < {PDF_SINGLE_MS} ms, one language", pdf["single"] < PDF_SINGLE_MS,
                   f"{pdf['single']:.0f} ms"))
    checks.append((f"PDF median < {PDF_DOUBLE_MS} ms, two languages", pdf["double"] < PDF_DOUBLE_MS,
                   f"{pdf['double']:.0f} ms"))
    flood_p99 = during_flood["page"]["p99"]
    checks.append((f"pages during a PDF flood: p99 < {P99_LIMIT_MS} ms", flood_p99 < P99_LIMIT_MS,
                   f"{flood_p99:.1f} ms"))
    peak = max(workers) if workers else float("nan")
    checks.append((f"page worker peak RSS < {WORKER_MB} MB, PDFs included", peak < WORKER_MB, f"{peak:.1f} MB"))
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--via", choices=["gunicorn", "nginx"], default=os.environ.get("VIA") or "gunicorn")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="askfirst-bench-") as folder:
        server = Server(Path(folder), args.via)
        try:
            results = measure(server, args.seconds)
            workers_after_pages = memory(server)[0]
            pdf = pdf_times(server)
            during_flood = flood(server, PAGES["sheet"][0], args.seconds)
            workers, renderers = memory(server)
        finally:
            server.stop()

    print(f"\nAskFirst via {args.via}: {server.workers} gunicorn workers, wrk {args.seconds} s per cell in "
          f"{ROUNDS} rounds, each right after the floor, after a warm-up, on {os.cpu_count()} cores\n")
    print_table(results)
    print(f"\nPDF of a sheet not rendered before: median {pdf['single']:.0f} ms one language, "
          f"{pdf['double']:.0f} ms two languages ({pdf['samples']} each; slowest {pdf['slowest']:.0f} ms)")
    print(f"While PDFs were asked for as fast as the server took them ({during_flood['pdf_ok']} made, "
          f"{during_flood['pdf_busy']} answered 503 busy): the sheet at 8 connections "
          f"{during_flood['page']['rps']:.0f} req/s, p50 {during_flood['page']['p50']:.1f} ms, "
          f"p99 {during_flood['page']['p99']:.1f} ms")
    print(f"\nstart-up (spawn to first healthy answer): {server.startup * 1000:.0f} ms")
    print("page workers' peak RSS after pages: " + ", ".join(f"{mb:.0f}" for mb in workers_after_pages) + " MB")
    print("page workers' peak RSS after PDFs too: " + ", ".join(f"{mb:.0f}" for mb in workers) + " MB")
    if renderers:
        print("PDF renderers' peak RSS: " + ", ".join(f"{mb:.0f}" for mb in renderers) + " MB")
    print("\ntargets:")
    for label, met, value in targets(results, pdf, during_flood, workers, renderers):
        print(f"  {'met ' if met else 'MISS'}  {label}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
