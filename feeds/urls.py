"""Feeds (/feed/...), calendars (/calendario.ics, /calendario/<rete>.ics) and robots.txt."""

from django.urls import path

from . import syndication, views

app_name = "feeds"

urlpatterns = [
    path("feed/rss/", syndication.EverythingFeed(), name="all_rss"),
    path("feed/atom/", syndication.EverythingAtomFeed(), name="all_atom"),
    path("feed/notizie/rss/", syndication.NewsFeed(), name="news_rss"),
    path("feed/notizie/atom/", syndication.NewsAtomFeed(), name="news_atom"),
    path("feed/verbali/rss/", syndication.MinutesFeed(), name="minutes_rss"),
    path("feed/verbali/atom/", syndication.MinutesAtomFeed(), name="minutes_atom"),
    path("feed/bandi/rss/", syndication.CallsFeed(), name="calls_rss"),
    path("feed/bandi/atom/", syndication.CallsAtomFeed(), name="calls_atom"),
    path("feed/reti/<slug:slug>/rss/", syndication.NetworkMinutesFeed(), name="network_rss"),
    path("feed/reti/<slug:slug>/atom/", syndication.NetworkMinutesAtomFeed(), name="network_atom"),
    path("calendario.ics", views.site_calendar, name="calendar"),
    path("calendario/<slug:slug>.ics", views.network_calendar, name="network_calendar"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
