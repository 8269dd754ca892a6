"""Attached documents in the public search: found by what they say, shown as "Documento" with a
snippet and the pages they belong to, never when the public may not see them."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from cms.demo.pdf import pdf_bytes
from tests.factories import DocumentFactory, NewsPageFactory, StandardPageFactory, attachments


@pytest.fixture
def committed(db, django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def upload(committed, title, text, **fields):
    with committed():
        return DocumentFactory(
            title=title, file=ContentFile(pdf_bytes(title, text), name="allegato.pdf"), **fields
        )


def results(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def hits(response):
    return [(hit.type_label, hit.title) for hit in response.context["results"].object_list]


def test_a_document_is_found_by_the_text_of_its_file(client, committed, home):
    document = upload(committed, "Graduatoria", "Beneficiari del contributo per la teleassistenza")
    StandardPageFactory(parent=home, title="Servizi domiciliari", attachments=attachments(document))

    response = results(client, "teleassistenza")

    assert hits(response) == [("Documento", "Graduatoria")]
    hit = response.context["results"].object_list[0]
    assert hit.url == document.url
    assert "<mark>teleassistenza</mark>" in str(hit.snippet)
    assert "Allegato a: Servizi domiciliari" in response.content.decode()


def test_a_document_and_a_page_are_ranked_together(client, committed, home, news_index):
    document = upload(committed, "Teleassistenza: graduatoria", "teleassistenza teleassistenza")
    StandardPageFactory(parent=home, title="Allegati", attachments=attachments(document))
    NewsPageFactory(parent=news_index, title="Orari estivi", body="<p>cenni di teleassistenza</p>")

    assert hits(results(client, "teleassistenza")) == [
        ("Documento", "Teleassistenza: graduatoria"),
        ("Notizia", "Orari estivi"),
    ]


def test_a_document_the_public_may_not_see_is_neither_listed_nor_counted(client, committed, home):
    private = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden = upload(committed, "Elenco nominativo", "teleassistenza", collection=private)
    unattached = upload(committed, "Bozza di graduatoria", "teleassistenza")
    assert unattached.extracted_text.text
    StandardPageFactory(parent=home, attachments=attachments(hidden))

    response = results(client, "teleassistenza")

    assert hits(response) == []
    assert "Documento" not in response.content.decode()
    assert results(client, "teleassistenza", type="documento").context["results"].object_list == []


def test_the_type_facet_counts_documents_and_selects_them(client, committed, home, news_index):
    document = upload(committed, "Graduatoria", "teleassistenza")
    StandardPageFactory(parent=home, title="Allegati", attachments=attachments(document))
    NewsPageFactory(parent=news_index, title="Teleassistenza per gli anziani")

    groups = {group["name"]: group for group in results(client, "teleassistenza").context["facets"]}
    options = {option["label"]: option["count"] for option in groups["type"]["options"]}
    only_documents = results(client, "teleassistenza", type="documento")

    assert options == {"Notizia": 1, "Documento": 1}
    assert hits(only_documents) == [("Documento", "Graduatoria")]


def test_a_filter_documents_do_not_have_leaves_only_pages(client, committed, home, news_index):
    document = upload(committed, "Graduatoria", "teleassistenza")
    StandardPageFactory(parent=home, title="Allegati", attachments=attachments(document))
    news = NewsPageFactory(parent=news_index, title="Teleassistenza per gli anziani")

    response = results(client, "teleassistenza", year=news.date.year)

    assert hits(response) == [("Notizia", "Teleassistenza per gli anziani")]


def test_by_date_pages_come_first_then_documents(client, committed, home, news_index):
    document = upload(committed, "Graduatoria", "teleassistenza teleassistenza teleassistenza")
    StandardPageFactory(parent=home, title="Allegati", attachments=attachments(document))
    NewsPageFactory(parent=news_index, title="Orari", body="<p>teleassistenza</p>")

    response = results(client, "teleassistenza", sort="date")

    assert hits(response) == [("Notizia", "Orari"), ("Documento", "Graduatoria")]
    assert response.context["results"].paginator.count == 2


def queries_and_hits(client, query):
    results(client, query)
    with CaptureQueriesContext(connection) as captured:
        response = results(client, query)
    return len(captured.captured_queries), len(response.context["results"].object_list)


def test_documents_among_the_results_do_not_add_queries_per_hit(client, committed, home):
    for prefix, count in (("alfa", 2), ("beta", 6)):
        documents = [
            upload(committed, f"Documento {prefix} {number}", f"{prefix} teleassistenza")
            for number in range(count)
        ]
        for number in range(count):
            StandardPageFactory(parent=home, title=f"Pagina {prefix} {number}")
        StandardPageFactory(
            parent=home, title=f"Allegati {prefix}", attachments=attachments(*documents)
        )

    few, few_hits = queries_and_hits(client, "alfa")
    many, many_hits = queries_and_hits(client, "beta")

    assert (few_hits, many_hits) == (5, 10)
    assert few == many


# -- many matches: more than SEARCH_MATCH_LIMIT


def test_past_the_match_limit_title_matches_come_first_then_the_newest(
    client, news_index, settings
):
    settings.SEARCH_MATCH_LIMIT = 3
    NewsPageFactory(parent=news_index, title="Orari", body="<p>teleassistenza</p>")
    NewsPageFactory(parent=news_index, title="Avvisi", body="<p>teleassistenza</p>")
    in_title = NewsPageFactory(parent=news_index, title="Teleassistenza", body="<p>servizio</p>")
    newer = NewsPageFactory(parent=news_index, title="Bando", body="<p>teleassistenza</p>")
    newest = NewsPageFactory(parent=news_index, title="Novità", body="<p>teleassistenza</p>")

    response = results(client, "teleassistenza")

    assert response.context["results"].paginator.count == 3
    assert [hit.title for hit in response.context["results"].object_list] == [
        in_title.title,
        newest.title,
        newer.title,
    ]
    assert "Più di 3 risultati" in response.content.decode()


def test_past_the_match_limit_the_pages_do_not_repeat_or_skip(client, news_index, settings):
    settings.SEARCH_MATCH_LIMIT = 12
    titles = [f"Teleassistenza {n}" for n in range(3)] + [f"Avviso {n}" for n in range(12)]
    for title in titles:
        NewsPageFactory(parent=news_index, title=title, body="<p>teleassistenza</p>")

    first = [hit.title for hit in results(client, "teleassistenza").context["results"]]
    second = [hit.title for hit in results(client, "teleassistenza", page=2).context["results"]]

    assert len(first) == 10 and len(second) == 2
    assert set(first[:3]) == {f"Teleassistenza {n}" for n in range(3)}
    assert first[3:] + second == [f"Avviso {n}" for n in range(11, 2, -1)]


def test_within_the_match_limit_the_count_is_exact_and_says_nothing_more(client, news_index):
    for n in range(3):
        NewsPageFactory(parent=news_index, title=f"Avviso {n}", body="<p>teleassistenza</p>")

    response = results(client, "teleassistenza")

    assert response.context["results"].paginator.count == 3
    assert "3 risultati per" in response.content.decode()
    assert "Più di" not in response.content.decode()


def test_past_the_match_limit_the_filters_are_offered_without_counts(client, news_index, settings):
    settings.SEARCH_MATCH_LIMIT = 2
    for n in range(3):
        news = NewsPageFactory(parent=news_index, title=f"Avviso {n}", body="<p>teleassistenza</p>")
        news.tags.add("domiciliarità")
        news.save_revision().publish()

    response = results(client, "teleassistenza")
    groups = {group["name"]: group for group in response.context["facets"]}

    assert {option["label"] for option in groups["type"]["options"]} >= {"Notizia", "Documento"}
    assert all(option["count"] is None for group in groups.values() for option in group["options"])
    assert "tag" not in groups and "body" not in groups
    filtered = results(client, "teleassistenza", type="notizia")
    assert len(filtered.context["results"].object_list) == 2


def test_when_even_the_title_matches_pass_the_limit_all_come_newest_first(
    client, news_index, settings
):
    settings.SEARCH_MATCH_LIMIT = 2
    titles = ["Teleassistenza A", "Avviso", "Teleassistenza B", "Teleassistenza C"]
    for title in titles:
        NewsPageFactory(parent=news_index, title=title, body="<p>teleassistenza</p>")

    response = results(client, "teleassistenza")

    shown = [hit.title for hit in response.context["results"].object_list]
    assert shown == ["Teleassistenza C", "Teleassistenza B"]
