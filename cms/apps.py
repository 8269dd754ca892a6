from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Pubblicazioni"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import response_cache, webhooks

        response_cache.connect_signals()

        page_published.connect(webhooks.page_published, dispatch_uid="cms.webhook_published")
        page_unpublished.connect(webhooks.page_unpublished, dispatch_uid="cms.webhook_unpublished")
