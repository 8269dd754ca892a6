from django.conf import settings
from django.urls import path, reverse
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/verifica/", views.verify, name="admin_2fa_verify"),
        path("2fa/", views.setup, name="admin_2fa_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if not settings.ADMIN_2FA:
        return None
    return {
        "url": reverse("admin_2fa_setup"),
        "label": "Autenticazione a due fattori",
        "help_text": "Un codice dall'app di autenticazione del telefono, oltre alla password.",
    }
