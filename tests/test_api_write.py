"""Publishing from other tools with an API token: drafts, the workflow and publication follow
the page permissions exactly as in the admin."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import APIToken

from cms.models import NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def token_for(user):
    _token, raw = APIToken.create_token(user=user, name="strumento esterno")
    return raw


def call(client, method, url, token=None, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def new_draft(news_index, title="Bozza dall'esterno"):
    return {
        "meta": {"type": "cms.NewsPage", "parent_id": news_index.pk},
        "title": title,
        "date": "2026-11-20",
        "intro": "Una notizia scritta in un altro strumento.",
    }


@pytest.fixture
def coordinator(db):
    return get_user_model().objects.create_user("coord", "c@example.org", "pw-coord-123")


def test_anonymous_cannot_create(client, news_index):
    response = call(client, "post", "/api/v3/pages/", body=new_draft(news_index))

    assert response.status_code == 401
    assert not NewsPage.objects.filter(title="Bozza dall'esterno").exists()


def test_an_editor_creates_a_draft_and_submits_it_but_cannot_publish(client, editor, news_index):
    token = token_for(editor)

    created = call(client, "post", "/api/v3/pages/", token, new_draft(news_index))
    assert created.status_code == 201, created.content
    page = NewsPage.objects.get(pk=created.json()["id"])
    assert not page.live

    refused = call(client, "post", f"/api/v3/pages/{page.pk}/actions/publish/", token)
    submitted = call(client, "post", f"/api/v3/workflow/{page.pk}/submit/", token)

    assert refused.status_code == 403
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["workflow"] and submitted.json()["status"] == "in_progress"
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live
    assert call(client, "post", f"/api/v3/workflow/{page.pk}/submit/", token).status_code == 409


def test_an_editor_cannot_create_where_the_admin_would_not_let_them(client, editor, home):
    token = token_for(editor)
    body = new_draft(home)
    body["meta"]["parent_id"] = home.get_parent().pk  # the tree root

    response = call(client, "post", "/api/v3/pages/", token, body)

    assert response.status_code in (400, 403)


def test_a_moderator_publishes_a_draft(client, moderator, editor, news_index):
    draft = call(client, "post", "/api/v3/pages/", token_for(editor), new_draft(news_index))
    page_id = draft.json()["id"]

    published = call(
        client, "post", f"/api/v3/pages/{page_id}/actions/publish/", token_for(moderator)
    )

    assert published.status_code == 200, published.content
    assert NewsPage.objects.get(pk=page_id).live


def test_a_user_without_page_permissions_can_do_nothing(client, coordinator, news_index):
    token = token_for(coordinator)
    news = NewsPageFactory(parent=news_index)

    assert call(client, "post", "/api/v3/pages/", token, new_draft(news_index)).status_code == 403
    assert call(client, "post", f"/api/v3/workflow/{news.pk}/submit/", token).status_code == 403
    patched = call(client, "patch", f"/api/v3/pages/{news.pk}/", token, {"title": "Cambiato"})
    assert patched.status_code in (403, 404)
    assert NewsPage.objects.get(pk=news.pk).title != "Cambiato"


def test_a_revoked_token_is_refused(client, editor, news_index):
    token_object, raw = APIToken.create_token(user=editor, name="vecchio")
    token_object.revoke()

    response = call(client, "post", "/api/v3/pages/", raw, new_draft(news_index))

    assert response.status_code == 401


@pytest.mark.parametrize("body", ["{", "[]", '{"meta": {"type": "cms.Nope", "parent_id": 1}}'])
def test_a_malformed_body_is_a_4xx(client, editor, body):
    response = client.post(
        "/api/v3/pages/",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token_for(editor)}",
    )

    assert 400 <= response.status_code < 500
