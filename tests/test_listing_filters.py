"""Listing filters: malformed parameters are dropped, valid ones select the right children."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from cms.call_state import CLOSED, IN_EVALUATION, OPEN, SCHEDULED, STATE_CHOICES
from cms.listing import parse_params
from cms.models import NewsPage, PlanKind, PlanStatus
from tests.factories import (
    CallPageFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    republish,
)

ROME = ZoneInfo("Europe/Rome")
STATE_KEYS = [key for key, _label in STATE_CHOICES]


def params(query):
    return parse_params(QueryDict(query), state_keys=STATE_KEYS)


# --- parse_params --------------------------------------------------------------------------


def test_a_four_digit_year_in_range_is_kept():
    assert params("year=2017").year == 2017


@pytest.mark.parametrize("year", ["abc", "17", "20170", "1989", "2101", "-2017", "20 17", ""])
def test_a_malformed_or_out_of_range_year_is_dropped(year):
    assert params(f"year={year}").year is None


def test_a_known_state_is_kept():
    assert params("state=open").state == "open"


@pytest.mark.parametrize("state", ["opened", "OPEN", "<script>", ""])
def test_an_unknown_state_is_dropped(state):
    assert params(f"state={state}").state == ""


def test_a_state_is_dropped_when_the_listing_has_no_states():
    assert parse_params(QueryDict("state=open")).state == ""


def test_a_slug_tag_is_kept():
    assert params("tag=isee").tag == "isee"


@pytest.mark.parametrize("tag", ["ISEE", "due parole", "a/b", "<b>", "%20"])
def test_a_tag_that_is_not_a_slug_is_dropped(tag):
    query = QueryDict(mutable=True)
    query["tag"] = tag
    assert parse_params(query, state_keys=STATE_KEYS).tag == ""


def test_an_italian_tag_slug_with_an_accent_is_kept():
    # taggit keeps accents in slugs (slugify(..., allow_unicode=True)): "Disabilità" -> "disabilità".
    assert params("tag=disabilità").tag == "disabilità"


def test_an_oversized_tag_is_dropped():
    # cms/listing.py promises that a 10,000-character tag is dropped, not cut to a new tag.
    assert params("tag=" + "a" * 10_000).tag == ""


def test_a_tag_of_the_maximum_length_is_kept():
    assert params("tag=" + "a" * 100).tag == "a" * 100


def test_a_non_slug_body_is_dropped():
    assert params("body=Assemblea dei Sindaci").body == ""


def test_no_filters_means_an_inactive_listing():
    assert not params("").active


def test_the_page_number_is_bounded_in_length():
    assert len(params("page=" + "9" * 1000).page) <= 6


# --- index pages ---------------------------------------------------------------------------


def titles(response):
    assert response.status_code == 200
    return {item.title for item in response.context["page_obj"].object_list}


@pytest.fixture
def assembly(db):
    return NetworkFactory(name="Assemblea dei Sindaci", slug="assemblea")


@pytest.fixture
def table(db):
    return NetworkFactory(name="Tavolo disabilità", slug="tavolo-disabilita")


@pytest.fixture
def some_minutes(minutes_index, assembly, table):
    MinutesPageFactory(
        parent=minutes_index,
        title="Assemblea 2017",
        meeting_body=assembly,
        meeting_date=date(2017, 3, 1),
    )
    MinutesPageFactory(
        parent=minutes_index,
        title="Assemblea 2018",
        meeting_body=assembly,
        meeting_date=date(2018, 3, 1),
    )
    MinutesPageFactory(
        parent=minutes_index,
        title="Tavolo 2017",
        meeting_body=table,
        meeting_date=date(2017, 5, 1),
    )
    return minutes_index


def test_the_minutes_index_lists_every_minutes_without_filters(client, some_minutes):
    assert titles(client.get(some_minutes.url)) == {
        "Assemblea 2017",
        "Assemblea 2018",
        "Tavolo 2017",
    }


def test_the_minutes_index_filters_by_meeting_year(client, some_minutes):
    response = client.get(some_minutes.url, {"year": "2017"})
    assert titles(response) == {"Assemblea 2017", "Tavolo 2017"}


def test_the_minutes_index_filters_by_body_slug(client, some_minutes):
    response = client.get(some_minutes.url, {"body": "assemblea"})
    assert titles(response) == {"Assemblea 2017", "Assemblea 2018"}


def test_the_minutes_index_combines_year_and_body(client, some_minutes):
    response = client.get(some_minutes.url, {"year": "2017", "body": "tavolo-disabilita"})
    assert titles(response) == {"Tavolo 2017"}


def test_the_minutes_index_ignores_a_malformed_year(client, some_minutes):
    response = client.get(some_minutes.url, {"year": "duemila"})
    assert titles(response) == {"Assemblea 2017", "Assemblea 2018", "Tavolo 2017"}


def test_the_minutes_index_offers_only_years_it_has(client, some_minutes):
    response = client.get(some_minutes.url)
    assert response.context["options"]["years"] == [2018, 2017]


@pytest.fixture
def calls_in_each_state(call_index):
    now = timezone.now()
    day = timedelta(days=1)
    CallPageFactory(parent=call_index, title="Bando in programma", opening=now + 10 * day)
    CallPageFactory(
        parent=call_index, title="Bando aperto", opening=now - day, application_deadline=now + day
    )
    CallPageFactory(
        parent=call_index,
        title="Bando in valutazione",
        opening=now - 10 * day,
        application_deadline=now - day,
    )
    CallPageFactory(
        parent=call_index,
        title="Bando chiuso",
        opening=now - 30 * day,
        application_deadline=now - 20 * day,
        closing_date=(now - 5 * day).date(),
    )
    return call_index


@pytest.mark.parametrize(
    ("state", "title"),
    [
        (SCHEDULED, "Bando in programma"),
        (OPEN, "Bando aperto"),
        (IN_EVALUATION, "Bando in valutazione"),
        (CLOSED, "Bando chiuso"),
    ],
)
def test_the_call_index_filters_by_state(client, calls_in_each_state, state, title):
    assert titles(client.get(calls_in_each_state.url, {"state": state})) == {title}


def test_the_call_index_ignores_an_unknown_state(client, calls_in_each_state):
    assert len(titles(client.get(calls_in_each_state.url, {"state": "bogus"}))) == 4


def test_the_tag_filter_selects_pages_with_that_tag(client, news_index):
    tagged = NewsPageFactory(parent=news_index, title="Nuovo ISEE")
    NewsPageFactory(parent=news_index, title="Festa di primavera")
    tagged.tags.add("ISEE")
    tagged.save_revision().publish()

    assert titles(client.get(news_index.url, {"tag": "isee"})) == {"Nuovo ISEE"}


def test_the_tag_filter_offers_the_tags_in_use(client, news_index):
    tagged = NewsPageFactory(parent=news_index, title="Nuovo ISEE")
    tagged.tags.add("ISEE")
    republish(tagged)

    response = client.get(news_index.url)
    assert [tag.name for tag in response.context["options"]["tags"]] == ["ISEE"]


def test_the_tag_filter_selects_pages_with_an_accented_italian_tag(client, news_index):
    tagged = NewsPageFactory(parent=news_index, title="Contributi per la disabilità")
    NewsPageFactory(parent=news_index, title="Festa di primavera")
    tagged.tags.add("Disabilità")
    republish(tagged)
    slug = Tag.objects.get(name="Disabilità").slug

    assert titles(client.get(news_index.url, {"tag": slug})) == {"Contributi per la disabilità"}


def test_an_unknown_tag_selects_nothing(client, news_index):
    NewsPageFactory(parent=news_index, title="Festa di primavera")
    assert titles(client.get(news_index.url, {"tag": "inesistente"})) == set()


@pytest.fixture
def twelve_news(news_index):
    # Live pages without revisions: pagination needs only live rows, and this is 10x faster.
    for n in range(1, 13):
        news_index.add_child(
            instance=NewsPage(
                title=f"Notizia {n:02d}",
                slug=f"notizia-{n:02d}",
                date=date(2017, 1, n),
                live=True,
                first_published_at=timezone.now(),
            )
        )
    return news_index


def test_twelve_items_make_two_pages(client, twelve_news):
    response = client.get(twelve_news.url)
    assert response.context["page_obj"].paginator.num_pages == 2


def test_the_first_page_shows_the_ten_newest_items(client, twelve_news):
    assert titles(client.get(twelve_news.url)) == {f"Notizia {n:02d}" for n in range(3, 13)}


def test_the_second_page_shows_the_remaining_two_items(client, twelve_news):
    assert titles(client.get(twelve_news.url, {"page": "2"})) == {"Notizia 01", "Notizia 02"}


def test_the_listing_links_to_the_second_page(client, twelve_news):
    assert 'href="?page=2"' in client.get(twelve_news.url).content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999", "9" * 1000])
def test_a_malformed_page_number_still_renders_the_listing(client, twelve_news, page):
    response = client.get(twelve_news.url, {"page": page})
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) in (2, 10)


def test_the_page_links_of_a_filtered_listing_keep_the_filter(client, news_index):
    for n in range(12):
        page = NewsPageFactory(parent=news_index, title=f"Soglie ISEE {n}")
        page.tags.add("ISEE")
        republish(page)

    html = client.get(news_index.url, {"tag": "isee"}).content.decode()

    assert 'href="?tag=isee&amp;page=2"' in html


def test_an_unpublished_child_is_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, title="Notizia pubblicata")
    NewsPageFactory(parent=news_index, title="Notizia ritirata").unpublish()

    assert titles(client.get(news_index.url)) == {"Notizia pubblicata"}


def test_a_child_restricted_to_logged_in_users_is_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, title="Notizia pubblica")
    private = NewsPageFactory(parent=news_index, title="Notizia riservata")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert titles(client.get(news_index.url)) == {"Notizia pubblica"}


def test_a_call_opening_just_after_midnight_on_new_years_day_in_rome_belongs_to_the_new_year(
    client, call_index
):
    # 00:30 on 1 January in Rome is still 31 December in UTC.
    CallPageFactory(
        parent=call_index,
        title="Bando di capodanno",
        opening=datetime(2027, 1, 1, 0, 30, tzinfo=ROME),
    )

    assert titles(client.get(call_index.url, {"year": "2027"})) == {"Bando di capodanno"}
    assert titles(client.get(call_index.url, {"year": "2026"})) == set()


@pytest.fixture
def some_plans(plan_index):
    PlanPageFactory(
        parent=plan_index,
        title="Piano di Zona 2015-2017",
        kind=PlanKind.PIANO_DI_ZONA,
        start_year=2015,
        end_year=2017,
        status=PlanStatus.SUPERSEDED,
    )
    PlanPageFactory(
        parent=plan_index,
        title="Piano Operativo 2017",
        start_year=2017,
        end_year=2017,
        status=PlanStatus.APPROVED,
    )
    PlanPageFactory(
        parent=plan_index,
        title="Piano Operativo 2018",
        start_year=2018,
        end_year=2018,
        status=PlanStatus.DRAFT,
    )
    return plan_index


def test_the_plan_index_lists_a_three_year_plan_under_each_of_its_years(client, some_plans):
    assert titles(client.get(some_plans.url, {"year": "2016"})) == {"Piano di Zona 2015-2017"}


def test_the_plan_index_lists_every_plan_in_force_in_a_year(client, some_plans):
    assert titles(client.get(some_plans.url, {"year": "2017"})) == {
        "Piano di Zona 2015-2017",
        "Piano Operativo 2017",
    }


def test_the_plan_index_filters_by_status(client, some_plans):
    assert titles(client.get(some_plans.url, {"state": "draft"})) == {"Piano Operativo 2018"}


def test_the_plan_index_offers_every_year_its_plans_cover(client, some_plans):
    assert client.get(some_plans.url).context["options"]["years"] == [2018, 2017, 2016, 2015]
