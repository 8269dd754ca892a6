from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultipleChooserPanel


def topics_panel():
    """The page's topics, picked several at once from the vocabulary, in the editor's order."""
    return MultipleChooserPanel(
        "page_topics",
        chooser_field_name="topic",
        heading=_("Argomenti"),
        label=_("argomento"),
        help_text=_(
            "Gli argomenti del vocabolario del Modello Comuni: la pagina compare nella "
            "pagina di ciascun argomento scelto."
        ),
    )
