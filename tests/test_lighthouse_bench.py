"""bench/lighthouse_report.py: which pages bench/lighthouse audits, and how it reads the reports."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "lighthouse_report", ROOT / "bench" / "lighthouse_report.py"
)
lighthouse_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lighthouse_report)


def report(**categories):
    """A Lighthouse JSON report: category id -> (score 0-1, {audit id: score})."""
    audits, result = {}, {}
    for category_id, (score, category_audits) in categories.items():
        refs = []
        for audit_id, audit_score in category_audits.items():
            audits[audit_id] = {
                "id": audit_id,
                "title": f"Title of {audit_id}",
                "score": audit_score,
                "scoreDisplayMode": "binary" if audit_score is not None else "notApplicable",
            }
            refs.append({"id": audit_id, "weight": 1})
        result[category_id.replace("_", "-")] = {"score": score, "auditRefs": refs}
    return {"categories": result, "audits": audits}


def test_one_page_per_type_then_one_route_then_search():
    pages = [
        ("home page", "/", ["/"]),
        ("sezione", "/piani/", ["/piani/"]),
        ("piano", "/piani/a/", ["/piani/a/"]),
        ("piano", "/piani/b/", ["/piani/b/"]),
        ("sezione", "/verbali/", ["/verbali/"]),
        ("elenco delle reti", "/reti/", ["/reti/", "/reti/rete-a/", "/reti/rete-b/"]),
    ]
    assert lighthouse_report.choose_pages(pages) == [
        ("home-page", "/"),
        ("sezione", "/piani/"),
        ("piano", "/piani/a/"),
        ("elenco-delle-reti", "/reti/"),
        ("elenco-delle-reti-voce", "/reti/rete-a/"),
        ("ricerca", "/search/?q=piano"),
    ]
    views = [("segnala-disservizio", "/segnala-disservizio/")]
    assert lighthouse_report.choose_pages(pages[:1], views=views) == [
        ("home-page", "/"),
        ("segnala-disservizio", "/segnala-disservizio/"),
        ("ricerca", "/search/?q=piano"),
    ]


def test_local_path_keeps_the_query_and_drops_the_host():
    assert lighthouse_report.local_path("http://localhost/reti/a/?x=1") == "/reti/a/?x=1"
    assert lighthouse_report.local_path("/chi-siamo/") == "/chi-siamo/"


@pytest.mark.django_db
def test_discovery_takes_live_public_pages_one_per_type(home, plan_index, news_index):
    from wagtail.models import PageViewRestriction

    from cms.models import StandardPage
    from tests.factories import add_published

    first = add_published(home, StandardPage(title="Chi siamo", slug="chi-siamo"))
    add_published(home, StandardPage(title="Contatti", slug="contatti"))
    private = add_published(plan_index, StandardPage(title="Riservata", slug="riservata"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = StandardPage(title="Bozza", slug="bozza", live=False)
    news_index.add_child(instance=draft)

    chosen = lighthouse_report.discover_pages()

    paths = [path for _label, path in chosen]
    assert paths[0] == "/"
    assert first.url in paths
    assert "/contatti/" not in paths and private.url not in paths and "/bozza/" not in paths
    assert plan_index.url in paths and news_index.url in paths
    assert chosen[-1] == ("ricerca", "/search/?q=piano")
    assert ("segnala-disservizio", "/segnala-disservizio/") in chosen
    assert len({label for label, _path in chosen}) == len(chosen)


def test_scores_and_failing_audits():
    lhr = report(
        accessibility=(0.93, {"color-contrast": 0, "image-alt": 1, "video-caption": None}),
        seo=(1.0, {"meta-description": 1}),
    )
    assert lighthouse_report.scores(lhr) == {"accessibility": 93, "seo": 100}
    assert lighthouse_report.failing_audits(lhr, "accessibility") == [
        ("color-contrast", "Title of color-contrast", "")
    ]
    assert lighthouse_report.failing_audits(lhr, "seo") == []


def test_median_run_is_the_middle_score():
    runs = [report(performance=(s, {})) for s in (0.95, 0.70, 0.88)]
    assert lighthouse_report.scores(lighthouse_report.median_run(runs, "performance")) == {
        "performance": 88
    }


def test_accessibility_under_100_fails_other_categories_only_report():
    passing = report(accessibility=(1.0, {}), performance=(0.5, {"largest-contentful-paint": 0.2}))
    lines, failed = lighthouse_report.summarise(
        {"home": ("/", [passing])}, ["performance", "accessibility"]
    )
    assert not failed
    text = "\n".join(lines)
    assert "largest-contentful-paint" in text and "performance 50 (target 90)" in text

    failing = report(accessibility=(0.98, {"link-name": 0}))
    lines, failed = lighthouse_report.summarise({"home": ("/", [failing])}, ["accessibility"])
    assert failed
    assert "link-name" in "\n".join(lines)


def test_a_page_without_report_fails_the_gate():
    lines, failed = lighthouse_report.summarise({"home": ("/", [])}, ["accessibility"])
    assert failed


def test_main_reads_reports_and_exits_1_under_100(tmp_path, monkeypatch):
    pages = tmp_path / "pages.tsv"
    pages.write_text("home\t/\n")

    def fake_run(command, env, capture_output, text, timeout):
        output = Path(
            next(arg for arg in command if arg.startswith("--output-path=")).split("=", 1)[1]
        )
        output.write_text(json.dumps(report(accessibility=(0.9, {"button-name": 0}))))
        assert env["CHROME_PATH"]
        assert "--only-categories=accessibility" in command
        assert any("--headless=new" in arg and "--no-sandbox" in arg for arg in command)

        class Done:
            returncode = 0
            stderr = ""

        return Done()

    monkeypatch.setattr(lighthouse_report.subprocess, "run", fake_run)
    status = lighthouse_report.main(
        [
            "run",
            "--base",
            "http://127.0.0.1:1",
            "--pages",
            str(pages),
            "--out",
            str(tmp_path),
            "--a11y-only",
        ]
    )
    assert status == 1
    assert (tmp_path / "home" / "1.json").exists()


def test_a_failed_run_is_tried_again(tmp_path, monkeypatch):
    outcomes = iter([1, 0])

    def fake_run(command, env, capture_output, text, timeout):
        output = Path(next(a for a in command if a.startswith("--output-path=")).split("=", 1)[1])
        code = next(outcomes)
        if code == 0:
            output.write_text(json.dumps(report(accessibility=(1.0, {}))))

        class Done:
            returncode = code
            stderr = "Runtime error encountered: NO_NAVSTART"

        return Done()

    monkeypatch.setattr(lighthouse_report.subprocess, "run", fake_run)
    result = lighthouse_report.run_once(
        "http://127.0.0.1:1", "home", "/", 1, tmp_path, ["accessibility"], fast=True
    )
    assert lighthouse_report.scores(result) == {"accessibility": 100}


def test_a_page_that_never_loads_gives_no_report(tmp_path, monkeypatch):
    def fake_run(command, env, capture_output, text, timeout):
        class Done:
            returncode = 1
            stderr = "Status code: 500"

        return Done()

    monkeypatch.setattr(lighthouse_report.subprocess, "run", fake_run)
    results = lighthouse_report.run(
        "http://127.0.0.1:1", [("home", "/")], tmp_path, 1, ["accessibility"], fast=True
    )
    assert results == {"home": ("/", [])}
    assert lighthouse_report.summarise(results, ["accessibility"])[1]
