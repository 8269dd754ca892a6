"""Optional two-factor login for the admin (ADMIN_2FA=1): TOTP codes with django-otp.

wagtail-2fa, the usual package, does not import on Wagtail 8 (it needs
wagtail.users.widgets, gone since Wagtail 7), so this is the small part of it we need."""
