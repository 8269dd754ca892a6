"""The Python half of bench/lighthouse: which pages to audit, running Lighthouse, the table.

    python bench/lighthouse_report.py pages            # one line per page: label<TAB>path
    python bench/lighthouse_report.py run --base URL --pages FILE --out DIR [--runs 3]
        [--a11y-only]

``pages`` needs Django (DJANGO_SETTINGS_MODULE and the database of the server): it lists the
home page and one live public page of every page type in the tree, the first address each
routable page adds to the sitemap (a network of the registry), and the search results page.
Page types added later are picked up without touching this file.

``run`` runs Lighthouse (mobile, its default form factor) ``--runs`` times per page, keeps each
JSON report in DIR/<label>/<n>.json, prints the median score per category and the failing
audits of every category under its target, and exits 1 when a page's accessibility is under
100 (any other category under its target is reported, not a failure: performance depends on
the machine).
"""

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 95}
HEADINGS = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "best pr.",
    "seo": "SEO",
}
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEARCH_PATH = "/search/?q=piano"
# Public pages that are views rather than pages of the tree: (label, URL name), audited when
# the URL name exists.
VIEW_PAGES = [("segnala-disservizio", "feedback:report_inefficiency")]
# Scores below this count an audit as failing (Lighthouse shows it red or orange).
AUDIT_PASS = 0.9
SCORED_MODES = {"binary", "numeric", "metricSavings"}


# --------------------------------------------------------------------------- which pages


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def local_path(url):
    """The path (and query) of a URL, without scheme and host."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def choose_pages(pages, search_path=SEARCH_PATH, views=()):
    """One page per type, in tree order, then one extra route per routable type, then the
    public views (label, path), then search.

    ``pages``: (type label, path, [sitemap paths]) in tree order (the home page first). A type's
    first page stands for it; a sitemap path other than the page's own (a route of a routable
    page, e.g. a network of the registry) is audited once per type as "<label> (voce)".
    Returns (label, path) pairs with unique labels.
    """
    chosen, seen_types = [], set()
    for type_label, path, sitemap_paths in pages:
        if type_label in seen_types:
            continue
        seen_types.add(type_label)
        chosen.append((slug(type_label), path))
        routes = [other for other in sitemap_paths if other != path]
        if routes:
            chosen.append((slug(f"{type_label} voce"), routes[0]))
    chosen.extend(views)
    if search_path:
        chosen.append(("ricerca", search_path))
    return chosen


def discover_pages():
    """The pages of the database the server uses, through Django (see the module docstring)."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.urls import NoReverseMatch, reverse
    from wagtail.models import Page

    pages = []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
        url = page.get_url()
        if not url:
            continue
        sitemap = [local_path(entry["location"]) for entry in page.get_sitemap_urls()]
        pages.append((str(page.specific_class._meta.verbose_name), local_path(url), sitemap))
    views = []
    for label, url_name in VIEW_PAGES:
        with contextlib.suppress(NoReverseMatch):
            views.append((label, reverse(url_name)))
    return choose_pages(pages, views=views)


# --------------------------------------------------------------------------- the reports


def scores(report):
    """Category id -> score 0-100 (None when Lighthouse could not score it)."""
    result = {}
    for category_id, category in report.get("categories", {}).items():
        score = category.get("score")
        result[category_id] = None if score is None else round(score * 100)
    return result


def failing_audits(report, category_id):
    """(audit id, title, display value) of the category's audits that do not pass."""
    audits = report.get("audits", {})
    failing = []
    for ref in report.get("categories", {}).get(category_id, {}).get("auditRefs", []):
        audit = audits.get(ref["id"], {})
        if audit.get("scoreDisplayMode") not in SCORED_MODES or audit.get("score") is None:
            continue
        if audit["score"] < AUDIT_PASS:
            failing.append((ref["id"], audit.get("title", ""), audit.get("displayValue", "")))
    return failing


def median_run(reports, category_id):
    """The report whose score for the category is the median of the runs (lower middle)."""
    scored = [r for r in reports if scores(r).get(category_id) is not None]
    if not scored:
        return None
    scored.sort(key=lambda r: scores(r)[category_id])
    return scored[(len(scored) - 1) // 2]


def summarise(results, categories):
    """The table and the verdict for {label: (path, [reports])}.

    Returns (lines, failed): failed when a page's accessibility is under 100 or missing.
    """
    header = f"{'page':<40} " + " ".join(f"{HEADINGS[c]:>8}" for c in categories)
    lines = [header, "-" * len(header)]
    notes, failed = [], False
    for label, (path, reports) in results.items():
        cells = []
        for category_id in categories:
            chosen = median_run(reports, category_id)
            score = scores(chosen)[category_id] if chosen else None
            cells.append(f"{'-' if score is None else score:>8}")
            if score is None or score < TARGETS[category_id]:
                if category_id == "accessibility":
                    failed = True
                heading = f"  {label} {path}: {category_id} {score} (target {TARGETS[category_id]})"
                notes.append(heading)
                for audit_id, title, value in failing_audits(chosen or {}, category_id):
                    notes.append(f"      {audit_id}: {title}{f' ({value})' if value else ''}")
        lines.append(f"{label:<40} " + " ".join(cells))
    if notes:
        lines += ["", "Under target (median run):", *notes]
    return lines, failed


# --------------------------------------------------------------------------- running


def lighthouse_command(url, output, categories, fast=False):
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--quiet",
        "--max-wait-for-load=60000",
    ]
    if fast:
        # The gate needs no screenshot. (Not --throttling-method=provided: Lighthouse then
        # waits 5 s of network and CPU quiet after every load instead of 1 s.)
        command.append("--disable-full-page-screenshot")
    return command


def run_once(base, label, path, number, out, categories, fast, attempts=3):
    """One Lighthouse run: its JSON report, or None (the reasons printed).

    A run that fails is tried again (``attempts`` in all): on a loaded machine Lighthouse now
    and then loses the trace of the load (NO_NAVSTART), which says nothing about the page.
    """
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    output = out / label / f"{number}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    command = lighthouse_command(base + path, output, categories, fast)
    for _attempt in range(attempts):
        output.unlink(missing_ok=True)
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        report = json.loads(output.read_text()) if output.exists() else None
        if done.returncode == 0 and report and not report.get("runtimeError"):
            print(f"  {label} run {number}: {scores(report)}", file=sys.stderr, flush=True)
            return report
        reason = (report or {}).get("runtimeError") or done.stderr[-2000:]
        print(f"lighthouse failed on {path}: {reason}", file=sys.stderr, flush=True)
    return None


def run(base, pages, out, runs, categories, fast=False, jobs=1):
    """{label: (path, [reports])}. ``jobs`` runs go on at once (1 for performance figures:
    parallel runs slow each other down; the accessibility audits do not depend on timing)."""
    tasks = [(label, path, n) for label, path in pages for n in range(1, runs + 1)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = pool.map(lambda t: run_once(base, *t, out, categories, fast), tasks)
        reports = list(done)
    results = {label: (path, []) for label, path in pages}
    for (label, _path, _n), report in zip(tasks, reports, strict=True):
        if report is not None:
            results[label][1].append(report)
    return results


def read_pages(file):
    return [tuple(line.split("\t", 1)) for line in Path(file).read_text().splitlines() if line]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("pages", help="list the pages to audit (needs Django)")
    run_parser = commands.add_parser("run", help="run Lighthouse and print the table")
    run_parser.add_argument("--base", required=True)
    run_parser.add_argument("--pages", required=True)
    run_parser.add_argument("--out", required=True, type=Path)
    run_parser.add_argument("--runs", type=int, default=3)
    run_parser.add_argument("--a11y-only", action="store_true")
    run_parser.add_argument("--jobs", type=int, default=1, help="runs at once (--a11y-only)")
    args = parser.parse_args(argv)

    if args.command == "pages":
        for label, path in discover_pages():
            print(f"{label}\t{path}")
        return 0

    categories = ["accessibility"] if args.a11y_only else CATEGORIES
    pages = read_pages(args.pages)
    jobs = args.jobs if args.a11y_only else 1
    results = run(args.base, pages, args.out, args.runs, categories, args.a11y_only, jobs)
    lines, failed = summarise(results, categories)
    print("\n".join(lines))
    if failed:
        print("\nFAILED: accessibility under 100 (or not measured) on a page", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
