"""Topics (*argomenti*): the Modello Comuni vocabulary, topics on pages (admin, page, APIs),
the "Argomenti" page with its counts and the page of each topic."""

import html
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from cms import site_structure
from tests.factories import MinutesPageFactory, NewsPageFactory, PlanPageFactory, add_published
from topics.models import PageTopic, Topic, TopicIndexPage
from topics.public import topics_of

pytestmark = pytest.mark.django_db


def topic(name):
    return Topic.objects.get(name=name)


def links(*names):
    return [PageTopic(topic=topic(name), sort_order=n) for n, name in enumerate(names)]


@pytest.fixture
def topic_index(home):
    return add_published(home, TopicIndexPage(title="Argomenti", slug="argomenti"))


def topic_elements(markup):
    """The text of every element carrying data-element="topic-element", as the validator
    reads it (tags stripped, trimmed)."""
    found = re.findall(r'<(\w+)[^>]*data-element="topic-element"[^>]*>(.*?)</\1>', markup, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", inner)).strip() for _tag, inner in found]


# --------------------------------------------------------------------------- the vocabulary


def test_the_migration_seeds_the_64_topics_of_the_modello_comuni():
    assert Topic.objects.count() == 64
    names = set(Topic.objects.values_list("name", flat=True))
    assert {
        "Assistenza sociale",
        "Integrazione sociale",
        "Trasparenza amministrativa",
        "Assistenza agli invalidi",
        "Accesso all'informazione",
        "PNRR",
        "ZTL",
    } <= names


def test_every_seeded_topic_has_a_unique_slug_made_from_its_name():
    slugs = list(Topic.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 64
    assert topic("Accesso all'informazione").slug == "accesso-allinformazione"
    assert all(slug == slugify(name) for name, slug in Topic.objects.values_list("name", "slug"))


def test_a_topic_added_without_a_slug_gets_one_from_its_name():
    added = Topic.objects.create(name="Politiche giovanili")
    assert added.slug == "politiche-giovanili"


def test_a_moderator_adds_a_topic_in_the_admin_and_the_slug_follows_the_name(client, moderator):
    client.force_login(moderator)
    response = client.post(
        "/admin/snippets/topics/topic/add/",
        {"name": "Politiche giovanili", "slug": "", "description": "Per i giovani."},
    )
    assert response.status_code == 302
    assert Topic.objects.get(name="Politiche giovanili").slug == "politiche-giovanili"


def test_an_editor_cannot_change_the_vocabulary(client, editor):
    client.force_login(editor)
    target = topic("Acqua")
    response = client.post(
        f"/admin/snippets/topics/topic/edit/{target.pk}/", {"name": "Acqua potabile", "slug": ""}
    )
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert Topic.objects.get(pk=target.pk).name == "Acqua"


# --------------------------------------------------------------------------- the admin form


def edit_form(client, page):
    from tests.test_admin_permission_matrix import FormReader

    return FormReader(client).form(f"/admin/pages/{page.pk}/edit/")


def with_topics(data, *topics, drop_existing=False):
    """The edit form's data with ``topics`` added after the page's own (those removed if
    ``drop_existing``), as the chooser panel would send them."""
    data = dict(data)
    existing = int(data["page_topics-TOTAL_FORMS"])
    if drop_existing:
        for n in range(existing):
            data[f"page_topics-{n}-DELETE"] = "1"
    data["page_topics-TOTAL_FORMS"] = str(existing + len(topics))
    for n, chosen in enumerate(topics, start=existing):
        data.update(
            {
                f"page_topics-{n}-id": "",
                f"page_topics-{n}-topic": str(chosen.pk),
                f"page_topics-{n}-ORDER": str(n + 1),
            }
        )
    return data


def test_an_editor_attaches_topics_in_the_page_edit_form(client, admin_client, editor, news_index):
    news = NewsPageFactory(parent=news_index)
    data = with_topics(
        edit_form(admin_client, news), topic("Integrazione sociale"), topic("Assistenza sociale")
    )
    client.force_login(editor)

    response = client.post(f"/admin/pages/{news.pk}/edit/", data)

    assert response.status_code == 302, response.context and response.context["form"].errors
    news.refresh_from_db()
    draft = news.get_latest_revision_as_object()
    assert [link.topic.name for link in draft.page_topics.all()] == [
        "Integrazione sociale",
        "Assistenza sociale",
    ]
    assert not PageTopic.objects.filter(page=news).exists()  # a draft until published


def test_a_moderator_publishes_topics_and_they_show_on_the_page(
    client, admin_client, moderator, news_index, topic_index
):
    news = NewsPageFactory(parent=news_index)
    data = with_topics(edit_form(admin_client, news), topic("Trasparenza amministrativa"))
    data["action-publish"] = "action-publish"
    client.force_login(moderator)

    assert client.post(f"/admin/pages/{news.pk}/edit/", data).status_code == 302

    assert list(PageTopic.objects.filter(page=news).values_list("topic__name", flat=True)) == [
        "Trasparenza amministrativa"
    ]
    client.logout()
    html = client.get(news.url).content.decode()
    assert topic_elements(html) == ["Trasparenza amministrativa"]


def test_the_chooser_shows_the_whole_vocabulary_on_one_page_to_an_editor(client, editor):
    client.force_login(editor)

    response = client.get("/admin/snippets/choose/topics/topic/", {"multiple": "1"})

    assert response.status_code == 200
    html = response.json()["html"]
    assert "Accesso all" in html and "ZTL" in html


def test_the_edit_form_offers_the_topics_panel(admin_client, news_index):
    news = NewsPageFactory(parent=news_index)
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'name="page_topics-TOTAL_FORMS"' in html
    assert "Argomenti" in html


# --------------------------------------------------------------------------- on the page


def test_a_page_shows_its_topics_as_chips_with_the_validator_hooks(client, news_index, topic_index):
    news = NewsPageFactory(
        parent=news_index, page_topics=links("Integrazione sociale", "Assistenza sociale")
    )

    html = client.get(news.url).content.decode()

    assert 'data-element="topic-list"' in html
    assert topic_elements(html) == ["Integrazione sociale", "Assistenza sociale"]
    assert (
        '<a class="chip chip-simple" href="/argomenti/integrazione-sociale/" '
        'data-element="topic-element"><span class="chip-label">Integrazione sociale</span></a>'
    ) in html


def test_a_page_without_topics_shows_no_topic_list(client, news_index, topic_index):
    news = NewsPageFactory(parent=news_index)

    html = client.get(news.url).content.decode()

    assert "topic-list" not in html
    assert "topic-element" not in html


def test_without_the_argomenti_page_topics_show_as_plain_chips(client, news_index):
    news = NewsPageFactory(parent=news_index, page_topics=links("Lavoro"))

    html = client.get(news.url).content.decode()

    assert topic_elements(html) == ["Lavoro"]
    assert "/argomenti/lavoro/" not in html


@pytest.fixture
def page_cache_on(settings):
    """The response cache on, as in production (cms/response_cache.py)."""
    from cms.models import BodyIdentity

    settings.PAGE_RESPONSE_CACHE = True
    BodyIdentity.load()  # the settings row exists, as on a site that has served a page


def test_a_renamed_topic_shows_at_once_on_a_cached_page(
    client, news_index, topic_index, page_cache_on
):
    news = NewsPageFactory(parent=news_index, page_topics=links("Lavoro"))
    assert topic_elements(client.get(news.url).content.decode()) == ["Lavoro"]
    with CaptureQueriesContext(connection) as captured:
        client.get(news.url)
    assert len(captured.captured_queries) == 0  # from the response cache

    renamed = topic("Lavoro")
    renamed.name = "Lavoro e occupazione"
    renamed.save()

    assert topic_elements(client.get(news.url).content.decode()) == ["Lavoro e occupazione"]


def test_a_preview_shows_the_topics_of_the_draft(admin_client, news_index, topic_index):
    news = NewsPageFactory(parent=news_index, page_topics=links("Lavoro"))
    data = with_topics(edit_form(admin_client, news), topic("Turismo"), drop_existing=True)

    response = admin_client.post(f"/admin/pages/{news.pk}/edit/preview/", data)
    assert response.json()["is_valid"]
    html = admin_client.get(f"/admin/pages/{news.pk}/edit/preview/").content.decode()

    assert topic_elements(html) == ["Turismo"]


def test_topics_of_a_page_cost_no_query_more_with_10_topics_than_with_1(
    client, news_index, topic_index
):
    names = list(Topic.objects.values_list("name", flat=True)[:10])
    one = NewsPageFactory(parent=news_index, page_topics=links(names[0]))
    ten = NewsPageFactory(parent=news_index, page_topics=links(*names))

    def queries(url):
        client.get(url)  # warm
        site_structure.forget_everything()  # the page's topics are read again
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, HTTP_COOKIE="sessionid=x")  # past the response cache
        assert len(topic_elements(response.content.decode())) in (1, 10)
        return len(captured.captured_queries)

    assert queries(ten.url) == queries(one.url)


# --------------------------------------------------------------------------- the APIs


def test_the_api_v2_and_v3_give_a_pages_topics_in_order(client, news_index):
    news = NewsPageFactory(
        parent=news_index, page_topics=links("Trasparenza amministrativa", "Assistenza sociale")
    )
    expected = [
        {
            "id": topic("Trasparenza amministrativa").pk,
            "name": "Trasparenza amministrativa",
            "slug": "trasparenza-amministrativa",
        },
        {
            "id": topic("Assistenza sociale").pk,
            "name": "Assistenza sociale",
            "slug": "assistenza-sociale",
        },
    ]

    assert client.get(f"/api/v2/pages/{news.pk}/").json()["topics"] == expected
    assert client.get(f"/api/v3/pages/{news.pk}/").json()["topics"] == expected


def test_the_apis_give_an_empty_list_for_a_page_without_topics(client, news_index):
    news = NewsPageFactory(parent=news_index)

    assert client.get(f"/api/v2/pages/{news.pk}/").json()["topics"] == []
    assert client.get(f"/api/v3/pages/{news.pk}/").json()["topics"] == []


def test_the_openapi_schema_describes_the_topics(client):
    schema = client.get("/api/v3/openapi.json").json()
    text = str(schema)
    assert "TopicSummary" in text or "'slug'" in text
    assert "topics" in text


# --------------------------------------------------------------------------- all topics


def test_the_home_page_links_to_all_topics_with_the_validator_hook(client, home, topic_index):
    html = client.get(home.url).content.decode()
    assert re.search(r'<a [^>]*href="/argomenti/"[^>]*data-element="all-topics"', html)


def test_the_home_page_has_no_topics_link_without_the_argomenti_page(client, home):
    assert "all-topics" not in client.get(home.url).content.decode()


def test_the_argomenti_page_lists_every_topic_by_name_for_the_validator(client, topic_index):
    html = client.get(topic_index.url).content.decode()

    names = topic_elements(html)
    assert len(names) == 64
    assert names == list(Topic.objects.values_list("name", flat=True))  # by name
    assert 'href="/argomenti/assistenza-sociale/" data-element="topic-element"' in html


def count_of(html, name):
    """The count under a topic's card on the "Argomenti" page."""
    card = html.split(f'data-element="topic-element">{name}</a>')[1].split("</li>")[0]
    found = re.search(r"(\d+) contenut[oi]|Nessun contenuto", card)
    return int(found.group(1)) if found.group(1) else 0


def test_the_argomenti_page_counts_published_public_pages_only(
    client, home, news_index, plan_index, topic_index
):
    NewsPageFactory(parent=news_index, page_topics=links("Assistenza sociale"))
    PlanPageFactory(parent=plan_index, page_topics=links("Assistenza sociale", "Lavoro"))
    draft = NewsPageFactory(parent=news_index, page_topics=links("Assistenza sociale"))
    draft.unpublish()
    private = NewsPageFactory(parent=news_index, page_topics=links("Assistenza sociale"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="segreta"
    )

    html = client.get(topic_index.url).content.decode()

    assert count_of(html, "Assistenza sociale") == 2
    assert count_of(html, "Lavoro") == 1
    assert count_of(html, "Turismo") == 0


# --------------------------------------------------------------------------- one topic


def test_a_topic_page_lists_its_published_content_newest_first_with_type_and_date(
    client, news_index, minutes_index, topic_index
):
    MinutesPageFactory(
        parent=minutes_index,
        title="Verbale dell'assemblea",
        meeting_date=date(2017, 5, 4),
        page_topics=links("Integrazione sociale"),
    )
    NewsPageFactory(
        parent=news_index,
        title="Notizia di giugno",
        date=date(2017, 6, 1),
        page_topics=links("Integrazione sociale"),
    )
    NewsPageFactory(parent=news_index, title="Notizia d'altro", page_topics=links("Lavoro"))
    draft = NewsPageFactory(
        parent=news_index, title="Bozza", page_topics=links("Integrazione sociale")
    )
    draft.unpublish()

    response = client.get("/argomenti/integrazione-sociale/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 data-element="page-name">Integrazione sociale</h1>' in html
    assert "2 contenuti" in html
    assert html.index("Notizia di giugno") < html.index("Verbale dell&#x27;assemblea")
    assert "Bozza" not in html and "Notizia d&#x27;altro" not in html
    assert '<time datetime="2017-06-01">1 giugno 2017</time>' in html
    assert '<time datetime="2017-05-04">4 maggio 2017</time>' in html
    assert ">Notizia</span>" in html and ">Verbale</span>" in html
    assert 'data-element="breadcrumb"' in html
    assert '<a href="/argomenti/">Argomenti</a>' in html


def test_a_topic_page_leaves_out_private_pages(client, news_index, topic_index):
    private = NewsPageFactory(parent=news_index, title="Riservata", page_topics=links("Lavoro"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/argomenti/lavoro/").content.decode()

    assert "Riservata" not in html
    assert "Non ci sono ancora contenuti" in html


def test_a_topic_page_is_paginated(client, news_index, topic_index):
    for n in range(14):
        NewsPageFactory(
            parent=news_index,
            title=f"Notizia numero {n:02d}",
            date=date(2017, 1, n + 1),
            page_topics=links("Turismo"),
        )

    first = client.get("/argomenti/turismo/").content.decode()
    second = client.get("/argomenti/turismo/", {"page": 2}).content.decode()

    assert "14 contenuti, pagina 1 di 2" in first
    assert "Notizia numero 13" in first and "Notizia numero 01" not in first
    assert "Notizia numero 01" in second and "Notizia numero 00" in second


def test_a_topic_without_content_says_so(client, topic_index):
    response = client.get("/argomenti/pesca/")

    assert response.status_code == 200
    assert (
        "Non ci sono ancora contenuti pubblicati su questo argomento." in response.content.decode()
    )


def test_an_unknown_topic_is_not_found(client, topic_index):
    assert client.get("/argomenti/non-esiste/").status_code == 404


def test_a_topic_page_runs_as_many_queries_with_12_items_as_with_2(client, news_index, topic_index):
    def queries():
        client.get("/argomenti/sport/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/argomenti/sport/", HTTP_COOKIE="sessionid=x")
        assert response.status_code == 200
        return len(captured.captured_queries)

    for _n in range(2):
        NewsPageFactory(parent=news_index, page_topics=links("Sport"))
    few = queries()
    for _n in range(10):
        NewsPageFactory(parent=news_index, page_topics=links("Sport"))
    many = queries()

    assert many == few


def test_the_sitemap_lists_the_topics_with_content(client, news_index, topic_index):
    NewsPageFactory(parent=news_index, page_topics=links("Sport"))

    xml = client.get("/sitemap.xml").content.decode()

    assert "/argomenti/sport/</loc>" in xml
    assert "/argomenti/pesca/</loc>" not in xml


def test_topics_of_a_draft_in_memory_come_from_the_draft(news_index):
    news = NewsPageFactory(parent=news_index, page_topics=links("Lavoro"))
    draft = news.get_latest_revision_as_object()
    draft.page_topics = links("Sport", "Turismo")

    assert [t.name for t in topics_of(draft)] == ["Sport", "Turismo"]
    assert [t.name for t in topics_of(news.__class__.objects.get(pk=news.pk))] == ["Lavoro"]


def test_a_section_listing_and_the_networks_page_show_their_own_topics(
    client, home, news_index, topic_index
):
    from network.models import NetworkIndexPage

    news_index.page_topics = links("Comunicazione istituzionale")
    news_index.save_revision().publish()
    networks = add_published(
        home, NetworkIndexPage(title="Reti", slug="reti", page_topics=links("Associazioni"))
    )

    assert topic_elements(client.get(news_index.url).content.decode()) == [
        "Comunicazione istituzionale"
    ]
    assert topic_elements(client.get(networks.url).content.decode()) == ["Associazioni"]
    assert client.get(f"/api/v2/pages/{news_index.pk}/").json()["topics"][0]["name"] == (
        "Comunicazione istituzionale"
    )


def test_the_site_search_finds_a_page_by_its_topic(client, news_index):
    NewsPageFactory(parent=news_index, title="Avviso ai cittadini", page_topics=links("Pesca"))
    NewsPageFactory(parent=news_index, title="Altro avviso", page_topics=links("Sport"))

    response = client.get("/search/", {"q": "pesca"})

    assert [page.title for page in response.context["results"]] == ["Avviso ai cittadini"]


def test_the_topic_pages_are_cached_and_follow_a_new_topic_at_once(
    client, news_index, topic_index, page_cache_on
):
    news = NewsPageFactory(parent=news_index, title="Notizia sportiva")
    client.get("/argomenti/sport/")
    with CaptureQueriesContext(connection) as captured:
        assert "Notizia sportiva" not in client.get("/argomenti/sport/").content.decode()
    assert len(captured.captured_queries) == 0  # from the response cache

    news.page_topics = links("Sport")
    news.save_revision().publish()

    assert "Notizia sportiva" in client.get("/argomenti/sport/").content.decode()
    assert count_of(client.get("/argomenti/").content.decode(), "Sport") == 1


def test_the_headless_preview_api_gives_the_drafts_topics(settings, admin_client, news_index):
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset

    from tests.test_headless_preview import front_end_query, news_form, preview, read_preview

    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": "https://front.example.it/anteprima"},
        "REDIRECT_ON_PREVIEW": True,
    }
    news = NewsPageFactory(parent=news_index, slug="avviso")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news.pk])
    data = news_form(page_topics=inline_formset([{"topic": topic("Sport").pk}]))

    query = front_end_query(preview(admin_client, url, data))
    draft = read_preview(query["content_type"], query["token"]).json()

    assert [item["name"] for item in draft["topics"]] == ["Sport"]
    assert [
        item["name"] for item in admin_client.get(f"/api/v3/pages/{news.pk}/").json()["topics"]
    ] == []
