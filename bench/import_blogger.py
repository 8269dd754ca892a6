"""Speed of ``import_blogger`` on a generated classic Blogger export.

Writes an export of N posts (default 10,000; fixed seed) to a temporary file: minutes of the
Ufficio di Piano with a next-meeting sentence, news (one in 50 posts about the Piano di Zona,
linked to it), calls with a deadline, a few plans; 2 to 4 labels each out of 60, HTML bodies
of about 1.5 KB with ``<br>`` runs, an image and a link to an earlier post. Then builds a
throw-away database (SQLite in a temp dir unless --database-url is given; on PostgreSQL the
database named in the URL is dropped and created, and dropped at the end), with the section
index pages and the network ``ufficio-di-piano``, and runs the importer on it through the
management command: once (everything created) and once more (everything unchanged). Prints
the time of each run (wall clock and CPU of this process: on a busy machine the CPU time is
the steadier figure), posts per second and the peak resident memory of the process;
``--record FILE`` also appends them to FILE as one JSON line (date, database, posts,
figures), to compare runs.

    .venv/bin/python bench/import_blogger.py --record bench-results.jsonl
    .venv/bin/python bench/import_blogger.py --posts 2000 \
        --database-url postgres://postgres@127.0.0.1:5432/bench_blogger
"""

import argparse
import io
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

BLOG = "4455667788"
HOST = "http://udpbench.blogspot.com"
KIND = "http://schemas.google.com/blogger/2008/kind#"
MONTHS = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
]
WEEKDAYS = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
LABELS = [f"tema {n}" for n in range(60)]
KINDS = ["minutes"] * 5 + ["news"] * 3 + ["call"] * 2
SENTENCE = (
    "Il servizio di assistenza domiciliare dei comuni del distretto prosegue con le "
    "risorse del fondo per la non autosufficienza e con il contributo delle cooperative. "
)


def log(message):
    print(message, file=sys.stderr, flush=True)


def post_xml(number, kind, rng, published, earlier):
    day = published.date()
    slug = f"post-{number}"
    if kind == "minutes":
        meeting = day - timedelta(days=rng.randrange(1, 5))
        title = (
            f"Verbale ufficio di piano - {meeting.day} {MONTHS[meeting.month - 1]} {meeting.year}"
        )
        following = meeting + timedelta(days=14)
        tail = (
            f"Il prossimo ufficio di piano sarà {WEEKDAYS[following.weekday()]} "
            f"{following.day} {MONTHS[following.month - 1]} alle ore 9.30 presso la sede "
            "di via Manini 21, Crema."
        )
    elif kind == "call":
        deadline = day + timedelta(days=30)
        title = f"Bando n. {number} per contributi alle famiglie"
        tail = f"Le domande vanno presentate entro le ore 12 del {deadline:%d/%m/%Y}."
    else:
        title = f"Notizia n. {number}: novità dai servizi sociali"
        if number % 50 == 5:
            title = f"Notizia n. {number}: incontro sul Piano di Zona"
        tail = "Per informazioni rivolgersi agli sportelli sociali dei comuni."
    if number % 997 == 0:
        title, kind = f"Piano di Zona {day.year}-{day.year + 2}", "plan"
    link = ""
    if earlier:
        link = f'<a href="{HOST}/{earlier}">un post precedente</a>. '
    body = (
        f'<div dir="ltr" style="text-align: left;">{SENTENCE * 3}<br /><br />'
        f'<div class="separator"><a href="https://1.bp.blogspot.com/s1600/foto-{number}.jpg">'
        f'<img src="https://1.bp.blogspot.com/s320/foto-{number}.jpg" alt="Foto {number}" />'
        f"</a></div><b>Dettagli</b><br />{SENTENCE * 4}Vedi anche {link}<br /><br />"
        f"<ul><li>Primo punto</li><li>Secondo punto</li></ul>{tail}</div>"
    )
    labels = "".join(
        f"<category scheme='http://www.blogger.com/atom/ns#' term='{label}'/>"
        for label in rng.sample(LABELS, rng.randrange(2, 5))
    )
    path = f"{day.year}/{day.month:02d}/{slug}.html"
    stamp = published.isoformat(timespec="milliseconds")
    entry = (
        f"<entry><id>tag:blogger.com,1999:blog-{BLOG}.post-{number}</id>"
        f"<published>{stamp}</published><updated>{stamp}</updated>"
        f"<category scheme='http://schemas.google.com/g/2005#kind' term='{KIND}post'/>{labels}"
        f"<title type='text'>{escape(title)}</title>"
        f"<content type='html'>{escape(body)}</content>"
        f"<link rel='alternate' type='text/html' href='{HOST}/{path}' title='{escape(title)}'/>"
        "<author><name>Redazione</name></author></entry>\n"
    )
    return entry, path


def write_export(path, posts, seed):
    rng = random.Random(seed)
    start = datetime(2008, 1, 1, 9, tzinfo=UTC)
    paths = []
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            "<?xml version='1.0' encoding='UTF-8'?>\n"
            "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:app='http://purl.org/atom/app#'>"
            f"<id>tag:blogger.com,1999:blog-{BLOG}.archive</id>"
            f"<title type='text'>Bench</title><link rel='alternate' type='text/html' href='{HOST}/'/>\n"
        )
        for number in range(posts):
            published = start + timedelta(hours=number * 15, minutes=rng.randrange(60))
            earlier = rng.choice(paths) if paths and rng.random() < 0.3 else ""
            entry, post_path = post_xml(number, KINDS[number % len(KINDS)], rng, published, earlier)
            out.write(entry)
            paths.append(post_path)
        out.write("</feed>\n")


def recreate_postgres(url, drop_only=False):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in {"test", "postgres", "template0", "template1"}:
        raise SystemExit(f"refusing to drop database {name!r}: give a scratch database name")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def setup(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    import logging

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    logging.disable(logging.INFO)

    from cms.models import CallIndexPage, HomePage, MinutesIndexPage, NewsIndexPage, PlanIndexPage
    from network.models import Network, NetworkKind

    home = HomePage.objects.get()
    for model, title in [
        (PlanIndexPage, "Piani"),
        (MinutesIndexPage, "Verbali"),
        (CallIndexPage, "Bandi"),
        (NewsIndexPage, "Notizie"),
    ]:
        home.add_child(instance=model(title=title, slug=title.lower())).save_revision().publish()
    Network.objects.create(
        name="Ufficio di Piano", slug="ufficio-di-piano", kind=NetworkKind.PLANNING_OFFICE
    )


def run_import(path):
    from django.core.management import call_command

    out = io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    call_command("import_blogger", str(path), stdout=out, stderr=io.StringIO())
    return time.perf_counter() - start, time.process_time() - cpu, out.getvalue()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def record(path, database, posts, size, first, first_cpu, second, second_cpu, rss):
    figures = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": database,
        "posts": posts,
        "export_mb": round(size, 1),
        "first_s": round(first, 1),
        "first_cpu_s": round(first_cpu, 1),
        "first_posts_per_s": round(posts / first),
        "second_s": round(second, 1),
        "second_cpu_s": round(second_cpu, 1),
        "second_posts_per_s": round(posts / second),
        "peak_rss_mb": round(rss),
    }
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(figures) + "\n")
    log(f"figures appended to {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--record", metavar="FILE", help="append the figures as a JSON line")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="udp-bench-blogger-") as tmp:
        export = Path(tmp) / "blog.xml"
        start = time.perf_counter()
        write_export(export, args.posts, args.seed)
        size = export.stat().st_size / 1e6
        log(f"export of {args.posts} posts: {size:.1f} MB in {time.perf_counter() - start:.1f} s")
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        if url.startswith("postgres"):
            recreate_postgres(url)
        try:
            setup(url)
            from django.db import connection

            print(f"database {connection.vendor}, {args.posts} posts, export {size:.1f} MB")
            log("first import")
            first, first_cpu, summary = run_import(export)
            print(summary.strip())
            rss_first = peak_rss_mb()
            log("second import (nothing changed)")
            second, second_cpu, summary = run_import(export)
            print(summary.splitlines()[2])
            print(f"{'run':<26}{'seconds':>9}{'CPU s':>8}{'posts/s':>9}")
            for label, wall, cpu in [
                ("first (all created)", first, first_cpu),
                ("second (all unchanged)", second, second_cpu),
            ]:
                print(f"{label:<26}{wall:>9.1f}{cpu:>8.1f}{args.posts / wall:>9.0f}")
            print(
                f"peak RSS after the first import: {rss_first:.0f} MB; at the end: {peak_rss_mb():.0f} MB"
            )
            if args.record:
                record(
                    args.record,
                    connection.vendor,
                    args.posts,
                    size,
                    first,
                    first_cpu,
                    second,
                    second_cpu,
                    rss_first,
                )
        finally:
            if url.startswith("postgres"):
                from django.db import connections

                connections.close_all()
                recreate_postgres(url, drop_only=True)


if __name__ == "__main__":
    main()
