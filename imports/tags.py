"""Tags for imported pages, looked up or created once per import instead of once a page."""

from __future__ import annotations

from taggit.models import Tag

NAME_LENGTH = Tag._meta.get_field("name").max_length


def tag_name(label: str) -> str:
    return " ".join(label.split())[:NAME_LENGTH]


class TagBook:
    """The project's tags by name: ``prepare(names)`` finds or creates them all before the
    pages are written (so a page rolled back to its savepoint cannot take a new tag with it),
    ``tags(names)`` gives them for one page."""

    def __init__(self):
        self._by_name: dict[str, Tag] = {}
        self.created = 0

    def prepare(self, labels):
        names = {tag_name(label) for label in labels} - {""} - set(self._by_name)
        if not names:
            return
        for tag in Tag.objects.filter(name__in=names):
            self._by_name[tag.name] = tag
        for name in sorted(names - set(self._by_name)):
            self._by_name[name] = Tag.objects.create(name=name)
            self.created += 1

    def tags(self, labels) -> list[Tag]:
        found = {}
        for label in labels:
            name = tag_name(label)
            if name:
                found[name] = self._by_name[name]
        return list(found.values())
