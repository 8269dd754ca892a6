from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    """The vocabulary of topics: moderators keep it, editors choose from it on each page."""

    model = Topic
    icon = "tag"
    menu_label = _("Argomenti")
    menu_name = "argomenti"
    menu_order = 250
    add_to_admin_menu = True
    # Plain ORM search: 64 short names need no search index.
    search_backend_name = None
    search_fields = ["name", "description"]
    list_display = ["name", "slug", "description"]
    list_per_page = 100
    # The whole vocabulary on one page of the chooser, to tick several topics at once.
    chooser_per_page = 100
    list_export = ["name", "slug", "description"]
    export_filename = "argomenti"


register_snippet(TopicViewSet)
