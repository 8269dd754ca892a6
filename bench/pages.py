"""Throughput of the public pages and API against a bare Django view, measured in one run.

Builds a throw-away demo database (SQLite in a temp dir unless --database-url is given) with
the issue's minutes page (10 agenda items, 20 attendees, bench/bench_content.py), serves it with
gunicorn (--workers sync workers, 1 by default as the reference figures in the brief; the same
for every target), and drives each URL with wrk (Debian package `wrk`) for --seconds with
--connections connections. Prints requests/s, latency percentiles, non-2xx responses and the
ratio to a bare Django view returning a fixed string (/healthz), measured in the same run.

    .venv/bin/python bench/pages.py --seconds 10 --connections 8
    .venv/bin/python bench/pages.py --workers 2 --connections 16 --only pages
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_until_up(base, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def first_path(base, page_type):
    url = f"{base}/api/v2/pages/?type={page_type}&limit=1"
    with urllib.request.urlopen(url) as response:
        item = json.load(response)["items"][0]
    return item["id"], re.sub(r"^https?://[^/]+", "", item["meta"]["html_url"])


def run_wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latencies = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {
        "rps": rps,
        "p50": latencies.get("50", "?"),
        "p90": latencies.get("90", "?"),
        "p99": latencies.get("99", "?"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def start_server(env, workers):
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    return server, f"http://127.0.0.1:{port}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--only", choices=["all", "pages", "api"], default="all", help="which targets to run"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")

    tmp = tempfile.mkdtemp(prefix="udp-bench-")
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        LOG_LEVEL="WARNING",
        DATABASE_URL=args.database_url or f"sqlite:///{tmp}/bench.sqlite3",
        MEDIA_ROOT=f"{tmp}/media",
        CONTENT_GENERATION_FILE=f"{tmp}/content-generation",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")
    bench_minutes = subprocess.run(
        [PYTHON, "bench/bench_content.py", "--items", "10", "--attendees", "20"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()

    cached, cached_base = start_server(env, args.workers)
    # The same database without the response cache (cms/response_cache.py)
    uncached, uncached_base = start_server(
        dict(env, API_RESPONSE_CACHE="0", PAGE_RESPONSE_CACHE="0"), args.workers
    )
    try:
        wait_until_up(cached_base)
        wait_until_up(uncached_base)
        minutes_id, minutes_path = first_path(cached_base, "cms.MinutesPage")
        _call_id, call_path = first_path(cached_base, "cms.CallPage")
        api = [
            ("API v2 page detail", f"/api/v2/pages/{minutes_id}/"),
            ("API v3 page detail", f"/api/v3/pages/{minutes_id}/"),
            ("API v3 content list (20)", "/api/v3/content/"),
            ("API v3 network gaps", "/api/v3/registry/networks/rete-contatto/gaps/"),
            ("API v3 search", "/api/v3/search/?q=ISEE"),
        ]
        pages = [
            ("minutes 10 items 20 attendees", bench_minutes),
            ("home page", "/"),
            ("minutes page", minutes_path),
            ("call page", call_path),
            ("call listing", "/bandi/"),
            ("search page", "/search/?q=ISEE"),
        ]
        pages = pages if args.only != "api" else []
        api = api if args.only != "pages" else []
        targets = [
            ("bare Django view (/healthz)", cached_base, "/healthz"),
            *[(f"{label}, no cache", uncached_base, path) for label, path in pages],
            *[(f"{label}, cached", cached_base, path) for label, path in pages],
            *[(f"{label}, no cache", uncached_base, path) for label, path in api],
            *[(f"{label}, cached", cached_base, path) for label, path in api],
        ]
        print(
            f"wrk 1 thread, {args.connections} connections, {args.seconds}s per URL; "
            f"gunicorn {args.workers} sync worker(s); database {env['DATABASE_URL'].split(':')[0]}"
        )
        print(f"{'target':40} {'req/s':>9} {'ratio':>7} {'p50':>9} {'p90':>9} {'p99':>9} non-2xx")
        baseline = None
        for label, base, path in targets:
            result = run_wrk(base + path, args.seconds, args.connections)
            baseline = baseline or result["rps"]
            print(
                f"{label:40} {result['rps']:9.1f} {result['rps'] / baseline:7.3f} "
                f"{result['p50']:>9} {result['p90']:>9} {result['p99']:>9} "
                f"{result['non_2xx']} {result['socket_errors']}"
            )
    finally:
        for server in (cached, uncached):
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
