from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "transparency"
    verbose_name = "Amministrazione trasparente"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from cms.response_cache import new_generation

        from .models import Grant

        # Grants are shown on cached pages: a change must move the content generation on,
        # as a change in cms or network does (cms/response_cache.py).
        for signal in (post_save, post_delete):
            signal.connect(
                new_generation, sender=Grant, dispatch_uid=f"grant-generation-{id(signal)}"
            )

    def load_demo(self, now):
        """The section under the demo home, with a few grants (one protecting its
        beneficiary); returns the lines of the summary."""
        from .demo import load_demo

        return load_demo(now)
