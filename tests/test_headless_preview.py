"""Headless preview (cms/headless_preview.py, cms/api_preview.py): with a front end
configured, the admin preview sends the editor there with a signed token and the front end
reads the draft from /api/v3/preview/; a forged token is refused; without a front end
Wagtail's own preview renders the site as before."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.models import NewsPage, StandardPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example.it/anteprima"


@pytest.fixture
def headless(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": FRONT_END},
        "REDIRECT_ON_PREVIEW": True,
    }


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Titolo pubblicato", slug="avviso")


def news_form(**fields):
    return nested_form_data(
        {
            "title": "Titolo in bozza",
            "slug": "avviso",
            "date": "2026-11-23",
            "intro": "Sommario in bozza",
            "body": rich_text("<p>Testo in bozza</p>"),
            "related_plan": "",
            "tags": "",
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            "page_topics": inline_formset([]),
            **fields,
        }
    )


def preview(admin_client, url, data):
    """Wagtail's admin preview: the editor's form is posted, then the preview is opened."""
    posted = admin_client.post(url, data)
    assert posted.json()["is_valid"], posted.content
    return admin_client.get(url, {"mode": ""})


def front_end_query(response):
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == FRONT_END + "/"
    return {key: values[0] for key, values in parse_qs(location.query).items()}


def read_preview(content_type, token):
    return Client().get("/api/v3/preview/", {"content_type": content_type, "token": token})


def test_the_admin_preview_opens_the_front_end_which_reads_the_draft(headless, admin_client, news):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news.pk])
    query = front_end_query(preview(admin_client, url, news_form()))
    assert query["content_type"] == "cms.newspage"

    response = read_preview(query["content_type"], query["token"])

    assert response.status_code == 200, response.content
    draft = response.json()
    assert (draft["id"], draft["title"], draft["intro"]) == (
        news.pk,
        "Titolo in bozza",
        "Sommario in bozza",
    )
    assert draft["meta"]["type"] == "cms.NewsPage"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # The draft stays a draft: the public API and the page are unchanged.
    assert Client().get(f"/api/v3/pages/{news.pk}/").json()["title"] == "Titolo pubblicato"
    assert NewsPage.objects.get(pk=news.pk).title == "Titolo pubblicato"


def test_the_preview_of_a_page_not_yet_saved(headless, admin_client, home):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["cms", "standardpage", home.pk])
    data = nested_form_data(
        {
            "title": "Chi siamo",
            "slug": "chi-siamo",
            "intro": "",
            "body": rich_text("<p>Testo nuovo</p>"),
            "tags": "",
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            "page_topics": inline_formset([]),
        }
    )
    query = front_end_query(preview(admin_client, url, data))

    response = read_preview("cms.standardpage", query["token"])

    assert response.status_code == 200, response.content
    assert (response.json()["id"], response.json()["title"]) == (0, "Chi siamo")
    assert not StandardPage.objects.exists()


def test_an_invalid_token_is_refused(headless, admin_client, news):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news.pk])
    token = front_end_query(preview(admin_client, url, news_form()))["token"]

    forged = read_preview("cms.newspage", token[:-1] + ("A" if token[-1] != "A" else "B"))
    unsigned = read_preview("cms.newspage", f"id={news.pk}")
    other_type = read_preview("cms.standardpage", token)
    not_a_page = read_preview("cms.webhookdelivery", token)

    assert forged.status_code == unsigned.status_code == 403
    assert forged.json()["detail"] == "Token di anteprima non valido."
    assert other_type.status_code == not_a_page.status_code == 404
    for response in (forged, unsigned, other_type, not_a_page):
        assert "Titolo in bozza" not in response.content.decode()


def test_without_a_front_end_the_admin_preview_renders_the_page(settings, admin_client, news):
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {}, "REDIRECT_ON_PREVIEW": True}
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news.pk])

    response = preview(admin_client, url, news_form())

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert re.search(r"<h1[^>]*>\s*Titolo in bozza\s*</h1>", html), html[:500]
    assert "front.example.it" not in html
    assert read_preview("cms.newspage", "qualsiasi").status_code == 404


def test_the_front_end_addresses_are_read_from_the_environment():
    from cms.settings.base import headless_preview_client_urls as parse

    assert parse("") == {}
    assert parse(f"default={FRONT_END}") == {"default": FRONT_END}
    assert parse(FRONT_END) == {"default": FRONT_END}
    assert parse(f"cms.example.it=https://a.example.it, default={FRONT_END}") == {
        "cms.example.it": "https://a.example.it",
        "default": FRONT_END,
    }
    assert parse("cms.example.it=https://a.example.it") == {
        "cms.example.it": "https://a.example.it",
        "default": "https://a.example.it",
    }
