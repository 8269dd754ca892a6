from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp.middleware import OTPMiddleware

from .policy import pending_step

# What a user who still owes a step may open besides it: logging in and out, and what the
# admin's login layout loads.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


class TwoFactorMiddleware(OTPMiddleware):
    """With ADMIN_2FA=1: django-otp's request.user.is_verified(), and every request of a user
    who owes a code (any URL, not only the admin: a password alone gives no session that
    counts) is sent to the step they owe. Without it, nothing."""

    sync_capable = True
    async_capable = False

    def __init__(self, get_response):
        super().__init__(get_response)
        self.inner = get_response
        self.get_response = self.guard

    def __call__(self, request):
        if not settings.ADMIN_2FA:
            return self.inner(request)
        return super().__call__(request)

    def guard(self, request):
        step = pending_step(request.user)
        if step:
            try:
                url_name = resolve(request.path_info).url_name
            except Resolver404:
                url_name = None
            if url_name != step and url_name not in OPEN_URL_NAMES:
                return redirect_to_login(request.get_full_path(), login_url=reverse(step))
        return self.inner(request)
