from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save
        from wagtail.documents import get_document_model

        from .page_index import ensure_draft_index
        from .signals import document_saved

        post_migrate.connect(ensure_draft_index, sender=self)

        post_save.connect(
            document_saved, sender=get_document_model(), dispatch_uid="search.document_saved"
        )
