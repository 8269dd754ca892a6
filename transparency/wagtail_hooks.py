from wagtail.snippets.models import register_snippet

from .admin import GrantViewSet

register_snippet(GrantViewSet)
