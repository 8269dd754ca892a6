from django import template

from topics.public import all_topics_page, topics_of

register = template.Library()


@register.simple_tag
def page_topic_links(page):
    """``(topic, url)`` pairs of ``page``'s topics, each linked to its topic page (no link
    when the site has no "Argomenti" page)."""
    topics = topics_of(page)
    if not topics:
        return []
    index = all_topics_page()
    if index is None:
        return [(topic, "") for topic in topics]
    base = index.url
    return [(topic, index.topic_url(topic.slug, base)) for topic in topics]


@register.simple_tag
def all_topics_url():
    """The address of the "Argomenti" page, or "" when there is none."""
    index = all_topics_page()
    return index.url if index is not None else ""
