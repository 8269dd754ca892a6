"""The public search on a Wagtail backend other than ours (OpenSearch, Elasticsearch: a
settings switch for sites that outgrow one machine). search/engine.py reads our database
index directly; here the same interface goes through Wagtail's search API instead, so the
page, facets and autocomplete keep working. Ranking and Italian analysis are then the
backend's (configure an Italian analyser in its index settings); pages come before
documents, as two searches cannot be ranked together."""

from wagtail.models import Page

from .documents import searchable_documents
from .engine import DOCUMENT, PAGE
from .models import DocumentText
from .query import search_query, search_terms


class BackendSearch:
    def __init__(self, query, kinds, restrict=None, limit=2000):
        self.query, self.kinds, self.restrict, self.limit = query, frozenset(kinds), restrict, limit
        self._matches = None

    def narrowed(self, kinds=None, restrict=None):
        return BackendSearch(
            self.query,
            self.kinds if kinds is None else kinds,
            self.restrict if restrict is None else restrict,
            self.limit,
        )

    def matches(self):
        """``[(kind, id)]``, best first, at most ``limit`` + 1 of each kind."""
        if self._matches is None:
            backend_query = search_query(self.query)
            rows = []
            if PAGE in self.kinds and backend_query is not None:
                found = Page.objects.live().public().search(backend_query)
                ids = [page.pk for page in found[: self.limit + 1]]
                if self.restrict is not None:
                    kept = set(self.restrict.filter(pk__in=ids).values_list("pk", flat=True))
                    ids = [pk for pk in ids if pk in kept]
                rows += [(PAGE, pk) for pk in ids]
            if DOCUMENT in self.kinds and backend_query is not None:
                public = list(searchable_documents().values_list("pk", flat=True))
                texts = DocumentText.objects.filter(document__in=public).search(backend_query)
                rows += [(DOCUMENT, text.pk) for text in texts[: self.limit + 1]]
            self._matches = rows
        return self._matches

    def count(self, part=None, cap=None):
        return len(self.matches())

    def ranked(self, start, stop, total=None):
        return self.matches()[start:stop]

    def page_ids(self):
        return Page.objects.filter(
            pk__in=[pk for kind, pk in self.narrowed(kinds={PAGE}).matches() if kind == PAGE]
        )

    def document_texts(self):
        ids = [pk for kind, pk in self.narrowed(kinds={DOCUMENT}).matches() if kind == DOCUMENT]
        return DocumentText.objects.filter(pk__in=ids).order_by("-document__created_at", "-pk")

    def in_titles(self, limit):
        terms = search_terms(self.query)
        if not terms:
            return []
        return [
            (PAGE, page.pk) for page in Page.objects.live().public().autocomplete(terms)[:limit]
        ]
