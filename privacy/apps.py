from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Controllo dati personali"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .signals import attach_revision

        page_published.connect(attach_revision, dispatch_uid="privacy-attach-revision")
