from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """A six-digit code from the user's TOTP device (django-otp slows down repeated misses)."""

    code = forms.CharField(
        label=_("Codice di verifica"),
        help_text=_("Le 6 cifre che l'app di autenticazione mostra ora."),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        allowed, _extra = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Troppi codici errati: attendi qualche secondo e riprova."), code="throttled"
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "Codice non valido o scaduto. Controlla che l'ora del telefono sia "
                    "corretta e inserisci il codice attuale."
                ),
                code="invalid",
            )
        return code


class PasswordCheckMixin(forms.Form):
    """The current password again, so that an open session alone cannot change the second
    factor. It goes through authenticate(), so django-axes counts wrong ones."""

    password = forms.CharField(
        label=_("Password attuale"), widget=forms.PasswordInput(attrs={"autocomplete": "off"})
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if authenticate(self.request, username=user.get_username(), password=password) is None:
            raise forms.ValidationError(_("Password errata."), code="invalid")
        return password


class SetupForm(PasswordCheckMixin, CodeForm):
    field_order = ["password", "code"]

    def __init__(self, request, device, *args, **kwargs):
        self.request = request
        CodeForm.__init__(self, device, *args, **kwargs)
        self.fields["code"].widget.attrs.pop("autofocus", None)
        self.fields["password"].widget.attrs["autofocus"] = True

    def clean_code(self):
        # A wrong password must not spend a code nor slow down the next try.
        if "password" not in self.cleaned_data:
            return self.cleaned_data["code"]
        return super().clean_code()


class DisableForm(PasswordCheckMixin):
    pass
