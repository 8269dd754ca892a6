"""The two public forms. Both carry a honeypot: a field hidden from people (visually and from
assistive technology) that only robots fill in."""

from django import forms
from django.core.validators import MaxLengthValidator

from . import questions
from .attachments import check_attachment
from .models import InefficiencyReport, ReportCategory
from .scrub import scrub_personal_data

HONEYPOT = "sito_web"
DESCRIPTION_MAX_LENGTH = 2000


class PageFeedbackForm(forms.Form):
    pagina = forms.IntegerField(min_value=1, error_messages={"required": "Pagina mancante."})
    valutazione = forms.TypedChoiceField(
        choices=[(str(n), str(n)) for n in questions.RATINGS],
        coerce=int,
        error_messages={
            "required": "Scegli una valutazione da 1 a 5 stelle.",
            "invalid_choice": "Scegli una valutazione da 1 a 5 stelle.",
        },
    )
    aspetto_positivo = forms.ChoiceField(choices=questions.POSITIVE_ANSWERS, required=False)
    aspetto_negativo = forms.ChoiceField(choices=questions.NEGATIVE_ANSWERS, required=False)
    dettaglio = forms.CharField(
        required=False,
        max_length=questions.COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": "Il dettaglio può avere al massimo %(limit_value)d caratteri "
            "(ne hai scritti %(show_value)d)."
        },
    )
    sito_web = forms.CharField(required=False)

    def is_robot(self):
        return bool(self.data.get(HONEYPOT, "").strip())

    def feedback_values(self):
        """rating, answer and cleaned comment, as stored. Without JavaScript both follow-up
        questions are on screen: only the one that belongs to the rating counts."""
        rating = self.cleaned_data["valutazione"]
        field = "aspetto_positivo" if questions.is_positive(rating) else "aspetto_negativo"
        comment = scrub_personal_data(self.cleaned_data["dettaglio"])
        return {
            "rating": rating,
            "answer": self.cleaned_data.get(field) or "",
            "comment": comment[: questions.COMMENT_MAX_LENGTH],
        }


class InefficiencyReportForm(forms.ModelForm):
    sito_web = forms.CharField(required=False, label="Lascia vuoto questo campo")
    privacy = forms.BooleanField(
        label="Ho letto l'informativa sul trattamento dei dati personali",
        error_messages={
            "required": "Per inviare la segnalazione conferma di aver letto l'informativa."
        },
    )

    class Meta:
        model = InefficiencyReport
        fields = ["category", "place", "subject", "description", "attachment", "contact_email"]
        labels = {
            "category": "Categoria del disservizio",
            "place": "Luogo",
            "subject": "Oggetto",
            "description": "Descrizione",
            "attachment": "Allegato (facoltativo)",
            "contact_email": "E-mail per ricevere una risposta (facoltativa)",
        }
        help_texts = {
            "place": "Dove è avvenuto il disservizio: comune, ufficio, indirizzo o pagina del sito.",
            "subject": "Una frase che riassume il problema (massimo 150 caratteri).",
            "description": "Racconta che cosa è successo e quando (massimo 2000 caratteri). Non "
            "inserire dati sulla salute o sulla situazione economica tua o di altre persone.",
            "attachment": "Una foto o un documento: PDF, JPG, PNG, DOCX o ODT, al massimo 5 MB.",
            "contact_email": "Lasciala solo se vuoi una risposta: la vedrà soltanto il personale "
            "dell'Ufficio di Piano e non sarà mai pubblicata.",
        }
        widgets = {
            "category": forms.Select(attrs={"class": "form-select"}),
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        }
        error_messages = {
            "category": {
                "required": "Scegli la categoria del disservizio.",
                "invalid_choice": "Scegli una delle categorie proposte.",
            },
            "place": {"required": "Indica il luogo del disservizio."},
            "subject": {
                "required": "Scrivi l'oggetto della segnalazione.",
                "max_length": "L'oggetto può avere al massimo %(limit_value)d caratteri.",
            },
            "description": {"required": "Descrivi il disservizio."},
            "contact_email": {
                "invalid": "Scrivi un indirizzo e-mail valido, ad esempio nome@esempio.it."
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Scegli una categoria")] + list(
            ReportCategory.choices
        )
        for name in ("place", "subject", "description", "contact_email"):
            self.fields[name].widget.attrs["class"] = "form-control"
        description = self.fields["description"]
        description.validators.append(MaxLengthValidator(DESCRIPTION_MAX_LENGTH))
        description.error_messages["max_length"] = (
            "La descrizione può avere al massimo %(limit_value)d caratteri (ne hai scritti "
            "%(show_value)d)."
        )

    def is_robot(self):
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_attachment(self):
        file = self.cleaned_data.get("attachment")
        if file and hasattr(file, "size"):
            check_attachment(file)
        return file

    def save(self, commit=True):
        report = super().save(commit=False)
        if report.attachment:
            report.attachment_name = report.attachment.name[:100]
        if commit:
            report.save()
        return report
