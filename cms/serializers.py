"""API field serializers (v2, and v3 through its compatibility shim, which reads the return
type of ``to_representation`` for the OpenAPI schema): related objects by name, not bare
ids."""

from rest_framework import serializers
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12


class NetworkSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)


def network_field():
    return NetworkSummarySerializer(read_only=True)


def network_list_field():
    return NetworkSummarySerializer(many=True, read_only=True)


def names_field():
    return serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")


class DocumentLink(TypedDict):
    id: int
    title: str
    download_url: str
    file_extension: str
    file_size: int | None


class DocumentLinkField(serializers.Field):
    """An attached document with what a front end needs to offer the download."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, document) -> DocumentLink:
        return {
            "id": document.pk,
            "title": document.title,
            "download_url": document.url,
            "file_extension": document.file_extension,
            "file_size": document.file_size,
        }


def document_field():
    return DocumentLinkField()
