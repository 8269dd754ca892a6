from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Argomenti"

    def load_demo(self, now):
        from .demo import load_demo

        return load_demo(now)
