"""What the public sees of the topics: a page's topics, every topic with its count of
published pages, and the published pages of one topic.

Only live pages outside every section with a view restriction count or are listed
(``cms.site_structure.public``): a draft or a private page never shows.
"""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.models import Page

from cms import site_structure
from cms.api_content import natural_date
from search import facets

from .models import PageTopic, Topic, TopicIndexPage

PER_PAGE = 12


def topics_of(page) -> list[Topic]:
    """The topics of ``page`` in the editor's order.

    A draft held in memory (a preview, a revision read by the API) has its links with it:
    their topics in one query. A saved page's are remembered until content changes, like the
    rest of the site structure, so showing them costs no query on a warm page.
    """
    if page.pk is None or "page_topics" in getattr(page, "_cluster_related_objects", {}):
        links = list(page.page_topics.all())
        topics = Topic.objects.in_bulk([link.topic_id for link in links])
        return [topics[link.topic_id] for link in links if link.topic_id in topics]
    return site_structure.remembered(
        ("page-topics", page.pk),
        lambda: [
            link.topic for link in PageTopic.objects.filter(page_id=page.pk).select_related("topic")
        ],
    )


def published_pages():
    return site_structure.public(Page.objects.live())


def topics_with_counts() -> list[Topic]:
    """Every topic, with ``page_count``: how many published public pages carry it (one
    query)."""
    pages = published_pages().values("pk")
    return list(
        Topic.objects.annotate(
            page_count=Count("page_links", filter=Q(page_links__page__in=pages))
        ).order_by("name")
    )


def used_topic_slugs() -> list[str]:
    """Slugs of the topics that have published public pages (for the sitemap)."""
    return [topic.slug for topic in topics_with_counts() if topic.page_count]


@dataclass(frozen=True)
class TopicItem:
    """One page in a topic's list: the page, its type and its date, as the search shows them."""

    page: Page
    type_label: str
    date: date | None


def topic_page_items(topic, number):
    """One page of ``topic``'s published public pages, newest first by their natural date (the
    meeting, the news date, the plan's first year, the call's opening, else the first
    publication): a Paginator page whose ``object_list`` holds TopicItems."""
    pages = (
        published_pages().filter(page_topics__topic=topic).order_by(*facets.date_order()).specific()
    )
    page_obj = Paginator(pages, PER_PAGE).get_page(number)
    now = timezone.now()
    page_obj.object_list = [
        TopicItem(
            page=page, type_label=capfirst(page._meta.verbose_name), date=natural_date(page, now)
        )
        for page in page_obj.object_list
    ]
    return page_obj


def all_topics_page():
    """The live, public "Argomenti" page, or None (remembered)."""
    return site_structure.public_page_of_type(TopicIndexPage)
