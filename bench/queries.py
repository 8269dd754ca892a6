"""SQL queries per request for minutes with few and many agenda items and attendees.

    .venv/bin/python bench/queries.py                 # 10 and 200, throw-away SQLite demo
    .venv/bin/python bench/queries.py --sizes 10 50 200 --database-url postgres://...  # an empty database

Builds a demo database, adds one minutes page per size (that many agenda items and that many
recorded attendees, bench/bench_content.py), then counts the queries of a warm request for the
public page, its API v3 and v2 details and the network's public page. Every row must show the
same count in each column: a count that grows with the size is an N+1 query.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 200])
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="udp-queries-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=args.database_url or f"sqlite:///{tmp}/queries.sqlite3",
        MEDIA_ROOT=f"{tmp}/media",
        CONTENT_GENERATION_FILE=f"{tmp}/content-generation",
        PAGE_RESPONSE_CACHE="0",
        API_RESPONSE_CACHE="0",
        LOG_LEVEL="WARNING",
    )
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, check=True, capture_output=True
        )

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.bench_content import minutes_page
    from cms.models import MinutesPage

    client = Client(HTTP_HOST="127.0.0.1")
    pages = {size: minutes_page(size, size, f"verbale-{size}") for size in args.sizes}

    def warm_count(url):
        client.get(url)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(captured)

    columns = ["page (HTML)", "API v3 detail", "API v2 detail", "network page"]
    print(f"database {os.environ['DATABASE_URL'].split(':')[0]}; queries of a warm request")
    print(f"{'items = attendees':>18} " + " ".join(f"{c:>14}" for c in columns))
    rows = {}
    for size, url in pages.items():
        page_id = MinutesPage.objects.get(slug=f"verbale-{size}").pk
        rows[size] = [
            warm_count(url),
            warm_count(f"/api/v3/pages/{page_id}/"),
            warm_count(f"/api/v2/pages/{page_id}/"),
            warm_count("/reti/rete-benchmark/"),
        ]
        print(f"{size:>18} " + " ".join(f"{n:>14}" for n in rows[size]))
    equal = len({tuple(counts) for counts in rows.values()}) == 1
    print("equal at every size" if equal else "DIFFERENT: a query grows with the content")
    sys.exit(0 if equal else 1)


if __name__ == "__main__":
    main()
