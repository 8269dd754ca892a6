"""Feeds (RSS 2.0, Atom), calendars (iCalendar), robots.txt and the links to them.

Every feed lists exactly the live, public pages of its kind (never a draft or a page under a
private section), the calendar parses with the icalendar package and follows RFC 5545's
lines (CRLF, folded at 75 octets), and nothing personal from the registry gets out."""

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.models import (
    CallIndexPage,
    MinutesIndexPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from feeds import syndication
from network.models import NetworkIndexPage
from tests.factories import (
    CallPageFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    StandardPageFactory,
    add_published,
)
from tests.registry_factories import MembershipFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
ATOM = "{http://www.w3.org/2005/Atom}"


def rome(day, hour=12, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=ROME)


def today():
    return timezone.localdate(timezone=ROME)


def draft(parent, page):
    """Add ``page`` under ``parent`` as a draft: saved, never published."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def tagged(page, *names):
    page.tags.add(*names)
    page.save_revision().publish()
    return page


@pytest.fixture
def network_index(home):
    return add_published(home, NetworkIndexPage(title="Reti", slug="reti"))


@pytest.fixture
def udp(db):
    return NetworkFactory(name="Ufficio di Piano", slug="ufficio-di-piano", kind="planning_office")


@pytest.fixture
def sia(db):
    return NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")


@pytest.fixture
def private_news(home):
    """A news section only logged-in users may read, with one news item."""
    section = add_published(home, NewsIndexPage(title="Riservate", slug="riservate"))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    return NewsPageFactory(parent=section, title="Notizia riservata")


@pytest.fixture
def content(news_index, minutes_index, call_index, plan_index, home, udp, sia, private_news):
    """Two published pages of each kind, a draft of each, and the private news item."""
    now = timezone.now()
    pages = {
        "news": [
            tagged(NewsPageFactory(parent=news_index, title="Notizia ISEE"), "ISEE", "famiglie"),
            NewsPageFactory(parent=news_index, title="Notizia sportello", intro=""),
        ],
        "minutes": [
            MinutesPageFactory(parent=minutes_index, title="Verbale UdP", meeting_body=udp),
            MinutesPageFactory(parent=minutes_index, title="Verbale SIA", meeting_body=sia),
        ],
        "calls": [
            CallPageFactory(
                parent=call_index,
                title="Bando aperto",
                opening=now - timedelta(days=3),
                application_deadline=rome(today() + timedelta(days=20)),
            ),
            CallPageFactory(parent=call_index, title="Bando senza scadenza"),
        ],
        "plans": [PlanPageFactory(parent=plan_index, title="Piano di Zona 2025-2027")],
    }
    draft(news_index, NewsPage(title="Notizia in bozza", slug="bozza"))
    draft(minutes_index, MinutesPageFactory.build(title="Verbale in bozza", meeting_body=udp))
    draft(call_index, CallPageFactory.build(title="Bando in bozza"))
    StandardPageFactory(parent=home, title="Chi siamo")
    return pages


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def rss_items(client, url):
    response = get_ok(client, url)
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def atom_entries(client, url):
    response = get_ok(client, url)
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry")


def rss_titles(client, url):
    return [item.findtext("title") for item in rss_items(client, url)[1]]


def atom_titles(client, url):
    return [entry.findtext(f"{ATOM}title") for entry in atom_entries(client, url)[1]]


# --- RSS and Atom -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "key"),
    [("notizie", "news"), ("verbali", "minutes"), ("bandi", "calls")],
)
def test_each_section_feed_lists_exactly_its_live_public_pages(client, content, section, key):
    expected = {page.title for page in content[key]}

    assert set(rss_titles(client, f"/feed/{section}/rss/")) == expected
    assert set(atom_titles(client, f"/feed/{section}/atom/")) == expected


def test_the_feed_of_everything_has_news_minutes_calls_and_plans_only(client, content):
    expected = {page.title for pages in content.values() for page in pages}

    assert set(rss_titles(client, "/feed/rss/")) == expected
    assert set(atom_titles(client, "/feed/atom/")) == expected


def test_drafts_and_private_pages_are_in_no_feed(client, content):
    for url in ("/feed/rss/", "/feed/notizie/rss/", "/feed/verbali/atom/", "/feed/bandi/rss/"):
        body = get_ok(client, url).content.decode()
        for title in ("in bozza", "Notizia riservata", "Chi siamo"):
            assert title not in body, (url, title)


def test_items_are_newest_first_and_bounded(client, news_index, monkeypatch):
    start = timezone.now() - timedelta(days=10)
    for n in range(5):
        page = NewsPageFactory(parent=news_index, title=f"Notizia {n}")
        NewsPage.objects.filter(pk=page.pk).update(first_published_at=start + timedelta(days=n))
    monkeypatch.setattr(syndication, "MAX_ITEMS", 3)

    assert rss_titles(client, "/feed/notizie/rss/") == ["Notizia 4", "Notizia 3", "Notizia 2"]
    assert atom_titles(client, "/feed/atom/") == ["Notizia 4", "Notizia 3", "Notizia 2"]


def test_an_rss_item_has_link_guid_date_description_and_tags(client, content):
    news = NewsPage.objects.get(pk=content["news"][0].pk)
    channel, items = rss_items(client, "/feed/notizie/rss/")
    item = next(i for i in items if i.findtext("title") == "Notizia ISEE")

    assert channel.findtext("title").startswith("Notizie – ")
    assert channel.findtext("link") == "http://testserver/notizie/"
    assert channel.findtext("language") == "it"
    assert item.findtext("link") == f"http://testserver{news.url}"
    assert item.findtext("guid") == f"urn:uuid:{news.translation_key}"
    assert item.find("guid").get("isPermaLink") == "false"
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert published == news.first_published_at.replace(microsecond=0)
    assert item.findtext("description") == "Un avviso per i cittadini."
    assert sorted(c.text for c in item.findall("category")) == ["ISEE", "famiglie"]


def test_without_an_intro_the_description_is_the_start_of_the_body(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Lunga",
        intro="",
        body="<p>Primo <b>paragrafo</b> &amp; altro.</p>" + "<p>parola</p>" * 100,
    )
    description = rss_items(client, "/feed/notizie/rss/")[1][0].findtext("description")

    assert description.startswith("Primo paragrafo &amp; altro. parola")  # escaped once, as HTML
    assert "<" not in description
    assert description.endswith("…")
    assert len(description.split()) <= 62


def test_an_atom_entry_has_id_dates_summary_categories_and_a_body_as_author(client, content):
    news = NewsPage.objects.get(pk=content["news"][0].pk)
    feed, entries = atom_entries(client, "/feed/notizie/atom/")
    entry = next(e for e in entries if e.findtext(f"{ATOM}title") == "Notizia ISEE")

    assert feed.findtext(f"{ATOM}author/{ATOM}name")  # the body, required by Atom
    assert entry.findtext(f"{ATOM}id") == f"urn:uuid:{news.translation_key}"
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{news.url}"
    assert entry.findtext(f"{ATOM}published")
    assert entry.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}summary") == "Un avviso per i cittadini."
    assert sorted(c.get("term") for c in entry.findall(f"{ATOM}category")) == [
        "ISEE",
        "famiglie",
    ]


def test_a_call_item_says_its_deadline_and_state(client, content):
    items = rss_items(client, "/feed/bandi/rss/")[1]
    by_title = {item.findtext("title"): item.findtext("description") for item in items}
    deadline = today() + timedelta(days=20)

    assert f"Scadenza per le domande: {deadline.day} " in by_title["Bando aperto"]
    assert ", ore 12:00." in by_title["Bando aperto"]
    assert "Stato: aperto." in by_title["Bando aperto"]
    assert "Ente: ATS Val Padana." in by_title["Bando aperto"]
    assert by_title["Bando senza scadenza"].startswith("Nessuna scadenza per le domande.")


def test_a_deadline_at_midnight_names_the_last_useful_day(client, call_index):
    CallPageFactory(
        parent=call_index,
        title="Bando a mezzanotte",
        application_deadline=rome(date(2017, 3, 31), 0),
    )
    description = rss_items(client, "/feed/bandi/rss/")[1][0].findtext("description")

    assert "31 marzo 2017, ore 00:00 (ultimo giorno utile: 30 marzo)" in description


def test_a_minutes_item_says_body_date_time_and_place(client, content):
    items = rss_items(client, "/feed/verbali/rss/")[1]
    description = next(i for i in items if i.findtext("title") == "Verbale UdP").findtext(
        "description"
    )

    assert description.startswith(
        "Ufficio di Piano, seduta del 1 marzo 2017, ore 09:00, Via Manini 21, Crema."
    )


def test_a_network_feed_lists_only_the_minutes_of_that_network(client, content, network_index):
    channel, items = rss_items(client, "/feed/reti/ufficio-di-piano/rss/")

    assert [item.findtext("title") for item in items] == ["Verbale UdP"]
    assert atom_titles(client, "/feed/reti/tavolo-sia/atom/") == ["Verbale SIA"]
    assert channel.findtext("title").startswith("Verbali: Ufficio di Piano – ")
    assert channel.findtext("link") == "http://testserver/reti/ufficio-di-piano/"


@pytest.mark.parametrize(
    "url",
    ["/feed/reti/sconosciuta/rss/", "/feed/reti/sconosciuta/atom/", "/calendario/sconosciuta.ics"],
)
def test_an_unknown_network_is_a_404(client, db, url):
    assert client.get(url).status_code == 404


def test_a_feed_costs_the_same_queries_for_few_or_many_items(client, content, news_index):
    def count():
        with CaptureQueriesContext(connection) as queries:
            get_ok(client, "/feed/rss/")
        return len(queries)

    count()  # the first request loads the site's settings and root paths into the cache
    few = count()
    for n in range(6):
        tagged(NewsPageFactory(parent=news_index, title=f"Altra {n}"), f"tag-{n}")

    count()  # the new pages are a change of content: the site structure is read again once
    assert count() == few


# --- Calendar ---------------------------------------------------------------------------


@pytest.fixture
def meetings(minutes_index, call_index, udp, sia):
    """Minutes that announce or record meetings around today, and calls with deadlines."""
    t = today()
    pages = {
        # Announces the UdP meeting in 10 days at 9:30, in a place with a comma and a semicolon.
        "announcing": MinutesPageFactory(
            parent=minutes_index,
            title="Verbale UdP recente",
            meeting_body=udp,
            meeting_date=t - timedelta(days=5),
            next_meeting_date=t + timedelta(days=10),
            next_meeting_time=time(9, 30),
            next_meeting_place="Sala Giunta, Via Manini 21; piano terra",
        ),
        # Announces a SIA meeting with no time: an all-day event.
        "all_day": MinutesPageFactory(
            parent=minutes_index,
            title="Verbale SIA",
            meeting_body=sia,
            meeting_date=t - timedelta(days=100),
            next_meeting_date=t + timedelta(days=40),
            next_meeting_time=None,
        ),
        # Its own meeting is in the future (a convocation published ahead).
        "future": MinutesPageFactory(
            parent=minutes_index,
            title="Seduta straordinaria SIA",
            meeting_body=sia,
            meeting_date=t + timedelta(days=60),
            meeting_time=time(15, 0),
            place="Crema",
        ),
        # Long past, and so is the meeting it announced.
        "past": MinutesPageFactory(
            parent=minutes_index,
            title="Verbale UdP vecchio",
            meeting_body=udp,
            meeting_date=t - timedelta(days=90),
            next_meeting_date=t - timedelta(days=45),
        ),
        "deadline": CallPageFactory(
            parent=call_index,
            title="Contributi per l'affitto, secondo avviso",
            application_deadline=rome(t + timedelta(days=20), 12),
            related_networks=[udp],
        ),
        "cancelled": CallPageFactory(
            parent=call_index,
            title="Bando annullato",
            application_deadline=rome(t + timedelta(days=25), 12),
            cancelled_on=t - timedelta(days=1),
        ),
        "far": CallPageFactory(
            parent=call_index,
            title="Bando lontano",
            application_deadline=rome(t + timedelta(days=500), 12),
        ),
    }
    draft(
        call_index,
        CallPageFactory.build(
            title="Bando in bozza", application_deadline=rome(t + timedelta(days=30), 12)
        ),
    )
    return pages


def calendar(client, url="/calendario.ics"):
    response = get_ok(client, url)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def events_of(raw):
    parsed = icalendar.Calendar.from_ical(raw)
    return {str(event["SUMMARY"]): event for event in parsed.walk("VEVENT")}


def test_the_calendar_follows_rfc5545_lines(client, meetings):
    raw = calendar(client)

    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)  # CRLF only
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # a long summary was folded
    assert b"VERSION:2.0\r\n" in raw and b"PRODID:" in raw
    for event in icalendar.Calendar.from_ical(raw).walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in event


def test_the_calendar_has_the_expected_events(client, meetings):
    events = events_of(calendar(client))

    assert set(events) == {
        "Prossima seduta: Ufficio di Piano",
        "Prossima seduta: Tavolo SIA",
        "Scadenza bando: Contributi per l'affitto, secondo avviso",
        "Seduta: Ufficio di Piano",  # five days ago: the recent past stays in the calendar
    }
    # SIA meets twice: the all-day announcement and the convocation.
    sia = [
        e
        for e in icalendar.Calendar.from_ical(calendar(client)).walk("VEVENT")
        if str(e["SUMMARY"]) == "Prossima seduta: Tavolo SIA"
    ]
    assert len(sia) == 2


def test_a_meeting_with_a_time_is_in_rome_time_with_its_place_and_page(client, meetings):
    raw = calendar(client)
    event = events_of(raw)["Prossima seduta: Ufficio di Piano"]
    start = event.decoded("DTSTART")

    assert start == rome(today() + timedelta(days=10), 9, 30)
    assert start.utcoffset() == rome(today() + timedelta(days=10)).utcoffset()
    assert b"DTSTART;TZID=Europe/Rome:" in raw
    assert event.decoded("DTEND") - start == timedelta(hours=2)
    assert str(event["LOCATION"]) == "Sala Giunta, Via Manini 21; piano terra"
    assert b"LOCATION:Sala Giunta\\, Via Manini 21\\; piano terra" in raw  # escaped
    assert str(event["URL"]) == f"http://testserver{meetings['announcing'].url}"


def test_a_meeting_without_a_time_is_an_all_day_event(client, meetings):
    raw = calendar(client)
    day = today() + timedelta(days=40)
    all_day = [
        e for e in icalendar.Calendar.from_ical(raw).walk("VEVENT") if e.decoded("DTSTART") == day
    ]

    assert len(all_day) == 1
    assert all_day[0].decoded("DTEND") == day + timedelta(days=1)
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}".encode() in raw


def test_past_meetings_draft_cancelled_and_far_deadlines_are_absent(client, meetings):
    body = calendar(client).decode()

    assert "Verbale UdP vecchio" not in body
    assert (today() - timedelta(days=45)).strftime("%Y%m%d") not in body
    for title in ("Bando annullato", "Bando lontano", "Bando in bozza"):
        assert title not in body


def test_meetings_and_deadlines_under_a_private_section_are_absent(client, home, udp):
    minutes = add_published(home, MinutesIndexPage(title="Verbali riservati", slug="vr"))
    calls = add_published(home, CallIndexPage(title="Bandi riservati", slug="br"))
    for section in (minutes, calls):
        PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    MinutesPageFactory(parent=minutes, meeting_body=udp, meeting_date=today() + timedelta(days=3))
    CallPageFactory(parent=calls, application_deadline=rome(today() + timedelta(days=3)))

    for url in ("/calendario.ics", "/calendario/ufficio-di-piano.ics"):
        assert icalendar.Calendar.from_ical(calendar(client, url)).walk("VEVENT") == []


def test_a_deadline_is_the_half_hour_before_it(client, meetings):
    event = events_of(calendar(client))["Scadenza bando: Contributi per l'affitto, secondo avviso"]
    deadline = rome(today() + timedelta(days=20), 12)

    assert event.decoded("DTEND") == deadline
    assert event.decoded("DTSTART") == deadline - timedelta(minutes=30)
    assert "Scadenza per le domande" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"scadenza-bando-{meetings['deadline'].pk}@localhost"


def test_uids_are_stable_and_an_announced_meeting_becomes_its_minutes(client, meetings, udp):
    first = {str(e["UID"]) for e in icalendar.Calendar.from_ical(calendar(client)).walk("VEVENT")}
    assert first == {
        str(e["UID"]) for e in icalendar.Calendar.from_ical(calendar(client)).walk("VEVENT")
    }
    day = today() + timedelta(days=10)
    uid = f"seduta-{udp.pk}-{day:%Y%m%d}@localhost"
    assert uid in first

    minutes = MinutesPageFactory(
        parent=meetings["announcing"].get_parent(),
        title="Verbale della seduta annunciata",
        meeting_body=udp,
        meeting_date=day,
        meeting_time=time(10, 0),
        place="Crema",
    )
    events = [
        e for e in icalendar.Calendar.from_ical(calendar(client)).walk("VEVENT") if e["UID"] == uid
    ]

    assert len(events) == 1
    assert str(events[0]["URL"]) == f"http://testserver{minutes.url}"
    assert events[0].decoded("DTSTART") == rome(day, 10)


def test_the_timezone_of_the_calendar_agrees_with_rome_in_summer_and_winter(client, meetings):
    parsed = icalendar.Calendar.from_ical(calendar(client))
    (vtimezone,) = parsed.walk("VTIMEZONE")
    tz = vtimezone.to_tz()

    for instant in (datetime(2027, 1, 15, 12), datetime(2027, 7, 15, 12), datetime(2030, 3, 31, 3)):
        assert instant.replace(tzinfo=tz).utcoffset() == instant.replace(tzinfo=ROME).utcoffset()


def test_a_network_calendar_has_its_meetings_and_the_calls_linked_to_it(client, meetings):
    udp_events = events_of(calendar(client, "/calendario/ufficio-di-piano.ics"))
    sia_events = events_of(calendar(client, "/calendario/tavolo-sia.ics"))

    assert set(udp_events) == {
        "Prossima seduta: Ufficio di Piano",
        "Seduta: Ufficio di Piano",
        "Scadenza bando: Contributi per l'affitto, secondo avviso",
    }
    assert set(sia_events) == {"Prossima seduta: Tavolo SIA"}


def test_an_empty_calendar_is_still_valid(client, db):
    parsed = icalendar.Calendar.from_ical(calendar(client))

    assert parsed.walk("VEVENT") == []
    assert str(parsed["X-WR-TIMEZONE"]) == "Europe/Rome"


def test_a_live_page_never_published_comes_last_and_breaks_nothing(
    client, news_index, minutes_index, udp
):
    """``add_child`` makes a page live with no publication date (a script, an old import):
    feeds list it after the dated pages, on both databases, and the calendar still has a
    DTSTAMP for its meeting."""
    NewsPageFactory(parent=news_index, title="Notizia pubblicata")
    news_index.add_child(instance=NewsPage(title="Notizia da script", slug="da-script"))
    minutes_index.add_child(
        instance=MinutesPageFactory.build(
            title="Verbale da script",
            meeting_body=udp,
            meeting_date=today() + timedelta(days=3),
            meeting_time=time(9, 0),
        )
    )
    assert NewsPage.objects.get(slug="da-script").first_published_at is None

    assert rss_titles(client, "/feed/notizie/rss/") == ["Notizia pubblicata", "Notizia da script"]
    assert atom_titles(client, "/feed/atom/")[0] == "Notizia pubblicata"
    (event,) = icalendar.Calendar.from_ical(calendar(client)).walk("VEVENT")
    assert event.decoded("DTSTAMP")


# --- Caching and privacy ----------------------------------------------------------------


@pytest.mark.parametrize("url", ["/feed/rss/", "/feed/verbali/atom/", "/calendario.ics"])
def test_feeds_are_publicly_cacheable_and_answer_304(client, content, url):
    response = get_ok(client, url)
    cache_control = response["Cache-Control"]

    assert "public" in cache_control and "max-age=300" in cache_control
    etag = response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_no_person_of_the_registry_appears_in_feeds_or_calendars(client, meetings, udp):
    person = PersonFactory(
        name="Gianna Riservata",
        private_email="gianna@privato.example",
        private_phone="+39 333 1234567",
    )
    MembershipFactory(network=udp, person=person, role=RoleFactory(name="Referente"))
    urls = [
        "/feed/rss/",
        "/feed/atom/",
        "/feed/verbali/rss/",
        "/feed/reti/ufficio-di-piano/rss/",
        "/feed/reti/ufficio-di-piano/atom/",
        "/calendario.ics",
        "/calendario/ufficio-di-piano.ics",
    ]
    for url in urls:
        body = get_ok(client, url).content.decode()
        for secret in ("Gianna", "Riservata", "privato.example", "333 1234567"):
            assert secret not in body, (url, secret)


# --- robots.txt and sitemap -------------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_admin_and_search_and_names_the_sitemap(client, db):
    response = get_ok(client, "/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_the_sitemap_lists_every_public_page_type_and_no_draft_or_private_page(
    client, content, network_index
):
    xml = get_ok(client, "/sitemap.xml").content.decode()
    paths = {urlparse(location).path for location in re.findall(r"<loc>([^<]+)</loc>", xml)}

    chi_siamo = StandardPage.objects.get(title="Chi siamo")
    for page in [chi_siamo, *(page for group in content.values() for page in group)]:
        assert page.url in paths, page.title
    for path in ("/", "/notizie/", "/verbali/", "/bandi/", "/piani/", "/reti/"):
        assert path in paths
    assert "/reti/ufficio-di-piano/" in paths
    drafts = Page.objects.filter(live=False)
    assert drafts.count() == 3
    assert not paths & {page.url for page in drafts}
    assert not any(path.startswith("/riservate/") for path in paths)


# --- Links on the pages -----------------------------------------------------------------


def head_of(html):
    return html.split("</head>")[0]


def alternate(mime, url, html):
    return re.search(
        rf'<link rel="alternate" type="{re.escape(mime)}" title="[^"]+" href="{re.escape(url)}">',
        head_of(html),
    )


def link(label, url, html):
    return re.search(rf'<a [^>]*href="{re.escape(url)}"[^>]*>.*?<span>{label}</span></a>', html)


@pytest.mark.parametrize(
    ("path", "feed", "label"),
    [
        ("/notizie/", "/feed/notizie/rss/", "Feed RSS delle notizie"),
        ("/verbali/", "/feed/verbali/rss/", "Feed RSS dei verbali"),
        ("/bandi/", "/feed/bandi/rss/", "Feed RSS dei bandi"),
    ],
)
def test_a_listing_announces_and_shows_its_feed(client, content, path, feed, label):
    html = get_ok(client, path).content.decode()

    assert alternate("application/rss+xml", feed, html)
    assert alternate("application/atom+xml", feed.replace("/rss/", "/atom/"), html)
    assert alternate("application/rss+xml", "/feed/rss/", html)  # everything, on every page
    assert link(label, feed, html)


@pytest.mark.parametrize("path", ["/verbali/", "/bandi/"])
def test_minutes_and_calls_listings_link_the_calendar(client, content, path):
    html = get_ok(client, path).content.decode()

    assert alternate("text/calendar", "/calendario.ics", html)
    assert link(
        r"Calendario delle sedute e delle scadenze dei bandi \(iCal\)", "/calendario.ics", html
    )


def test_the_plans_listing_has_no_section_feed(client, content):
    html = get_ok(client, "/piani/").content.decode()

    assert "Segui gli aggiornamenti" not in html
    assert alternate("application/rss+xml", "/feed/rss/", html)


def test_a_network_page_links_its_feed_and_calendar(client, content, network_index):
    html = get_ok(client, "/reti/ufficio-di-piano/").content.decode()

    assert alternate("application/rss+xml", "/feed/reti/ufficio-di-piano/rss/", html)
    assert alternate("text/calendar", "/calendario/ufficio-di-piano.ics", html)
    assert link("Feed RSS dei verbali: Ufficio di Piano", "/feed/reti/ufficio-di-piano/rss/", html)
    assert link(
        r"Calendario delle sedute: Ufficio di Piano \(iCal\)",
        "/calendario/ufficio-di-piano.ics",
        html,
    )


def test_the_home_page_links_every_feed_and_the_calendar(client, content):
    html = get_ok(client, "/").content.decode()

    for label, url in [
        ("Feed RSS di tutte le novità", "/feed/rss/"),
        ("Feed Atom di tutte le novità", "/feed/atom/"),
        ("Feed RSS delle notizie", "/feed/notizie/rss/"),
        ("Feed RSS dei verbali", "/feed/verbali/rss/"),
        ("Feed RSS dei bandi", "/feed/bandi/rss/"),
        (r"Calendario delle sedute e delle scadenze dei bandi \(iCal\)", "/calendario.ics"),
    ]:
        assert link(label, url, html), label
    assert alternate("text/calendar", "/calendario.ics", html)


def test_every_linked_feed_answers(client, content, network_index):
    for path in ("/", "/notizie/", "/verbali/", "/bandi/", "/reti/ufficio-di-piano/"):
        html = get_ok(client, path).content.decode()
        for url in re.findall(
            r'<link rel="alternate" type="[^"]+" title="[^"]+" href="([^"]+)">', html
        ):
            assert client.get(url).status_code == 200, (path, url)
