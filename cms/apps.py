from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Pubblicazioni"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from network.models import Membership

        from . import frontend_cache, response_cache, webhooks

        response_cache.connect_signals()

        page_published.connect(webhooks.page_published, dispatch_uid="cms.webhook_published")
        page_unpublished.connect(webhooks.page_unpublished, dispatch_uid="cms.webhook_unpublished")

        page_published.connect(frontend_cache.page_changed, dispatch_uid="cms.purge_published")
        page_unpublished.connect(frontend_cache.page_changed, dispatch_uid="cms.purge_unpublished")
        post_save.connect(
            frontend_cache.membership_changed, sender=Membership, dispatch_uid="cms.purge_saved"
        )
        post_delete.connect(
            frontend_cache.membership_changed, sender=Membership, dispatch_uid="cms.purge_deleted"
        )
