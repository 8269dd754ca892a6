from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "transparency"
    verbose_name = "Amministrazione trasparente"

    def load_demo(self, now):
        """The section under the demo home, with a few grants (one protecting its
        beneficiary); returns the lines of the summary."""
        from .demo import load_demo

        return load_demo(now)
