"""News items and generic content pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import BasePage


class NewsPage(BasePage):
    date = models.DateField(_("data"), default=timezone.localdate)
    body = RichTextField(_("testo"), blank=True)
    related_plan = models.ForeignKey(
        "cms.PlanPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        verbose_name=_("piano collegato"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("related_plan"),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("tags"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("body"),
        APIField("related_plan"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("notizia")
        verbose_name_plural = _("notizie")


class StandardPage(BasePage):
    """A generic page: who we are, contacts, accessibility statement, legal notes."""

    body = RichTextField(_("testo"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Allegati"), label=_("allegato")),
        FieldPanel("tags"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("pagina generica")
        verbose_name_plural = _("pagine generiche")
