"""What citizens send: a rating of a page, and a report of a disservice ("Segnala disservizio").

A rating holds no personal data: the page (and which of its sub-pages, feedback/addresses.py),
the stars, the chosen follow-up answer, a short text cleaned of e-mails and phone numbers
(feedback/scrub.py) and the day. No client address, no browser, no cookie, no time of day. A
report may hold the e-mail its author chose to leave for an answer: it is shown only in the
admin, to moderators.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from .addresses import SUBPATH_MAX_LENGTH
from .questions import ANSWER_CHOICES, COMMENT_MAX_LENGTH


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="feedback_ratings",
        verbose_name="pagina",
    )
    subpath = models.CharField(
        "sotto-pagina",
        max_length=SUBPATH_MAX_LENGTH,
        blank=True,
        default="",
        help_text="La parte dell'indirizzo sotto quello della pagina, quando la valutazione è "
        "stata data su una pagina che questa serve (una rete sotto «Reti», un argomento sotto "
        "«Argomenti»); vuota per la pagina stessa.",
    )
    rating = models.PositiveSmallIntegerField(
        "valutazione", validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    answer = models.CharField("aspetto indicato", max_length=40, choices=ANSWER_CHOICES, blank=True)
    comment = models.CharField("dettaglio", max_length=COMMENT_MAX_LENGTH, blank=True)
    created_on = models.DateField("data", default=timezone.localdate, db_index=True)

    class Meta:
        verbose_name = "valutazione di una pagina"
        verbose_name_plural = "valutazioni delle pagine"
        ordering = ["-created_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            )
        ]
        indexes = [models.Index(fields=["page", "created_on"])]

    def __str__(self):
        where = f"{self.page_id}/{self.subpath}" if self.subpath else self.page_id
        return f"{self.rating}/5 - {where} - {self.created_on:%d/%m/%Y}"


class ReportCategory(models.TextChoices):
    INFORMATION = "informazioni", "Informazioni sul sito errate o non aggiornate"
    WEBSITE = "sito", "Problema tecnico o di accessibilità del sito"
    OFFICE = "ufficio", "Ufficio di Piano: sportello, tempi di risposta, comunicazioni"
    SERVICE = "servizio", "Servizio sociale o unità d'offerta del territorio"
    CALL = "bando", "Bandi, contributi e graduatorie"
    OTHER = "altro", "Altro"


class ReportStatus(models.TextChoices):
    NEW = "nuova", "Nuova"
    IN_PROGRESS = "in_lavorazione", "In lavorazione"
    CLOSED = "chiusa", "Chiusa"


def attachment_path(instance, filename):
    """Under MEDIA_ROOT/segnalazioni/, a folder nothing serves (not the proxy, not
    cms.views.media_image, which serves images only): the file is read only through the
    admin's download view. The stored name is random; the citizen's (cleaned) name is kept
    in ``attachment_name``."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else "bin"
    today = timezone.localdate()
    return f"segnalazioni/{today:%Y/%m}/{uuid.uuid4().hex}.{extension}"


class InefficiencyReport(models.Model):
    category = models.CharField("categoria", max_length=20, choices=ReportCategory.choices)
    place = models.CharField("luogo", max_length=200)
    subject = models.CharField("oggetto", max_length=150)
    description = models.TextField("descrizione")
    attachment = models.FileField("allegato", upload_to=attachment_path, blank=True)
    attachment_name = models.CharField("nome dell'allegato", max_length=100, blank=True)
    contact_email = models.EmailField(
        "e-mail per la risposta",
        blank=True,
        help_text="Dato personale: lasciato dal cittadino per ricevere una risposta; mai pubblicato.",
    )
    status = models.CharField(
        "stato", max_length=20, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    internal_notes = models.TextField(
        "note interne", blank=True, help_text="Visibili solo nell'area riservata."
    )
    created_at = models.DateTimeField("ricevuta il", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("aggiornata il", auto_now=True)

    class Meta:
        verbose_name = "segnalazione di disservizio"
        verbose_name_plural = "segnalazioni di disservizio"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject
