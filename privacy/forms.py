"""The page form of the privacy guard: before "Pubblica" or "Approva" the editor sees every
finding with its context and either fixes the text or confirms it with a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import AdminDateInput

from . import allowances, guard
from .detectors import scan_all
from .texts import instance_texts

APPROVE_ACTIONS = {"approve"}


def is_publishing(data):
    """Whether the admin request publishes: "Pubblica", or approving a workflow task (the
    last approval publishes; every approval is treated the same, to be safe)."""
    if data.get("action-publish"):
        return True
    return bool(data.get("action-workflow-action")) and (
        data.get("workflow-action-name") in APPROVE_ACTIONS
    )


def formset_texts(formsets):
    """Texts of the inline children being submitted (agenda items, attachments...)."""
    for formset in formsets.values():
        if not formset.is_valid():
            continue
        verbose = formset.model._meta.verbose_name
        position = 0
        for form in formset.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if formset.can_delete and formset._should_delete_form(form):
                continue
            position += 1
            yield from instance_texts(form.instance, f"{verbose} {position}: ")
            yield from formset_texts(getattr(form, "formsets", {}))


class PrivacyGuardPageForm(WagtailAdminPageForm):
    privacy_confirm = forms.BooleanField(
        required=False,
        label=_("Confermo che questi dati personali devono essere pubblicati"),
    )
    privacy_reason = forms.CharField(
        required=False,
        label=_("Motivo della pubblicazione"),
        help_text=_("Per esempio la norma che ne impone la pubblicazione."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    privacy_expires_at = forms.DateField(
        required=False,
        label=_("Pubblicabili fino al"),
        help_text=_("Lasciare vuoto per la durata prevista (cinque anni dalla pubblicazione)."),
        widget=AdminDateInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.privacy_findings = []

    def _post_clean(self):
        super()._post_clean()
        if not self.is_bound or not is_publishing(self.data):
            return
        texts = [*instance_texts(self.instance), *formset_texts(self.formsets)]
        self.privacy_findings = guard.unconfirmed(
            self.instance, scan_all(texts, allowances.current())
        )
        if not self.privacy_findings:
            return
        if self.cleaned_data.get("privacy_confirm"):
            if not (self.cleaned_data.get("privacy_reason") or "").strip():
                self.add_error(
                    "privacy_reason",
                    _("Indicare il motivo per cui questi dati personali vanno pubblicati."),
                )
            return
        self.add_error(
            None,
            _(
                "Il contenuto contiene dati personali: correggere il testo oppure confermarne "
                "la pubblicazione indicando il motivo (riquadro «Dati personali»)."
            ),
        )
        for finding in self.privacy_findings:
            self.add_error(None, f"{finding.label} – {finding.where}: {finding.context}")

    def privacy_confirmation_pending(self):
        return bool(self.privacy_findings and self.cleaned_data.get("privacy_confirm"))

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if self.privacy_confirmation_pending():
            pending = {
                "findings": self.privacy_findings,
                "user": self.for_user,
                "reason": self.cleaned_data["privacy_reason"].strip(),
                "expires_at": self.cleaned_data.get("privacy_expires_at"),
            }
            if instance.pk:
                guard.confirm(instance, **pending)
            else:  # a new page: confirmed once it has an id (hook before_publish_page)
                instance._privacy_pending_confirmation = pending
        return instance


class PrivacyFindingsPanel(MultiFieldPanel):
    """Shown only when the submitted content has unconfirmed findings."""

    def __init__(self, **kwargs):
        kwargs.pop("children", None)
        kwargs.setdefault("heading", _("Dati personali"))
        children = [
            FieldPanel("privacy_confirm"),
            FieldPanel("privacy_reason"),
            FieldPanel("privacy_expires_at"),
        ]
        super().__init__(children, **kwargs)

    class BoundPanel(MultiFieldPanel.BoundPanel):
        template_name = "privacy/admin/findings_panel.html"

        def is_shown(self):
            return bool(getattr(self.form, "privacy_findings", None)) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["findings"] = self.form.privacy_findings
            return context
