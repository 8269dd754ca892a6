"""Latency of the public search as the site grows, against a primary-key lookup in the same run.

Builds a throw-away database (SQLite in a temp dir unless --database-url is given; on
PostgreSQL the database named in the URL is dropped and created, and dropped at the end) and
fills it with synthetic Italian pages (bench/search_corpus.py: minutes with agenda items,
news, calls; 300 to 1500 words each; fixed seed). Pages are inserted in bulk, not through
``add_child`` and revisions, which would take hours at 100,000 pages; they are then indexed
through the search backend the settings choose (WAGTAILSEARCH_BACKENDS), with its bulk
``add_items``, as ``rebuild_modelsearch_index`` does. Sizes grow one database: 100000 after
10000 adds 90,000 pages.

Each query of a fixed mix runs through the code path of /search/ (search/query.py's
cleaning, ``Page.objects.live().public().specific().search(...)``, a Paginator: first 10
results and the total count), --repeat times after one warm-up. The baseline is the same
Paginator over ``Page.objects.live().public().filter(pk=...)``.

    .venv/bin/python bench/search.py --pages 10000 100000
    .venv/bin/python bench/search.py --pages 10000 \
        --database-url postgres://postgres@127.0.0.1:5432/bench_search
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# This file is named like the project's search app: keep its folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.search_corpus import COMMON_WORD, NETWORKS, RARE_WORD, Corpus  # noqa: E402

BATCH = 500  # pages per insert batch
INDEX_CHUNK = 1000  # objects per add_items call, as rebuild_modelsearch_index
KINDS = ["minutes"] * 5 + ["news"] * 3 + ["call"] * 2  # share of each page type

QUERIES = [
    ("single word", "assistenza"),
    ("single word", "disabilità"),
    ("plural", "anziani"),
    ("plural → singular", "assistente familiare"),
    ("acronym", "ISEE"),
    ("acronym", "SIA"),
    ("acronym", "FNA"),
    ("two words", "centro diurno"),
    ("two words, elision", "Rivolta d'Adda"),
    ("quoted phrase", '"piano di zona"'),
    ("rare word", RARE_WORD),
    ("word in every page", COMMON_WORD),
    ("no match", "astronave"),
]


def log(message):
    print(message, file=sys.stderr, flush=True)


def recreate_postgres(url, drop_only=False):
    """Drop and create the scratch database named in ``url`` (never one named "test")."""
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
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import logging

    logging.disable(logging.INFO)


def sections():
    """The index page of each kind, created the ordinary way under the home page."""
    from cms.models import (
        CallIndexPage,
        CallPage,
        HomePage,
        MinutesIndexPage,
        MinutesPage,
        NewsIndexPage,
        NewsPage,
    )
    from network.models import Network

    home = HomePage.objects.first()
    result = {}
    for kind, index_model, page_model, title in [
        ("minutes", MinutesIndexPage, MinutesPage, "Verbali"),
        ("news", NewsIndexPage, NewsPage, "Notizie"),
        ("call", CallIndexPage, CallPage, "Bandi"),
    ]:
        index = index_model.objects.first()
        if index is None:
            index = home.add_child(instance=index_model(title=title, slug=f"bench-{kind}"))
        result[kind] = (index, page_model)
    networks = [
        Network.objects.get_or_create(slug=f"bench-{n}", defaults={"name": name, "kind": "table"})[
            0
        ]
        for n, name in enumerate(NETWORKS)
    ]
    return result, networks


def insert_specific(model, objs):
    """INSERT the rows of a page subclass's own table (bulk_create refuses multi-table
    inheritance; the wagtailcore_page rows are already in)."""
    from django.db import connection

    fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
    for start in range(0, len(objs), size):
        model._base_manager._insert(objs[start : start + size], fields=fields)


def specific_fields(kind, corpus, number, networks):
    """The page-type fields of page ``number``, and its agenda items for minutes."""
    corpus.topic()
    words = corpus.words()
    day = date(2015, 1, 1) + timedelta(days=corpus.randrange(0, 4300))
    intro = corpus.intro(number)
    if kind == "minutes":
        agenda = corpus.agenda(words - 150)
        body, _ = corpus.paragraphs(150)
        fields = {
            "meeting_body": corpus.choice(networks),
            "meeting_date": day,
            "place": "Sala consiliare",
            "body": body,
            "next_meeting_place": "",
        }
        return intro, fields, agenda, day
    body, _ = corpus.paragraphs(words)
    if kind == "news":
        return intro, {"date": day, "body": body}, [], day
    fields = {
        "issuer": "Ufficio di Piano",
        "body": body,
        "outcome": "",
        "cig": "",
        "closing_date": day + timedelta(days=60),
    }
    return intro, fields, [], day


def build(corpus, sections, networks, first, last):
    """Insert pages numbered first..last-1, in batches, directly as published rows."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from wagtail.models import Locale, Page

    from cms.models.minutes import AgendaItem

    locale = Locale.get_default()
    content_types = {
        kind: ContentType.objects.get_for_model(model) for kind, (_i, model) in sections.items()
    }
    for start in range(first, last, BATCH):
        numbers = range(start, min(start + BATCH, last))
        by_kind = {}
        for number in numbers:
            by_kind.setdefault(KINDS[number % len(KINDS)], []).append(number)
        with transaction.atomic():
            for kind, kind_numbers in by_kind.items():
                parent, model = sections[kind]
                parent.refresh_from_db(fields=["numchild"])
                rows, extra = [], []
                for offset, number in enumerate(kind_numbers, start=1):
                    title = corpus.title(kind)
                    slug = f"{kind}-{number}"
                    intro, fields, agenda, day = specific_fields(kind, corpus, number, networks)
                    published = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
                    rows.append(
                        Page(
                            path=Page._get_path(
                                parent.path, parent.depth + 1, parent.numchild + offset
                            ),
                            depth=parent.depth + 1,
                            numchild=0,
                            title=title,
                            draft_title=title,
                            slug=slug,
                            url_path=f"{parent.url_path}{slug}/",
                            content_type=content_types[kind],
                            locale=locale,
                            live=True,
                            has_unpublished_changes=False,
                            first_published_at=published,
                            last_published_at=published,
                            seo_title="",
                            search_description="",
                        )
                    )
                    extra.append((intro, fields, agenda))
                Page.objects.bulk_create(rows)
                specific = [
                    model(page_ptr_id=row.pk, intro=intro, **fields)
                    for row, (intro, fields, _a) in zip(rows, extra, strict=True)
                ]
                insert_specific(model, specific)
                AgendaItem.objects.bulk_create(
                    AgendaItem(
                        page_id=row.pk,
                        sort_order=order,
                        title=title,
                        discussion=discussion,
                        decisions=decisions,
                        outcome=outcome,
                    )
                    for row, (_i, _f, agenda) in zip(rows, extra, strict=True)
                    for order, (title, discussion, decisions, outcome) in enumerate(agenda)
                )
                Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))
        if (start - first) % 10_000 == 0:
            log(f"  generated {start + len(numbers) - first} of {last - first} pages")


def index_new(sections, since_pk):
    """Index every page above ``since_pk`` through the configured backend; returns count."""
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    count = 0
    for _parent, model in sections.values():
        index = backend.get_index_for_model(model)
        queryset = model.get_indexed_objects().filter(pk__gt=since_pk).order_by("pk")
        last_pk = since_pk
        while True:
            chunk = list(queryset.filter(pk__gt=last_pk)[:INDEX_CHUNK])
            if not chunk:
                break
            index.add_items(model, chunk)
            count += len(chunk)
            last_pk = chunk[-1].pk
            if count % 10_000 < INDEX_CHUNK:
                log(f"  indexed {count} pages")
    return count


def search_page(raw):
    """What /search/ asks of the index for ?q=raw: the total count and the first 10 results
    (search/engine.py, through the same Paginator)."""
    from django.core.paginator import Paginator

    from search import engine
    from search.query import clean_query

    terms = engine.parse(clean_query(raw)[0])
    if terms is None:
        return 0, []
    page = Paginator(engine.Results(engine.Search(terms)), 10).get_page(1)
    return page.paginator.count, list(page.object_list)


def whole_page(raw):
    """The whole /search/ response through Django's test client: facets, snippets, template."""
    from django.test import Client

    response = Client().get("/search/", {"q": raw})
    assert response.status_code == 200, response.status_code
    return "", []


AUTOCOMPLETE = ["assist", "verbale del", "centro diur", "ippo"]


def autocomplete(text):
    from search.autocomplete import suggestions

    return len(suggestions(text, None))


def baseline_page(pk):
    from django.core.paginator import Paginator
    from wagtail.models import Page

    page = Paginator(Page.objects.live().public().filter(pk=pk).order_by("pk"), 10).get_page(1)
    return page.paginator.count, [result.pk for result in page.object_list]


@contextmanager
def deadline(seconds):
    """Stop any statement still running after ``seconds``: a query that slow has failed the
    targets anyway, and at 100,000 pages one could otherwise run for hours."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        end = time.perf_counter() + seconds
        connection.connection.set_progress_handler(lambda: time.perf_counter() > end, 10_000)
        try:
            yield
        finally:
            connection.connection.set_progress_handler(None, 0)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")


def timed(function, argument, repeat, budget):
    """Times of ``repeat`` runs after a warm-up, fewer (at least 3) when they pass
    ``budget`` seconds in all; None when one run alone passes it."""
    from django.db import OperationalError

    try:
        with deadline(budget):
            result = function(argument)  # warm-up: caches, first compilation of the statement
    except OperationalError:
        return None, None
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(argument)
        times.append((time.perf_counter() - start) * 1000)
        if len(times) >= 3 and sum(times) > budget * 1000:
            break
    return times, result


def percentile(times, fraction):
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def row(label, kind, hits, times, base_p50, budget):
    if times is None:
        return f"| {label} | {kind} | ? | 1 | > {budget:.0f} s, stopped | | | |"
    p50, p95, p99 = (percentile(times, f) for f in (0.5, 0.95, 0.99))
    return (
        f"| {label} | {kind} | {hits} | {len(times)} | {p50:.1f} ms | {p95:.1f} ms | "
        f"{p99:.1f} ms | {p50 / base_p50:.1f}× |"
    )


def measure(size, repeat, budget, generation, indexing, indexed, whole=False):
    from wagtail.models import Page

    some_pk = Page.objects.filter(depth=4).order_by("pk").values_list("pk", flat=True)[size // 2]
    base_times, _ = timed(baseline_page, some_pk, repeat, budget)
    base_p50 = statistics.median(base_times)
    lines = [
        f"### {size} pages",
        "",
        f"Generated in {generation:.1f} s ({generation_rate(indexed, generation)}); "
        f"indexed in {indexing:.1f} s ({generation_rate(indexed, indexing)}), "
        f"{indexed} pages added in this step. Up to {repeat} runs per query after one "
        f"warm-up, fewer past {budget:.0f} s per query.",
        "",
        "| query | kind | hits | runs | p50 | p95 | p99 | p50 / baseline |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        row("baseline: `filter(pk=…)`", "primary key", 1, base_times, base_p50, budget),
    ]
    pooled, stopped = [], 0
    for kind, text in QUERIES:
        log(f"  query {text}")
        times, result = timed(search_page, text, repeat, budget)
        if times is None:
            stopped += 1
        else:
            pooled.extend(times)
        lines.append(row(f"`{text}`", kind, result and result[0], times, base_p50, budget))
    if stopped:  # the stopped queries are the slowest: the pooled percentiles are unknown
        lines.append(
            f"| **all queries** | pooled | | {len(pooled)} | | > {budget:.0f} s | "
            f"> {budget:.0f} s | ({stopped} queries stopped) |"
        )
        return "\n".join(lines), f"> {budget:.0f} s ({stopped} queries stopped)"
    lines.append(row("**all queries**", "pooled", "", pooled, base_p50, budget))
    p95 = percentile(pooled, 0.95)
    summary = f"{p95:.1f} ms"
    lines += [
        "",
        "Autocomplete (`/search/autocomplete/`: titles with every word, the last one unfinished):",
        "",
        "| typed | kind | suggestions | runs | p50 | p95 | p99 | p50 / baseline |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for text in AUTOCOMPLETE:
        times, result = timed(autocomplete, text, repeat, budget)
        lines.append(row(f"`{text}`", "prefix", result, times, base_p50, budget))
    if whole:
        lines += [
            "",
            f"The whole /search/ page (facets, snippets, template), {max(3, repeat // 3)} runs:",
            "",
            "| query | kind | hits | runs | p50 | p95 | p99 | p50 / baseline |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        pooled_pages = []
        for kind, text in QUERIES:
            log(f"  whole page {text}")
            times, result = timed(whole_page, text, max(3, repeat // 3), budget)
            pooled_pages.extend(times or [])
            lines.append(row(f"`{text}`", kind, result and result[0], times, base_p50, budget))
        lines.append(row("**all queries**", "pooled", "", pooled_pages, base_p50, budget))
    return "\n".join(lines), summary


def generation_rate(pages, seconds):
    return f"{pages / seconds:.0f} pages/s" if seconds else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument(
        "--budget", type=float, default=20.0, help="seconds per query before runs are cut"
    )
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--keep", action="store_true", help="keep the PostgreSQL database at the end"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure a database kept by an earlier run (--keep, or a SQLite file given in "
        "--database-url): pages already there are not generated again",
    )
    parser.add_argument(
        "--whole-page", action="store_true", help="also time the whole /search/ response"
    )
    args = parser.parse_args()
    if args.reuse and not args.database_url:
        parser.error("--reuse needs --database-url")

    with tempfile.TemporaryDirectory(prefix="udp-bench-search-") as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        if url.startswith("postgres") and not args.reuse:
            recreate_postgres(url)
        try:
            setup(url)
            from django.conf import settings
            from django.db import connection
            from wagtail.models import Page

            backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
            print(f"database {connection.vendor}, search backend {backend}, seed {args.seed}")
            corpus = Corpus(args.seed)
            built, networks = sections()
            done = Page.objects.filter(depth=4).count() if args.reuse else 0
            if done:
                # Generation is seeded: replay the pages already there to reach the same state.
                log(f"reusing {done} pages")
                corpus.skip(done)
            for size in sorted(args.pages):
                since_pk = Page.objects.order_by("-pk").values_list("pk", flat=True)[0]
                generation = indexing = 0.0
                indexed = 0
                if size > done:
                    log(f"{size} pages: generating {size - done}")
                    start = time.perf_counter()
                    build(corpus, built, networks, done, size)
                    generation = time.perf_counter() - start
                    log(f"{size} pages: indexing")
                    start = time.perf_counter()
                    indexed = index_new(built, since_pk)
                    indexing = time.perf_counter() - start
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                log(f"{size} pages: measuring")
                table, p95 = measure(
                    size, args.repeat, args.budget, generation, indexing, indexed, args.whole_page
                )
                print(table)
                print(f"\npooled p95 at {size} pages: {p95}\n", flush=True)
                done = size
        finally:
            if url.startswith("postgres") and not (args.keep or args.reuse):
                from django.db import connections

                connections.close_all()
                recreate_postgres(url, drop_only=True)


if __name__ == "__main__":
    main()
