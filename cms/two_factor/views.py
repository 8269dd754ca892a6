import base64
import io

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm, DisableForm, SetupForm
from .policy import is_required


def enabled(view):
    def wrapper(request, *args, **kwargs):
        if not settings.ADMIN_2FA:
            raise Http404
        return view(request, *args, **kwargs)

    return never_cache(sensitive_post_parameters("code", "password")(wrapper))


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def qr_code_data_url(text):
    """The otpauth:// URL as a QR code in a data: URL (the CSP allows data: images)."""
    import qrcode  # only for the set-up page, not in every web worker
    import qrcode.image.svg

    buffer = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def secret_for_typing(device):
    """The key in base32, in groups of four, for apps that cannot scan."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@enabled
def verify(request):
    """Second step of the login: the code of the user's device."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('admin_2fa_setup')}?{urlencode({'next': next_url(request)})}")
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url(request))
    return TemplateResponse(
        request, "admin_2fa/verify.html", {"form": form, "next": next_url(request)}
    )


@enabled
def setup(request):
    """Set up (or replace) the authenticator app, or turn two-factor login off."""
    user = request.user
    current = confirmed_device(user)
    if current is not None and not user.is_verified():
        # A password alone must never replace or remove the second factor.
        return redirect(f"{reverse('admin_2fa_verify')}?{urlencode({'next': next_url(request)})}")
    adding = current is None or request.GET.get("nuovo") or request.POST.get("nuovo")

    if request.method == "POST" and request.POST.get("action") == "disattiva":
        if current is None or is_required(user):
            raise Http404
        disable_form = DisableForm(request, request.POST)
        if disable_form.is_valid():
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, "Autenticazione a due fattori disattivata.")
            return redirect("admin_2fa_setup")
    else:
        disable_form = DisableForm(request)

    form = device = None
    if adding:
        # The key being set up lives in an unconfirmed device until a code proves the app has it.
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name="App di autenticazione", confirmed=False
            )
        form = SetupForm(request, device, request.POST or None)
        if request.method == "POST" and request.POST.get("action") == "attiva" and form.is_valid():
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Autenticazione a due fattori attivata.")
            return redirect(next_url(request))

    return TemplateResponse(
        request,
        "admin_2fa/setup.html",
        {
            "current": current,
            "form": form,
            "device": device,
            "qr_code": qr_code_data_url(device.config_url) if device else None,
            "secret": secret_for_typing(device) if device else None,
            "required": is_required(user),
            "disable_form": disable_form,
            "has_device": user_has_device(user, confirmed=True),
            "next": request.POST.get("next") or request.GET.get("next") or "",
        },
    )
