from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Valutazioni e segnalazioni"

    def ready(self):
        from django.db.models.signals import post_delete

        from .models import InefficiencyReport
        from .signals import delete_attachment

        post_delete.connect(
            delete_attachment, sender=InefficiencyReport, dispatch_uid="feedback.attachment"
        )

    def load_demo(self, now):
        from .demo import load_demo

        return load_demo(now)
