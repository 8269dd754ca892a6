"""`/api/v3/search/`: the public search as JSON, with the same results, facets and promotions
as the HTML page `/search/`, never a 5xx, a constant number of queries."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from cms.demo.pdf import pdf_bytes
from tests.factories import (
    CallPageFactory,
    DocumentFactory,
    NewsPageFactory,
    StandardPageFactory,
    attachments,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


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


def api(client, query, **params):
    response = client.get("/api/v3/search/", {"q": query, **params})
    assert response.status_code == 200, response.content
    return response.json()


def html(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.context


def html_facets(context):
    return [
        (
            group["name"],
            str(group["title"]),
            [(str(o["label"]), o["count"], o["active"]) for o in group["options"]],
        )
        for group in context["facets"]
    ]


def api_facets(data):
    return [
        (
            group["name"],
            group["title"],
            [(o["label"], o["count"], o["active"]) for o in group["options"]],
        )
        for group in data["facets"]
    ]


def titles(data):
    return [hit["title"] for hit in data["results"]]


@pytest.fixture
def corpus(committed, home, news_index, call_index):
    """Pages of several types and years, with topics, and a document attached to a page."""
    for year, title in ((2019, "ISEE 2019: nuove soglie"), (2021, "Contributi ISEE per affitti")):
        news = NewsPageFactory(
            parent=news_index, title=title, date=f"{year}-03-01", body="<p>ISEE</p>"
        )
        news.tags.add("casa")
        news.save_revision().publish()
    CallPageFactory(parent=call_index, title="Bando voucher ISEE", intro="Domande con ISEE.")
    StandardPageFactory(parent=home, title="Sportello ISEE", body="<p>Orari dello sportello</p>")
    document = upload(committed, "Graduatoria", "Elenco dei beneficiari con ISEE sotto soglia")
    StandardPageFactory(parent=home, title="Allegati", attachments=attachments(document))
    return document


# -- same results and facets as the HTML page


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": "notizia"},
        {"type": "documento"},
        {"year": "2021"},
        {"tag": "casa"},
        {"sort": "date"},
        {"type": "notizia", "sort": "date", "page": "1"},
    ],
    ids=["all", "type", "documents", "year", "tag", "by-date", "combined"],
)
def test_results_and_facets_match_the_html_page(client, corpus, params):
    context = html(client, "ISEE", **params)
    data = api(client, "ISEE", **params)

    assert titles(data) == [hit.title for hit in context["results"].object_list]
    assert [hit["type_label"] for hit in data["results"]] == [
        str(hit.type_label) for hit in context["results"].object_list
    ]
    assert data["count"] == context["results"].paginator.count
    assert data["more"] is False
    assert data["page"] == 1 and data["num_pages"] == 1
    assert api_facets(data) == html_facets(context)
    assert data["query"] == "ISEE"


def test_a_result_gives_its_type_date_and_snippet_as_text_and_as_html(client, news_index):
    news = NewsPageFactory(
        parent=news_index,
        title="Sostegno a domicilio",
        date="2024-05-02",
        intro="",
        body="<p>Il registro delle assistenti familiari &amp; badanti è aperto.</p>",
    )

    (hit,) = api(client, "assistente familiare")["results"]

    assert hit["type"] == "notizia" and hit["type_label"] == "Notizia"
    assert hit["date"] == "2024-05-02"
    assert hit["url"] == news.url
    assert "<mark>assistenti</mark> <mark>familiari</mark> &amp; badanti" in hit["snippet_html"]
    assert "assistenti familiari & badanti" in hit["snippet"]
    assert "<" not in hit["snippet"]


def test_a_call_gives_its_computed_state(client, call_index):
    CallPageFactory(parent=call_index, title="Bando voucher")

    (hit,) = api(client, "voucher")["results"]

    assert hit["type"] == "bando"
    assert hit["state"] and hit["state_label"]


def test_the_pages_of_results_match_the_html_page(client, news_index):
    for n in range(13):
        NewsPageFactory(parent=news_index, title=f"Avviso {n}", body="<p>teleassistenza</p>")

    data = api(client, "teleassistenza", page="2")

    assert (data["count"], data["page"], data["num_pages"]) == (13, 2, 2)
    assert titles(data) == [
        hit.title for hit in html(client, "teleassistenza", page="2")["results"].object_list
    ]


def test_invalid_filter_values_are_ignored_as_in_the_html_page(client, corpus):
    params = {"type": "nope", "year": "20x1", "state": "'; DROP TABLE", "sort": "x", "page": "z"}

    data = api(client, "ISEE", **params)

    assert titles(data) == titles(api(client, "ISEE"))
    assert api_facets(data) == html_facets(html(client, "ISEE", **params))


def test_past_the_match_limit_more_is_true_and_the_facets_have_no_counts(
    client, news_index, settings
):
    settings.SEARCH_MATCH_LIMIT = 2
    for n in range(3):
        NewsPageFactory(parent=news_index, title=f"Avviso {n}", body="<p>teleassistenza</p>")

    data = api(client, "teleassistenza")

    assert data["more"] is True and data["count"] == 2
    assert all(o["count"] is None for group in data["facets"] for o in group["options"])
    assert api_facets(data) == html_facets(html(client, "teleassistenza"))


def test_promotions_match_the_html_page(client, home, news_index):
    promoted = NewsPageFactory(parent=news_index, title="Guida all'ISEE")
    query = Query.get("isee")
    SearchPromotion.objects.create(
        query=query, page=promoted, description="Tutto sull'ISEE", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.inps.it/isee",
        external_link_text="ISEE sul sito INPS",
        description="",
        sort_order=1,
    )
    hidden = NewsPageFactory(parent=news_index, title="Bozza ISEE")
    hidden.unpublish()
    SearchPromotion.objects.create(query=query, page=hidden, sort_order=2)

    data = api(client, "ISEE")

    assert data["promotions"] == [
        {"title": "Guida all'ISEE", "url": promoted.url, "description": "Tutto sull'ISEE"},
        {"title": "ISEE sul sito INPS", "url": "https://www.inps.it/isee", "description": ""},
    ]
    assert [p["title"] for p in data["promotions"]] == [
        p.page.title if p.page else p.external_link_text for p in html(client, "ISEE")["promotions"]
    ]


# -- visibility


def test_drafts_and_private_pages_never_appear(client, news_index):
    NewsPageFactory(parent=news_index, title="Bozza riservata FNA").unpublish()
    private = NewsPageFactory(parent=news_index, title="Verbale riservato FNA")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    NewsPageFactory(parent=news_index, title="Avviso pubblico FNA")

    data = api(client, "FNA")
    suggestions = client.get("/api/v3/search/autocomplete/", {"q": "Bozza"}).json()

    assert titles(data) == ["Avviso pubblico FNA"]
    assert data["count"] == 1
    assert "riservat" not in str(data)
    assert suggestions == []


def test_a_document_appears_with_the_pages_it_is_attached_to(client, committed, home):
    document = upload(committed, "Graduatoria", "Beneficiari del contributo per la teleassistenza")
    page = StandardPageFactory(
        parent=home, title="Servizi domiciliari", attachments=attachments(document)
    )
    private = StandardPageFactory(
        parent=home, title="Area riservata", attachments=attachments(document)
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    (hit,) = api(client, "teleassistenza")["results"]

    assert (hit["type"], hit["type_label"], hit["title"]) == (
        "documento",
        "Documento",
        "Graduatoria",
    )
    assert hit["url"] == document.url
    assert "<mark>teleassistenza</mark>" in hit["snippet_html"]
    assert hit["attached_to"] == [{"title": "Servizi domiciliari", "url": page.url}]


def test_a_document_only_on_a_private_page_never_appears(client, committed, home):
    document = upload(committed, "Elenco nominativo", "teleassistenza")
    private = StandardPageFactory(parent=home, attachments=attachments(document))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert api(client, "teleassistenza")["results"] == []
    assert api(client, "teleassistenza", type="documento")["count"] == 0


# -- bad queries


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 10_000,
        "!?.,;:()[]{}-_'*^",
        "&|~+=/\\@#%<>",
        SCRIPT,
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        '"',
        "\x00\x1f",
        "NEAR(",
    ],
    ids=[
        "empty",
        "blanks",
        "ten-thousand-chars",
        "punctuation",
        "operators",
        "html",
        "sql",
        "sql-or",
        "quote",
        "control",
        "fts-syntax",
    ],
)
def test_bad_queries_answer_200_with_a_message_and_no_results(client, news_index, query):
    NewsPageFactory(parent=news_index, title="Avviso ISEE")

    data = api(client, query)

    assert data["results"] == [] and data["count"] == 0
    assert data["message"]
    assert client.get("/api/v3/search/autocomplete/", {"q": query}).status_code == 200


def test_a_missing_query_answers_200_with_a_message(client, home):
    response = client.get("/api/v3/search/")

    assert response.status_code == 200
    assert response.json()["message"] and response.json()["results"] == []


def test_a_very_long_query_is_cut_and_says_so(client, home):
    data = api(client, "a" * 10_000)

    assert data["query"] == "a" * 200
    assert "accorciata a 200 caratteri" in data["message"]


def test_a_script_in_the_query_comes_back_as_text_and_is_never_marked_up(client, news_index):
    NewsPageFactory(parent=news_index, title="Allerta", intro="Script e alert spiegati.")

    data = api(client, "alert <script>")

    assert "<script>" not in "".join(hit["snippet_html"] for hit in data["results"])
    assert "<mark>alert</mark>" in data["results"][0]["snippet_html"]


# -- autocomplete


def test_autocomplete_matches_the_html_endpoint(client, news_index):
    for title in ("Teleassistenza anziani", "Telefono amico", "Orari"):
        NewsPageFactory(parent=news_index, title=title)

    response = client.get("/api/v3/search/autocomplete/", {"q": "tele"})

    assert response.status_code == 200
    assert response.json() == client.get("/search/autocomplete/", {"q": "tele"}).json()
    assert {item["title"] for item in response.json()} == {
        "Teleassistenza anziani",
        "Telefono amico",
    }


# -- query counts


def queries(client, query):
    api(client, query)
    with CaptureQueriesContext(connection) as captured:
        data = api(client, query)
    return len(captured.captured_queries), len(data["results"])


def test_the_query_count_does_not_depend_on_the_number_of_results(
    client, committed, home, news_index, call_index
):
    for prefix, count in (("alfa", 1), ("beta", 5)):
        documents = [
            upload(committed, f"Documento {prefix} {n}", f"{prefix} teleassistenza")
            for n in range(count)
        ]
        StandardPageFactory(parent=home, title="Allegati", attachments=attachments(*documents))
        for n in range(count):
            NewsPageFactory(parent=news_index, title=f"Notizia {prefix} {n}")
        CallPageFactory(parent=call_index, title=f"Bando {prefix}")

    few, few_hits = queries(client, "alfa")
    many, many_hits = queries(client, "beta")

    assert (few_hits, many_hits) == (3, 10)
    assert few == many


# -- OpenAPI


def test_the_endpoints_are_in_the_openapi_document_with_response_schemas(client):
    document = client.get("/api/v3/openapi.json").json()

    for path in ("/api/v3/search/", "/api/v3/search/autocomplete/"):
        operation = document["paths"][path]["get"]
        assert "application/json" in operation["responses"]["200"]["content"]
    search = document["paths"]["/api/v3/search/"]["get"]
    assert {p["name"] for p in search["parameters"]} >= {
        "q",
        "type",
        "year",
        "body",
        "tag",
        "state",
        "sort",
        "page",
    }
    schemas = document["components"]["schemas"]
    assert {"SearchResponse", "SearchHit", "FacetOut", "PromotionOut"} <= set(schemas)
    assert {"snippet", "snippet_html", "attached_to"} <= set(schemas["SearchHit"]["properties"])
