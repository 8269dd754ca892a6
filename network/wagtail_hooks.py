from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Network


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = _("Reti")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    list_export = ["name", "slug", "kind"]
    search_fields = ["name"]


register_snippet(NetworkViewSet)
