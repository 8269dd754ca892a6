"""`manage.py import_blogger`: our own Italian samples (tests/samples/blogger/: a classic
export, a Takeout feed.atom, an overlapping second export, a malformed file) and the real
third-party exports of ../shared/samples/blogger."""

import io
import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from cms.models import (
    CallPage,
    CallType,
    MinutesPage,
    NewsPage,
    PageTag,
    PlanKind,
    PlanPage,
    PlanStatus,
    StandardPage,
)
from imports.blogger_rules import Rule
from imports.models import ImportedItem
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples" / "blogger"
CLASSIC = SAMPLES / "classico.xml"
TAKEOUT = SAMPLES / "feed.atom"
SECOND = SAMPLES / "classico-2.xml"
MALFORMED = SAMPLES / "malformato.xml"
REAL = Path(__file__).resolve().parents[2] / "shared" / "samples" / "blogger"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="shared/samples not present")


@pytest.fixture
def site(home, plan_index, minutes_index, call_index, news_index):
    return NetworkFactory(name="Ufficio di Piano", slug="ufficio-di-piano")


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_blogger", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def state():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            Redirect,
            ImportedItem,
            Tag,
            PageTag,
            PageLogEntry,
            ReferenceIndex,
        )
    }


def titles(model):
    return sorted(model.objects.values_list("title", flat=True))


# --- the classic export


def test_each_published_post_becomes_a_page_of_the_type_its_title_says(
    site, plan_index, minutes_index, call_index, news_index, home
):
    output = run(CLASSIC)
    assert titles(MinutesPage) == [
        "Ufficio di Piano - 18 gennaio 2017",
        "Verbale ufficio di piano - 15 marzo 2017",
    ]
    assert titles(PlanPage) == ["Piano di Zona 2015-2017"]
    assert titles(CallPage) == ["Bando per contributi all'affitto 2017"]
    assert titles(NewsPage) == ["Presentazione del Piano di Zona ai comuni"]
    assert titles(StandardPage) == ["Chi siamo"]
    assert {page.get_parent().pk for page in MinutesPage.objects.all()} == {minutes_index.pk}
    assert PlanPage.objects.get().get_parent().pk == plan_index.pk
    assert CallPage.objects.get().get_parent().pk == call_index.pk
    assert NewsPage.objects.get().get_parent().pk == news_index.pk
    assert StandardPage.objects.get().get_parent().pk == home.pk
    assert "Creati: 6 (bandi 1, notizie 1, pagine generiche 1, piani 1, verbali 2)" in output


def test_the_summary_counts_what_was_skipped_and_what_failed(site):
    output = run(CLASSIC)
    assert "Saltati: 4 (bozze 1, commenti 1, impostazioni del blog 1, modello grafico 1)" in output
    assert "Non importati per errore: 1\n- voce 11: manca il titolo" in output
    assert "Redirect creati: 6" in output
    assert "Immagini non copiate, trasformate in link: 1" in output


def test_a_draft_and_a_comment_become_no_page(site):
    run(CLASSIC)
    assert not Page.objects.filter(title__icontains="festa di Natale").exists()
    assert not Page.objects.filter(title__icontains="Grazie").exists()
    assert not ImportedItem.objects.filter(external_id__endswith="post-1006").exists()


def test_minutes_take_date_and_body_from_the_title_and_the_next_meeting_from_the_text(site):
    run(CLASSIC)
    march = MinutesPage.objects.get(title__contains="15 marzo")
    assert march.meeting_body == site
    assert march.meeting_date == date(2017, 3, 15)
    assert (march.next_meeting_date, march.next_meeting_time, march.next_meeting_place) == (
        date(2017, 4, 12),
        time(9, 30),
        "Sala riunioni di via Manini 21, Crema",
    )
    january = MinutesPage.objects.get(title__contains="18 gennaio")
    assert (january.next_meeting_date, january.next_meeting_time) == (date(2017, 2, 1), time(9))
    assert january.next_meeting_place == "Via Manini"
    assert january.meeting_time is None and january.place == ""


def test_a_call_gets_its_deadline_from_the_text_and_the_defaults_for_the_rest(site):
    run(CLASSIC)
    call = CallPage.objects.get()
    assert call.application_deadline == datetime(2017, 3, 31, 10, tzinfo=UTC)  # 12:00 in Rome
    assert call.issuer == "Ufficio di Piano"
    assert call.call_type == CallType.OTHER
    assert call.opening is None and call.closing_date is None


def test_a_plan_takes_kind_and_years_from_its_title(site):
    run(CLASSIC)
    plan = PlanPage.objects.get()
    assert (plan.kind, plan.start_year, plan.end_year, plan.status) == (
        PlanKind.PIANO_DI_ZONA,
        2015,
        2017,
        PlanStatus.APPROVED,
    )
    assert plan.body.startswith("<h2>Il Piano</h2>")


def test_publication_dates_tags_and_a_live_revision(site):
    run(CLASSIC)
    march = MinutesPage.objects.get(title__contains="15 marzo")
    published = datetime(2017, 3, 20, 17, 30, tzinfo=UTC)
    assert march.first_published_at == published
    assert march.last_published_at == published
    assert sorted(march.tags.names()) == ["ufficio di piano", "verbali"]
    assert march.live and not march.has_unpublished_changes
    assert march.live_revision_id == march.latest_revision_id
    assert march.live_revision.as_object().title == march.title
    assert sorted(march.live_revision.content["tagged_items"], key=str) != []
    news = NewsPage.objects.get()
    assert news.date == date(2015, 5, 12)
    assert sorted(news.tags.names()) == ["incontri", "piano di zona"]
    assert list(
        PageLogEntry.objects.filter(page=march).order_by("action").values_list("action", flat=True)
    ) == ["wagtail.create", "wagtail.publish"]


def test_the_body_is_cleaned_and_images_become_links(site):
    run(CLASSIC)
    body = MinutesPage.objects.get(title__contains="15 marzo").body
    assert "<script" not in body and "style=" not in body and "trbidi" not in body
    assert body.startswith("<p>Presenti: i rappresentanti dei 48 comuni.</p><p><b>Ordine")
    assert '<a href="https://1.bp.blogspot.com/-abc/s1600/firme.jpg">Immagine: Foglio' in body
    assert "<ol><li>Approvazione" in body


def test_links_to_other_posts_of_the_blog_point_to_their_new_pages(site):
    run(CLASSIC)
    january = MinutesPage.objects.get(title__contains="18 gennaio")
    march = MinutesPage.objects.get(title__contains="15 marzo")
    assert f'<a linktype="page" id="{january.pk}">18 gennaio</a>' in march.body
    # The news item (2015-05) links to the plan, written after it (2015-06), through the
    # blog's Italian domain and a "?m=1": fixed once every page exists, in its live revision.
    plan = PlanPage.objects.get()
    news = NewsPage.objects.get()
    assert f'<a linktype="page" id="{plan.pk}">' in news.body
    assert f'<a linktype="page" id="{plan.pk}">' in news.live_revision.content["body"]


def test_news_about_a_plan_points_to_it_in_the_page_its_revision_and_the_references(site):
    output = run(CLASSIC)
    plan = PlanPage.objects.get()
    news = NewsPage.objects.get()  # published a month before the plan: linked at the end
    assert news.related_plan == plan
    assert news.live_revision.content["related_plan"] == plan.pk
    referring = ReferenceIndex.get_references_to(plan).values_list("object_id", "model_path")
    assert set(referring) == {(str(news.pk), "related_plan"), (str(news.pk), "body.")}
    assert "Notizie collegate al loro piano: 1" in output


def test_a_plan_chosen_by_the_editors_is_kept_when_the_news_item_changes(site, tmp_path):
    run(CLASSIC)
    news = NewsPage.objects.get()
    other = PlanPage(title="Altro piano", kind=PlanKind.OTHER, start_year=2015, end_year=2015)
    PlanPage.objects.get().get_parent().add_child(instance=other)
    news.related_plan = other
    news.save_revision().publish()
    changed = tmp_path / "cambiato.xml"
    text = CLASSIC.read_text(encoding="utf-8")
    changed.write_text(text.replace("il 20 maggio", "il 21 maggio"), encoding="utf-8")
    output = run(changed)
    assert "Aggiornati: 1 (notizie 1)" in output
    news.refresh_from_db()
    assert "21 maggio" in news.body
    assert news.related_plan == other
    assert "Notizie collegate" not in output


def test_old_addresses_redirect_permanently_to_the_new_pages(site, client):
    run(CLASSIC)
    march = MinutesPage.objects.get(title__contains="15 marzo")
    response = client.get("/2017/03/verbale-ufficio-di-piano-15-marzo-2017.html")
    assert response.status_code == 301
    assert response["Location"] == march.url
    assert client.get(response["Location"]).status_code == 200
    page = client.get("/p/chi-siamo.html")
    assert (page.status_code, page["Location"]) == (301, StandardPage.objects.get().url)
    assert Redirect.objects.filter(is_permanent=True, site=None).count() == 6


def test_imported_pages_are_in_the_search_and_reference_indexes(site):
    run(CLASSIC)
    found = list(Page.objects.live().search("bilancio sociale"))
    assert [page.title for page in found] == ["Ufficio di Piano - 18 gennaio 2017"]
    minutes = set(ReferenceIndex.get_references_to(site).values_list("object_id", flat=True))
    assert minutes == {str(pk) for pk in MinutesPage.objects.values_list("pk", flat=True)}


def test_the_page_tree_stays_consistent(site, minutes_index):
    run(CLASSIC)
    run(TAKEOUT)
    assert Page.find_problems() == ([], [], [], [], [])
    minutes_index.refresh_from_db()
    assert minutes_index.numchild == 3


# --- Takeout


def test_takeout_feed_imports_live_posts_and_pages_only(site):
    output = run(TAKEOUT)
    assert titles(MinutesPage) == [
        "Ufficio di Piano - 18 gennaio 2017",
        "Ufficio di Piano - mercoledì 1° febbraio 2017",
    ]
    assert titles(CallPage) == ["Avviso pubblico: voucher per l'assistenza domiciliare"]
    assert titles(StandardPage) == ["Contatti"]
    assert not Page.objects.filter(title__icontains="ISEE").exists()
    assert "Saltati: 2 (bozze 1, commenti 1)" in output
    february = MinutesPage.objects.get(meeting_date=date(2017, 2, 1))
    assert (february.next_meeting_date, february.next_meeting_time) == (
        date(2017, 3, 1),
        time(14, 30),
    )
    assert february.next_meeting_place == "Comune di Crema"
    assert sorted(february.tags.names()) == ["povertà", "ufficio di piano"]
    assert february.first_published_at == datetime(2017, 2, 2, 9, tzinfo=UTC)
    assert Redirect.objects.filter(
        old_path="/2017/02/ufficio-di-piano-1-febbraio-2017.html"
    ).exists()
    call = CallPage.objects.get()
    assert call.application_deadline == datetime(2017, 4, 28, 22, tzinfo=UTC)  # end of 28 April


# --- running again, overlapping exports, changes


def test_the_same_file_twice_creates_nothing_the_second_time(site):
    run(CLASSIC)
    before = state()
    output = run(CLASSIC)
    assert state() == before
    assert "Creati: 0" in output
    assert "Invariati: 6 (bandi 1, notizie 1, pagine generiche 1, piani 1, verbali 2)" in output
    assert "Redirect creati: 0" in output


def test_overlapping_exports_create_each_post_once(site):
    run(CLASSIC)
    output = run(TAKEOUT)
    # The 18 January minutes are in both files: the same page, unchanged.
    assert "Invariati: 1 (verbali 1)" in output
    assert MinutesPage.objects.filter(title__contains="18 gennaio").count() == 1
    output = run(SECOND)
    assert "Creati: 1 (notizie 1)" in output
    assert "Aggiornati: 1 (bandi 1)" in output
    # post-9005 has another id but the title and date of post-1005: the same page.
    assert "Invariati: 2 (notizie 1, verbali 1)" in output
    assert NewsPage.objects.filter(title__startswith="Presentazione").count() == 1
    assert ImportedItem.objects.get(external_id="post-9005").page.title.startswith("Presentazione")
    assert "voce 5 «Post senza data»: manca la data di pubblicazione" in output
    assert Page.objects.type(CallPage).count() == 2
    again = state()
    run(CLASSIC)  # the older text of the call comes back as a new revision, nothing new
    run(SECOND)
    assert state()["Page"] == again["Page"]


def test_a_changed_post_gets_a_new_published_revision(site):
    run(CLASSIC)
    call = CallPage.objects.get()
    revisions = call.revisions.count()
    first_revision = call.live_revision_id
    run(SECOND)
    call.refresh_from_db()
    assert call.revisions.count() == revisions + 1
    assert call.live_revision_id != first_revision
    assert call.live_revision_id == call.latest_revision_id
    assert "<b>Proroga:</b>" in call.body
    assert call.application_deadline == datetime(2017, 4, 14, 10, tzinfo=UTC)
    assert sorted(call.tags.names()) == ["affitto", "proroga"]
    assert call.first_published_at == datetime(2017, 2, 10, 9, 15, tzinfo=UTC)
    assert call.last_published_at == call.first_published_at
    assert Page.objects.type(CallPage).count() == 1


def test_a_page_withdrawn_by_the_editors_is_not_published_again(site):
    run(CLASSIC)
    call = CallPage.objects.get()
    call.unpublish()
    output = run(SECOND)
    call.refresh_from_db()
    assert not call.live
    assert "pagine ritirate dalla redazione (non aggiornate) 1" in output
    assert "Proroga" not in call.body


def test_a_deleted_page_is_created_again(site):
    run(CLASSIC)
    NewsPage.objects.get().delete()
    output = run(CLASSIC)
    assert "Creati: 1 (notizie 1)" in output
    assert NewsPage.objects.count() == 1


# --- all or nothing, dry run, one bad post


def test_a_malformed_file_is_refused_naming_line_and_column_and_changes_nothing(site):
    run(CLASSIC)
    before = state()
    with pytest.raises(CommandError) as error:
        run(MALFORMED)
    message = str(error.value)
    assert "riga 15, colonna 5" in message
    assert "prefisso di namespace" in message and "Nessuna modifica" in message
    assert state() == before


def test_a_file_that_is_not_a_blogger_export_is_refused(site, tmp_path):
    other = tmp_path / "altro.xml"
    other.write_text("<?xml version='1.0'?><rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(CommandError, match="non è un'esportazione Blogger"):
        run(other)
    with pytest.raises(CommandError, match="File non trovato"):
        run(tmp_path / "manca.xml")


def test_entities_and_dtds_are_refused(site, tmp_path):
    bomb = tmp_path / "bomba.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>&b;</title></feed>',
        encoding="utf-8",
    )
    before = state()
    with pytest.raises(CommandError, match="rifiutati per sicurezza"):
        run(bomb)
    assert state() == before


def test_dry_run_prints_the_same_summary_and_writes_nothing(site):
    before = state()
    output = run(CLASSIC, "--dry-run")
    assert output.startswith("Prova (--dry-run): nessuna modifica salvata.")
    assert "Creati: 6 (bandi 1, notizie 1, pagine generiche 1, piani 1, verbali 2)" in output
    assert "Redirect creati: 6" in output
    assert state() == before
    assert run(CLASSIC) == output.split("\n", 1)[1]


def test_one_post_that_fails_in_the_database_is_rolled_back_alone(site, monkeypatch):
    from imports import pages

    stage_references = pages.PageWriter._stage_references

    def failing(self, page):
        if "15 marzo" in page.title:
            raise RuntimeError("rifiutato dal database")
        return stage_references(self, page)

    monkeypatch.setattr(pages.PageWriter, "_stage_references", failing)
    output = run(CLASSIC)
    assert "voce 3 «Verbale ufficio di piano - 15 marzo 2017»: RuntimeError" in output
    assert "Creati: 5" in output
    assert not Page.objects.filter(title__contains="15 marzo").exists()
    assert not Redirect.objects.filter(old_path__contains="15-marzo").exists()
    assert ImportedItem.objects.count() == 5
    assert Page.find_problems() == ([], [], [], [], [])
    monkeypatch.undo()
    assert "Creati: 1 (verbali 1)" in run(CLASSIC)


def test_a_missing_section_stops_the_import_before_any_write(home, news_index, minutes_index):
    NetworkFactory(slug="ufficio-di-piano")
    before = state()
    with pytest.raises(CommandError) as error:
        run(CLASSIC)
    assert "«elenco dei piani» (per 1 post)" in str(error.value)
    assert "«elenco dei bandi» (per 1 post)" in str(error.value)
    assert state() == before


def test_parent_puts_every_page_under_one_page(site, news_index):
    output = run(CLASSIC, "--parent", "/notizie/")
    assert Page.objects.child_of(news_index).count() == 6
    assert "verbali: il tipo di pagina non è previsto sotto «Notizie»" in output
    with pytest.raises(CommandError, match="Nessuna pagina in /non-esiste/"):
        run(CLASSIC, "--parent", "/non-esiste/")


def test_without_the_network_minutes_become_news_and_the_report_says_so(
    home, plan_index, minutes_index, call_index, news_index
):
    output = run(CLASSIC)
    assert MinutesPage.objects.count() == 0
    assert NewsPage.objects.filter(title__icontains="ufficio di piano").count() == 2
    assert "La rete «ufficio-di-piano» non è nel registro: 2 verbali importati come notizie" in (
        output
    )


def test_a_rules_table_naming_an_unknown_type_stops_the_import(site, settings):
    settings.BLOGGER_IMPORT_RULES = "tests.test_import_blogger.BAD_RULES"
    before = state()
    with pytest.raises(CommandError, match="usa il tipo 'verbale'"):
        run(CLASSIC)
    assert state() == before


BAD_RULES = [Rule("ufficio di piano", "verbale"), Rule("", "news")]


def test_progress_goes_to_stderr_only_on_a_terminal_or_when_asked(site):
    err = io.StringIO()
    call_command("import_blogger", str(CLASSIC), stdout=io.StringIO(), stderr=err)
    assert "Post importati" not in err.getvalue()
    err = io.StringIO()
    call_command("import_blogger", str(CLASSIC), "--progress", stdout=io.StringIO(), stderr=err)
    assert "Post importati: 6/6" in err.getvalue()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_progress_is_rewritten_in_place(site):
    err = Terminal()
    call_command("import_blogger", str(CLASSIC), stdout=io.StringIO(), stderr=err)
    assert "\rPost importati: 6/6\n" in err.getvalue()


# --- the real third-party samples (../shared/samples/blogger, see PROVENANCE.md there)


@needs_real
def test_real_pelican_export_is_refused_for_its_undeclared_prefix(site):
    before = state()
    with pytest.raises(CommandError) as error:
        run(REAL / "pelican-bloggerexport.xml")
    assert "riga 973" in str(error.value) and "unbound prefix" in str(error.value)
    assert state() == before


@needs_real
def test_real_pelican_export_with_its_prefix_declared(site, tmp_path):
    text = (REAL / "pelican-bloggerexport.xml").read_text(encoding="utf-8")
    fixed = tmp_path / "pelican.xml"
    fixed.write_text(
        text.replace("<feed ", "<feed xmlns:app='http://purl.org/atom/app#' ", 1), "utf-8"
    )
    output = run(fixed)
    assert "Creati: 2 (notizie 1, pagine generiche 1)" in output
    assert "Saltati: 62 (bozze 2, commenti 1, impostazioni del blog 58, modello grafico 1)" in (
        output
    )
    post = NewsPage.objects.get()
    assert post.title == "The Steel Windpipe"
    assert post.first_published_at == datetime(2010, 11, 27, 15, 12, tzinfo=UTC)
    assert "<li>Very cold indeed.</li>" in post.body
    assert Redirect.objects.get(old_path="/2010/11/the-steel-windpipe.html").redirect_page_id == (
        post.pk
    )
    assert Redirect.objects.get(old_path="/p/test-page.html").redirect_page.title == "Test page"
    assert "Creati: 0" in run(fixed)


@needs_real
def test_real_rtcamp_export(site):
    output = run(REAL / "rtcamp-dummy.xml")
    assert "Creati: 30 (notizie 30)" in output
    assert Tag.objects.count() == 61
    assert PageTag.objects.count() == 101
    assert Redirect.objects.count() == 0
    assert "Indirizzi con parametri (?…): nessun redirect possibile: 30" in output
    assert "http://www.sneeit.com/?p=39 (indirizzo con parametri: nessun redirect)" in output
    assert "Immagini non copiate, trasformate in link: 117" in output
    assert ImportedItem.objects.filter(external_id="post-39").exists()
    first = NewsPage.objects.get(title="9 ways desktop wallpapers could leave you needing a lawyer")
    assert first.first_published_at == datetime(2021, 6, 1, 22, 10, 22, tzinfo=UTC)
    assert not re.search(r"<img|style=", first.body)
    assert "Creati: 0" in run(REAL / "rtcamp-dummy.xml")
