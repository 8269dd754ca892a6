"""Who must, may or need not give a code."""

from django.conf import settings
from django_otp import user_has_device


def is_required(user):
    """Must this user set up a device (ADMIN_2FA_REQUIRED: superusers, or all admin users)?"""
    if user.is_superuser:
        return True
    return settings.ADMIN_2FA_REQUIRED == "all" and user.has_perm("wagtailadmin.access_admin")


def pending_step(user):
    """The URL name of the step a logged-in user still owes, or None.

    Anyone with a confirmed device gives a code at every login; without one, only those for
    whom it is required are sent to set one up."""
    if not settings.ADMIN_2FA or not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user, confirmed=True):
        return "admin_2fa_verify"
    if is_required(user):
        return "admin_2fa_setup"
    return None
