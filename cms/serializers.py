"""API v2 field serializers: related objects by name, not bare ids."""

from rest_framework import serializers


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
