"""Page ratings (feedback/): the form at the foot of every public page, sent without
JavaScript, stored without personal data, cache-safe, rate-limited, and reported per page in
the admin with a CSV export; the sub-pages a routable page serves (a network under «Reti», a
topic under «Argomenti») are rated and reported on their own."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cms.models import BodyIdentity
from feedback import questions
from feedback.models import PageFeedback
from feedback.scrub import REMOVED, scrub_personal_data
from network.models import NetworkIndexPage
from tests.factories import NetworkFactory, NewsPageFactory, StandardPageFactory, add_published
from topics.models import Topic, TopicIndexPage

pytestmark = pytest.mark.django_db

URL = "/valutazione/"


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, title="Contributi per l'affitto", slug="affitto")


def rate(client, page, address="127.0.0.1", **data):
    return client.post(URL, {"pagina": str(page.pk), **data}, REMOTE_ADDR=address)


def data_elements(html):
    return re.findall(r'data-element="([^"]+)"', html)


# --------------------------------------------------------------------------- the component


def test_every_public_page_carries_the_component_with_the_validators_hooks(client, page):
    html = client.get(page.url).content.decode()

    found = data_elements(html)
    for hook in [
        "feedback",
        "feedback-title",
        *[f"feedback-rate-{n}" for n in range(1, 6)],
        "feedback-rating-positive",
        "feedback-rating-negative",
        "feedback-rating-question",
        "feedback-rating-answer",
        "feedback-input-text",
    ]:
        assert hook in found, hook
    assert found.count("feedback-rating-answer") == 10
    assert f'<form method="post" action="{URL}"' in html
    assert f'name="pagina" value="{page.pk}"' in html


def test_the_component_has_the_models_texts_word_for_word(client, page):
    html = client.get(page.url).content.decode()

    title = re.search(r'data-element="feedback-title">([^<]+)<', html).group(1)
    assert title.strip() == "Quanto sono chiare le informazioni su questa pagina?"
    asked = re.findall(r'data-element="feedback-rating-question">([^<]+)<', html)
    assert asked == [
        "Quali sono stati gli aspetti che hai preferito?",
        "Dove hai incontrato le maggiori difficoltà?",
    ]
    answers = [
        a.strip() for a in re.findall(r'data-element="feedback-rating-answer">([^<]+)<', html)
    ]
    assert answers == [
        "Le indicazioni erano chiare",
        "Le indicazioni erano complete",
        "Capivo sempre che stavo procedendo correttamente",
        "Non ho avuto problemi tecnici",
        "Altro",
        "A volte le indicazioni non erano chiare",
        "A volte le indicazioni non erano complete",
        "A volte non capivo se stavo procedendo correttamente",
        "Ho avuto problemi tecnici",
        "Altro",
    ]


def test_the_home_and_section_pages_have_it_too(client, home, news_index):
    for url in (home.url, news_index.url):
        assert 'data-element="feedback"' in client.get(url).content.decode()


def test_a_page_behind_a_password_has_no_rating_form(client, page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    from cms import site_structure

    site_structure.forget_everything()
    assert 'data-element="feedback"' not in client.get(page.url).content.decode()


def test_pages_that_are_not_pages_have_no_rating_form(client, home):
    assert 'data-element="feedback"' not in client.get("/search/?q=isee").content.decode()


# --------------------------------------------------------------------------- sending


def test_a_rating_sent_without_javascript_is_stored_and_the_visitor_is_sent_back(client, page):
    response = rate(
        client,
        page,
        valutazione="2",
        aspetto_negativo="incomplete",
        aspetto_positivo="chiare",  # both are on screen without JavaScript: this one is ignored
        dettaglio="Mancano gli orari",
    )

    assert response.status_code == 302
    assert response.url == f"{page.url}?valutazione=grazie#feedback"
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.rating, stored.answer, stored.comment) == (
        page.pk,
        2,
        "incomplete",
        "Mancano gli orari",
    )
    assert stored.created_on == date.today() or stored.created_on == date.today() - timedelta(1)


def test_a_positive_rating_keeps_the_positive_answer(client, page):
    rate(
        client,
        page,
        valutazione="5",
        aspetto_positivo="procedura-chiara",
        aspetto_negativo="problemi-tecnici",
    )
    assert PageFeedback.objects.get().answer == "procedura-chiara"


def test_the_page_then_thanks_the_visitor_instead_of_asking_again(client, page):
    html = client.get(f"{page.url}?valutazione=grazie").content.decode()
    assert questions.THANKS in html
    assert 'name="valutazione"' not in html


@pytest.mark.parametrize("rating", ["", "0", "6", "tre", "4.5"])
def test_a_rating_outside_one_to_five_is_refused_and_nothing_is_stored(client, page, rating):
    response = rate(client, page, valutazione=rating)

    assert response.status_code == 400
    assert "Scegli una valutazione da 1 a 5 stelle." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_an_unknown_page_is_refused(client, page):
    response = client.post(URL, {"pagina": "999999", "valutazione": "4"})
    assert response.status_code == 400
    assert "non esiste o non è pubblica" in response.content.decode()
    assert client.post(URL, {"pagina": "abc", "valutazione": "4"}).status_code == 400
    assert client.post(URL, {"valutazione": "4"}).status_code == 400
    assert not PageFeedback.objects.exists()


def test_an_unpublished_page_is_refused(client, page):
    page.unpublish()
    assert rate(client, page, valutazione="4").status_code == 400
    assert not PageFeedback.objects.exists()


def test_a_page_behind_a_view_restriction_is_refused(client, page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert rate(client, page, valutazione="4").status_code == 400
    assert not PageFeedback.objects.exists()


def test_the_tree_root_is_refused(client, home):
    assert (
        client.post(URL, {"pagina": str(home.get_parent().pk), "valutazione": "4"}).status_code
        == 400
    )


def test_a_too_long_detail_is_refused(client, page):
    response = rate(client, page, valutazione="4", dettaglio="x" * 201)
    assert response.status_code == 400
    assert "al massimo 200 caratteri" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_an_unknown_answer_is_refused(client, page):
    assert rate(client, page, valutazione="4", aspetto_positivo="ottimo").status_code == 400
    assert not PageFeedback.objects.exists()


def test_a_get_is_not_allowed(client):
    assert client.get(URL).status_code == 405


def test_a_robot_filling_the_honeypot_is_thanked_and_nothing_is_stored(client, page):
    response = rate(client, page, valutazione="5", sito_web="http://spam.example")
    assert response.status_code == 302
    assert not PageFeedback.objects.exists()


def test_ratings_past_the_daily_limit_are_refused(client, page, settings):
    settings.FEEDBACK_DAILY_LIMIT = 3
    for _ in range(3):
        assert rate(client, page, valutazione="4").status_code == 302
    response = rate(client, page, valutazione="4")

    assert response.status_code == 429
    assert "molte valutazioni oggi" in response.content.decode()
    assert PageFeedback.objects.count() == 3
    # Another address has its own count.
    assert rate(client, page, address="10.1.2.3", valutazione="4").status_code == 302


def test_the_rate_limit_key_holds_no_address(client, page):
    from django.core.cache import cache

    rate(client, page, address="192.0.2.77", valutazione="4")
    keys = [key for key in cache._cache if "feedback-ratelimit" in key]
    assert keys and not any("192.0.2.77" in key for key in keys)


def test_the_post_sets_no_cookie_and_needs_no_csrf_token(page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = rate(client, page, valutazione="3")

    assert response.status_code == 302
    assert not response.cookies
    assert PageFeedback.objects.count() == 1


def test_e_mails_phones_and_tax_codes_are_removed_from_the_detail(client, page):
    rate(
        client,
        page,
        valutazione="1",
        dettaglio="Scrivete a mario.rossi@gmail.com o al 347 123 4567, CF RSSMRA80A01H501U",
    )
    comment = PageFeedback.objects.get().comment
    assert "mario.rossi" not in comment and "347" not in comment and "RSSMRA" not in comment
    assert comment.count(REMOVED) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Le date del 12/03/2024 non sono chiare",
        "Il bando 2025 prevede 3 fasce ISEE fino a 15.000 euro",
        "Manca la delibera n. 12 del 2024",
    ],
)
def test_ordinary_prose_is_left_alone(text):
    assert scrub_personal_data(text) == text


# --------------------------------------------------------------------------- the page cache


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_RESPONSE_CACHE = True
    BodyIdentity.load()


def test_the_page_is_the_same_for_two_anonymous_visitors_and_carries_no_csrf_token(
    page_cache_on, page
):
    from django.test import Client

    first = Client().get(page.url)
    second = Client(REMOTE_ADDR="10.9.8.7").get(page.url)

    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    html = first.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'data-element="feedback"' in html
    assert not first.cookies and not second.cookies


def test_a_rating_does_not_empty_the_page_cache(page_cache_on, client, page):
    from cms.response_cache import generation

    client.get(page.url)
    before = generation()
    rate(client, page, valutazione="5")
    assert generation() == before


# --------------------------------------------------------------------------- the admin report


@pytest.fixture
def ratings(page, home):
    other = NewsPageFactory(
        parent=StandardPageFactory(parent=home, title="Notizie", slug="notizie-varie"),
        title="Nuovo sportello",
    )
    today = date.today()
    for stars, answer, comment, days in [
        (5, "chiare", "", 1),
        (4, "complete", "Utile", 2),
        (2, "incomplete", "Mancano gli orari", 3),
        (3, "", "", 40),
    ]:
        PageFeedback.objects.create(
            page=page,
            rating=stars,
            answer=answer,
            comment=comment,
            created_on=today - timedelta(days),
        )
    PageFeedback.objects.create(page=other, rating=1, answer="problemi-tecnici", created_on=today)
    return page, other


REPORT = reverse("page_feedback:report")


def test_the_report_gives_count_and_average_per_page(client, editor, ratings):
    page, other = ratings
    client.force_login(editor)
    response = client.get(REPORT)

    assert response.status_code == 200
    summaries = {summary.page.pk: summary for summary, *_ in response.context["summaries"]}
    assert summaries[page.pk].count == 4
    assert summaries[page.pk].average == 3.5
    assert summaries[page.pk].stars == {1: 0, 2: 1, 3: 1, 4: 1, 5: 1}
    assert summaries[other.pk].count == 1 and summaries[other.pk].average == 1
    assert "3,50" in response.content.decode() or "3.50" in response.content.decode()


def test_the_report_filters_by_period_type_and_section(client, editor, ratings):
    page, other = ratings
    client.force_login(editor)
    since = (date.today() - timedelta(days=10)).isoformat()

    recent = client.get(REPORT, {"da": since}).context["summaries"]
    assert {s.page.pk: s.count for s, *_ in recent} == {page.pk: 3, other.pk: 1}

    news_type = other.content_type_id
    only_news = client.get(REPORT, {"tipo": news_type}).context["summaries"]
    assert [s.page.pk for s, *_ in only_news] == [other.pk]

    section = other.get_parent()
    in_section = client.get(REPORT, {"sezione": section.pk}).context["summaries"]
    assert [s.page.pk for s, *_ in in_section] == [other.pk]


def test_the_page_report_shows_distribution_answers_and_recent_comments(client, moderator, ratings):
    page, _other = ratings
    client.force_login(moderator)
    response = client.get(reverse("page_feedback:page_report", args=[page.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "4 valutazioni, media <strong>3,50</strong>" in html
        or "media <strong>3.50</strong>" in html
    )
    assert [c.comment for c in response.context["comments"]] == ["Utile", "Mancano gli orari"]
    assert ("Le indicazioni erano complete", 1) in response.context["answers"]


def test_the_csv_export_has_one_row_per_page(client, editor, ratings):
    page, other = ratings
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == [
        "Pagina",
        "Sotto-pagina",
        "Indirizzo",
        "Tipo di pagina",
        "Valutazioni",
        "Media",
    ]
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title[page.title][1:3] == ["", page.url]
    assert by_title[page.title][4:11] == ["4", "3,50", "1", "1", "1", "1", "0"]
    assert by_title[other.title][4] == "1"


def test_the_list_of_ratings_exports_each_rating(client, editor, ratings):
    client.force_login(editor)
    response = client.get(reverse("page_feedback:index"), {"export": "csv"})

    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == [
        "Data",
        "ID pagina",
        "Pagina",
        "Sotto-pagina",
        "Valutazione",
        "Aspetto indicato",
        "Dettaglio",
    ]
    assert len(rows) == 6
    assert any(row[5] == "A volte le indicazioni non erano complete" for row in rows)


def test_people_outside_the_editorial_groups_do_not_see_the_report(
    client, django_user_model, ratings
):
    user = django_user_model.objects.create_user("ospite", "o@example.org", "pw-ospite-1")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT).status_code == 302
    assert client.get(REPORT, {"export": "csv"}).status_code == 302


# --------------------------------------------------------------------------- routed sub-pages


@pytest.fixture
def networks_page(home):
    NetworkFactory(name="Assemblea dei Sindaci", slug="assemblea-dei-sindaci")
    NetworkFactory(name="Rete ConTatto", slug="rete-contatto")
    return add_published(home, NetworkIndexPage(title="Reti", slug="reti"))


def rate_at(client, page, address, **data):
    return client.post(URL, {"pagina": str(page.pk), "indirizzo": address, **data})


def test_the_form_on_a_networks_page_carries_its_own_address(client, networks_page):
    html = client.get("/reti/assemblea-dei-sindaci/?page=2").content.decode()

    assert f'name="pagina" value="{networks_page.pk}"' in html
    assert 'name="indirizzo" value="/reti/assemblea-dei-sindaci/"' in html
    index = client.get("/reti/").content.decode()
    assert 'name="indirizzo" value="/reti/"' in index


def test_a_rating_on_a_networks_page_is_stored_for_that_network_and_sends_the_visitor_back_there(
    client, networks_page
):
    response = rate_at(client, networks_page, "/reti/assemblea-dei-sindaci/", valutazione="2")

    assert response.status_code == 302
    assert response.url == "/reti/assemblea-dei-sindaci/?valutazione=grazie#feedback"
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.subpath) == (networks_page.pk, "assemblea-dei-sindaci/")


def test_a_rating_on_the_index_is_stored_for_the_page_itself(client, networks_page):
    assert rate_at(client, networks_page, "/reti/", valutazione="5").url.startswith("/reti/?")
    assert PageFeedback.objects.get().subpath == ""


def test_the_query_string_and_fragment_of_the_address_are_dropped(client, networks_page):
    rate_at(client, networks_page, "/reti/rete-contatto/?page=3#feedback", valutazione="4")
    assert PageFeedback.objects.get().subpath == "rete-contatto/"


def test_a_form_cached_before_the_address_was_sent_rates_the_page_itself(client, networks_page):
    assert rate(client, networks_page, valutazione="4").status_code == 302
    assert PageFeedback.objects.get().subpath == ""


@pytest.mark.parametrize(
    "address",
    [
        "/notizie/",  # another page
        "/",  # the home page, above
        "/retina/",  # starts like the page's address, is not under it
        "/reti/non-esiste/",  # a network that does not exist
        "/reti/rete-contatto/verbali/",  # no such route
        "/reti/../admin/",
        "https://altro.example/reti/rete-contatto/",
        "//altro.example/reti/rete-contatto/",
        "/reti/" + "a" * 2000 + "/",
    ],
)
def test_a_forged_address_is_refused_and_nothing_is_stored(client, networks_page, address):
    response = rate_at(client, networks_page, address, valutazione="4")

    assert response.status_code == 400
    assert "non appartiene a questa pagina" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_page_that_serves_no_sub_pages_refuses_any_address_below_it(client, page):
    assert rate_at(client, page, "/affitto/domanda/", valutazione="4").status_code == 400
    assert rate_at(client, page, "/affitto/", valutazione="4").status_code == 302
    assert PageFeedback.objects.get().subpath == ""


def test_a_rating_on_a_topics_page_is_stored_for_that_topic(client, home):
    topics = add_published(home, TopicIndexPage(title="Argomenti", slug="argomenti"))
    topic = Topic.objects.order_by("name").first()

    response = rate_at(client, topics, f"/argomenti/{topic.slug}/", valutazione="3")

    assert response.status_code == 302
    assert PageFeedback.objects.get().subpath == f"{topic.slug}/"


@pytest.fixture
def network_ratings(networks_page):
    for stars, subpath, comment in [
        (2, "assemblea-dei-sindaci/", "Manca il calendario"),
        (4, "assemblea-dei-sindaci/", ""),
        (5, "", "Elenco chiaro"),
        (1, "rete-soppressa/", ""),  # a network since removed
    ]:
        PageFeedback.objects.create(
            page=networks_page, subpath=subpath, rating=stars, comment=comment
        )
    return networks_page


def test_ratings_on_a_network_and_on_the_index_are_reported_apart(client, editor, network_ratings):
    client.force_login(editor)
    response = client.get(REPORT)

    rows = {summary.subpath: summary for summary, *_ in response.context["summaries"]}
    assert set(rows) == {"", "assemblea-dei-sindaci/", "rete-soppressa/"}
    assert (rows[""].count, rows[""].average, rows[""].label) == (1, 5, "Reti")
    network = rows["assemblea-dei-sindaci/"]
    assert (network.count, network.average) == (2, 3)
    assert network.label == "Assemblea dei Sindaci"
    assert network.url == "/reti/assemblea-dei-sindaci/"
    assert rows["rete-soppressa/"].label == "/reti/rete-soppressa/"
    html = response.content.decode()
    assert "Assemblea dei Sindaci" in html and "?sottopagina=assemblea-dei-sindaci/" in html


def test_the_report_of_a_network_shows_only_its_ratings(client, moderator, network_ratings):
    client.force_login(moderator)
    url = reverse("page_feedback:page_report", args=[network_ratings.pk])

    network = client.get(url, {"sottopagina": "assemblea-dei-sindaci/"})
    assert network.context["summary"].count == 2
    assert [c.comment for c in network.context["comments"]] == ["Manca il calendario"]
    assert "Reti › Assemblea dei Sindaci" in network.content.decode()
    assert 'href="/reti/assemblea-dei-sindaci/"' in network.content.decode()

    index = client.get(url)
    assert index.context["summary"].count == 1
    assert [c.comment for c in index.context["comments"]] == ["Elenco chiaro"]


def test_the_csv_export_names_the_sub_page(client, editor, network_ratings):
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][1] == "Sotto-pagina"
    by_subpage = {row[1]: row for row in rows[1:]}
    assert by_subpage["Assemblea dei Sindaci"][:5] == [
        "Reti",
        "Assemblea dei Sindaci",
        "/reti/assemblea-dei-sindaci/",
        "elenco delle reti",
        "2",
    ]
    assert by_subpage[""][2] == "/reti/" and by_subpage[""][4] == "1"


def test_the_list_of_ratings_shows_the_sub_page(client, editor, network_ratings):
    client.force_login(editor)
    response = client.get(reverse("page_feedback:index"), {"export": "csv"})

    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert sorted(row[3] for row in rows[1:]) == [
        "",
        "assemblea-dei-sindaci/",
        "assemblea-dei-sindaci/",
        "rete-soppressa/",
    ]
