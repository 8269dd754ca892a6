"""API v3 for pages: every page type with its own fields, and /api/v3/content/ with the
filters of the site's listings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import AgendaOutcome, CallPage
from tests.factories import (
    CallPageFactory,
    DocumentFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    agenda,
    attachments,
    objectives,
)

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith(("application/json", "application/problem+json")), (
        response.content[:200]
    )
    return response


def test_the_openapi_document_lists_pages_documents_and_content(client):
    paths = get(client, "/api/v3/openapi.json").json()["paths"]

    assert {"/api/v3/pages/", "/api/v3/pages/{page_id}/", "/api/v3/documents/"} <= set(paths)
    assert "/api/v3/content/" in paths


def test_the_interactive_documentation_is_served(client):
    assert client.get("/api/v3/docs/").status_code == 200


def test_a_call_has_its_dates_computed_state_attachments_and_networks(client, call_index):
    network = NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")
    document = DocumentFactory(title="Testo del bando")
    now = timezone.now()
    call = CallPageFactory(
        parent=call_index,
        opening=now - datetime.timedelta(days=1),
        application_deadline=now + datetime.timedelta(days=10),
        attachments=attachments(document, label="Testo"),
    )
    call.related_networks.add(network)
    call.tags.add("ISEE")
    call.save_revision().publish()

    data = get(client, f"/api/v3/pages/{call.pk}/").json()

    assert (data["state"], data["state_label"]) == ("open", "Aperto")
    assert data["tags"] == ["ISEE"]
    assert data["related_networks"][0]["slug"] == "tavolo-sia"
    link = data["attachments"][0]["document"]
    assert (link["title"], link["file_extension"]) == ("Testo del bando", "pdf")
    assert client.get(link["download_url"]).status_code == 200


def test_minutes_have_agenda_items_in_order_and_the_next_meeting(client, minutes_index):
    minutes = MinutesPageFactory(
        parent=minutes_index,
        agenda_items=agenda("Primo punto", "Secondo punto", outcome=AgendaOutcome.DECIDED),
        next_meeting_date=datetime.date(2017, 4, 5),
    )

    data = get(client, f"/api/v3/pages/{minutes.pk}/").json()

    assert [item["title"] for item in data["agenda_items"]] == ["Primo punto", "Secondo punto"]
    assert data["agenda_items"][0]["outcome"] == "decided"
    assert data["next_meeting_date"] == "2017-04-05"
    assert data["meeting_body"]["name"]


def test_a_plan_has_its_numbered_objectives(client, plan_index):
    plan = PlanPageFactory(parent=plan_index, objectives=objectives("Osservatorio", "Servizi"))

    data = get(client, f"/api/v3/pages/{plan.pk}/").json()

    assert [(o["number"], o["title"]) for o in data["objectives"]] == [
        (1, "Osservatorio"),
        (2, "Servizi"),
    ]


def test_the_v2_api_gives_the_same_download_link(client, news_index):
    document = DocumentFactory(title="Avviso")
    news = NewsPageFactory(parent=news_index, attachments=attachments(document))

    data = get(client, f"/api/v2/pages/{news.pk}/").json()

    assert data["attachments"][0]["document"]["download_url"] == document.url


def test_drafts_and_private_pages_are_not_served_anonymously(client, news_index):
    draft = NewsPageFactory(parent=news_index, title="Bozza")
    draft.unpublish()
    private = NewsPageFactory(parent=news_index, title="Riservata")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    for page in (draft, private):
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    titles = [item["title"] for item in get(client, "/api/v3/content/").json()["items"]]
    assert "Bozza" not in titles and "Riservata" not in titles


def test_registry_snippets_are_not_served_anonymously(client):
    for model in ("network.Person", "network.Membership"):
        assert client.get(f"/api/v3/snippets/{model}/").status_code == 401


# -- /api/v3/content/


def content(client, **params):
    response = get(client, "/api/v3/content/", **params)
    assert response.status_code == 200, response.content
    return response.json()


def test_content_lists_open_calls_only_when_asked(client, call_index, news_index):
    now = timezone.now()
    open_call = CallPageFactory(
        parent=call_index,
        title="Aperto",
        opening=now - datetime.timedelta(days=1),
        application_deadline=now + datetime.timedelta(days=5),
    )
    CallPageFactory(
        parent=call_index,
        title="Chiuso",
        opening=now - datetime.timedelta(days=30),
        application_deadline=now - datetime.timedelta(days=5),
        closing_date=(now - datetime.timedelta(days=1)).date(),
    )
    NewsPageFactory(parent=news_index, title="Notizia")

    data = content(client, type="bando", state="open")

    assert data["count"] == 1
    assert [(i["id"], i["state"]) for i in data["items"]] == [(open_call.pk, "open")]
    assert data["items"][0]["detail_url"].endswith(f"/api/v3/pages/{open_call.pk}/")


def test_content_filters_by_year_body_and_tag(client, minutes_index, news_index):
    body = NetworkFactory(name="Rete ConTatto", slug="rete-contatto")
    kept = MinutesPageFactory(
        parent=minutes_index, meeting_body=body, meeting_date=datetime.date(2017, 5, 4)
    )
    MinutesPageFactory(parent=minutes_index, meeting_date=datetime.date(2018, 5, 4))
    tagged = NewsPageFactory(parent=news_index, date=datetime.date(2017, 2, 1))
    tagged.tags.add("disabilità")
    tagged.save_revision().publish()

    assert [i["id"] for i in content(client, body="rete-contatto")["items"]] == [kept.pk]
    assert {i["id"] for i in content(client, year=2017)["items"]} == {kept.pk, tagged.pk}
    assert [i["id"] for i in content(client, tag="disabilità")["items"]] == [tagged.pk]


def test_content_comes_newest_first_and_pages_through(client, news_index):
    for day in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"N{day}", date=datetime.date(2017, 3, day))

    first = content(client, limit=2)
    second = content(client, limit=2, offset=2)

    assert first["count"] == 5
    assert [i["title"] for i in first["items"] + second["items"]] == ["N5", "N4", "N3", "N2"]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 51},
        {"limit": "abc"},
        {"offset": -1},
        {"state": "aperto"},
        {"type": "verbale", "state": "open"},
        {"type": "pagina"},
        {"year": "20x7"},
        {"tag": "a" * 300},
        {"body": "Non Uno Slug"},
    ],
)
def test_content_answers_bad_parameters_with_a_4xx_json_message(client, params):
    response = get(client, "/api/v3/content/", **params)

    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def content_queries(client, limit):
    client.get("/api/v3/content/", {"limit": limit})
    with CaptureQueriesContext(connection) as captured:
        data = content(client, limit=limit)
    return len(captured.captured_queries), len(data["items"])


def test_content_runs_the_same_queries_for_ten_or_fifty_items(
    client, call_index, news_index, minutes_index, plan_index
):
    for number in range(15):
        CallPageFactory(parent=call_index).tags.add(f"tema-{number}")
        NewsPageFactory(parent=news_index).tags.add(f"tema-{number}")
        MinutesPageFactory(parent=minutes_index)
        PlanPageFactory(parent=plan_index)

    few, few_items = content_queries(client, 10)
    many, many_items = content_queries(client, 50)

    assert (few_items, many_items) == (10, 50)
    assert few == many


def test_a_call_state_in_the_list_matches_the_detail(client, call_index):
    call = CallPageFactory(parent=call_index, opening=timezone.now() + datetime.timedelta(days=3))

    listed = content(client, type="bando")["items"][0]
    detail = get(client, f"/api/v3/pages/{call.pk}/").json()

    assert listed["state"] == detail["state"] == CallPage.objects.get(pk=call.pk).state


# -- HTTP caching


def test_an_anonymous_api_response_has_an_etag_and_a_public_max_age(client, news_index):
    news = NewsPageFactory(parent=news_index)

    response = client.get(f"/api/v3/pages/{news.pk}/")

    assert response.has_header("ETag")
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]


def test_a_conditional_request_gets_a_304_until_the_page_changes(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Prima")
    etag = client.get(f"/api/v3/pages/{news.pk}/")["ETag"]

    unchanged = client.get(f"/api/v3/pages/{news.pk}/", HTTP_IF_NONE_MATCH=etag)
    news.title = "Dopo"
    news.save_revision().publish()
    changed = client.get(f"/api/v3/pages/{news.pk}/", HTTP_IF_NONE_MATCH=etag)

    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert changed.status_code == 200 and changed.json()["title"] == "Dopo"


def test_a_response_to_a_logged_in_user_or_an_error_is_never_stored(client, superuser):
    assert "no-store" in client.get("/api/v3/content/", {"limit": 0})["Cache-Control"]
    client.force_login(superuser)
    assert "private" in client.get("/api/v3/content/")["Cache-Control"]


# -- CORS


def test_a_configured_origin_may_call_the_api_and_read_the_etag(client, settings, news_index):
    settings.CORS_ALLOWED_ORIGINS = ["https://portale.example.it"]
    news = NewsPageFactory(parent=news_index)

    preflight = client.options(
        f"/api/v3/pages/{news.pk}/",
        HTTP_ORIGIN="https://portale.example.it",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    response = client.get(f"/api/v3/pages/{news.pk}/", HTTP_ORIGIN="https://portale.example.it")

    assert preflight["Access-Control-Allow-Origin"] == "https://portale.example.it"
    assert response["Access-Control-Allow-Origin"] == "https://portale.example.it"
    assert "etag" in response["Access-Control-Expose-Headers"].lower()


def test_another_origin_or_a_page_of_the_site_gets_no_cors_header(client, settings, home):
    settings.CORS_ALLOWED_ORIGINS = ["https://portale.example.it"]

    api = client.get("/api/v3/content/", HTTP_ORIGIN="https://altro.example.com")
    page = client.get("/", HTTP_ORIGIN="https://portale.example.it")

    assert not api.has_header("Access-Control-Allow-Origin")
    assert not page.has_header("Access-Control-Allow-Origin")
