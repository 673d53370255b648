"""Public pages under load, as ratios to a static file served by the same server in the same run.

    DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/DB .venv/bin/python bench/load.py \
        [--seconds 10] [--port 8160] [--workers 2]

Migrates the database, loads the model and collects the static files, then starts gunicorn with
production settings (bench/server.py: DEBUG off, 2 sync workers, persistent connections) on
127.0.0.1 and runs wrk (Debian's ``wrk``: 2 threads, 16 connections) against each public page,
as an anonymous visitor, each time right after the same run against a static file (the
server's ceiling: WhiteNoise answers it without a view, a template or a query), so that each
ratio compares two runs under the same load on a shared machine. Bounded: every wrk run has its
duration and a timeout, and the server stops at the end. Prints requests per second, the ratio
to the static file's, median and 95th-percentile latency. Target: every public page at least
0.5 of the static file, p95 under 100 ms.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import ROOT, gunicorn, prepare, production_environment, wait_for

STATIC = "/static/css/site.css"
PAGES = [
    "/en/",
    "/en/model/",
    "/en/model/?domains=leadership,communication",
    "/en/model/domains/leadership/",
    "/en/model/stages/planning/",
    "/en/model/communication/planning/",
    "/lv/model/communication/planning/",
    "/en/model/sources/",
    "/en/model/self-check/",
]


def wrk(url, seconds, connections=16, threads=2):
    """(req/s, p50 ms, p95 ms, p99 ms, bad answers, socket errors) for ``url``."""
    output = subprocess.run(  # noqa: S603 (our own arguments)
        [shutil.which("wrk"), f"-t{threads}", f"-c{connections}", f"-d{seconds}s",
         "--timeout", "5s", "-s", str(ROOT / "bench" / "wrk_report.lua"), url],
        capture_output=True, text=True, check=True, timeout=seconds + 30,
    ).stdout  # fmt: skip
    [line] = [line for line in output.splitlines() if line.startswith("RESULT ")]
    rate, p50, p95, p99, bad, errors = line.split()[1:]
    return float(rate), float(p50), float(p95), float(p99), int(bad), int(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--port", type=int, default=8160)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    environment = production_environment()
    prepare(environment)
    with gunicorn(environment, args.port, args.workers) as base:
        for path in [STATIC, *PAGES]:  # once each first: every page in the cache, as in use
            wait_for(base + path)
        print(f"gunicorn, {args.workers} sync workers; wrk 2 threads, 16 connections, "
              f"{args.seconds} s a URL, 127.0.0.1")  # fmt: skip
        print("| URL | req/s | static file's req/s just before | ratio | p50 ms | p95 ms "
              "| static file's p95 ms | errors |")  # fmt: skip
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for path in PAGES:
            ceiling, _, static_p95, *_ = wrk(base + STATIC, args.seconds)
            rate, p50, p95, _, bad, errors = wrk(base + path, args.seconds)
            print(f"| `{path}` | {rate:,.0f} | {ceiling:,.0f} | {rate / ceiling:.2f} | {p50:.1f} "
                  f"| {p95:.1f} | {static_p95:.1f} | {bad + errors} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
