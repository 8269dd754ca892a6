from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    name = "cms.two_factor"
    label = "admin_2fa"
    verbose_name = "Autenticazione a due fattori"
