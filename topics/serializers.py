"""The topics of a page in the APIs (v2, and v3 through its compatibility shim, which reads
the return type of ``to_representation`` for the OpenAPI schema)."""

from rest_framework import serializers
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12


class TopicSummary(TypedDict):
    id: int
    name: str
    slug: str


class PageTopicsField(serializers.Field):
    """A page's topics by name and slug, in the editor's order (``page_topics`` relation)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[TopicSummary]:
        from .public import topics_of

        return [
            {"id": topic.pk, "name": topic.name, "slug": topic.slug} for topic in topics_of(page)
        ]


def page_topics_field():
    return PageTopicsField()
