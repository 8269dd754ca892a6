"""Pieces every publishing page shares: tags, summary, attachments, related networks."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.headless_preview import HeadlessPreview
from cms.serializers import document_field
from cms.site_structure import KnownViewRestrictions
from privacy.forms import PrivacyFindingsPanel
from privacy.publishing import PrivacyGuardedPage
from topics.serializers import page_topics_field


class PageTag(TaggedItemBase):
    """One tag table for every page type, so tag facets and filters are a single join."""

    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tag della pagina")
        verbose_name_plural = _("tag delle pagine")


class AttachmentBase(Orderable):
    """A Wagtail document attached to a page, in the order the editor chose."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("documento"),
    )
    label = models.CharField(
        _("titolo mostrato"),
        max_length=255,
        blank=True,
        help_text=_("Lasciare vuoto per usare il titolo del documento."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]
    api_fields = [APIField("document", serializer=document_field()), APIField("label")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def display_title(self):
        return self.label or self.document.title


class PageAttachment(AttachmentBase):
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="attachments")

    class Meta(AttachmentBase.Meta):
        verbose_name = _("allegato")
        verbose_name_plural = _("allegati")


class BasePage(PrivacyGuardedPage, KnownViewRestrictions, HeadlessPreview, Page):
    """Abstract base of the publishing pages: a summary, tags and attachments; publishing goes
    through the privacy guard (privacy/publishing.py)."""

    intro = models.TextField(
        _("sommario"),
        blank=True,
        help_text=_("Breve descrizione mostrata sotto il titolo, negli elenchi e nei risultati."),
    )
    tags = ClusterTaggableManager(through=PageTag, blank=True, verbose_name=_("tag"))

    content_panels = [*Page.content_panels, PrivacyFindingsPanel()]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "page_topics", [index.RelatedFields("topic", [index.SearchField("name")])]
        ),
        index.FilterField("first_published_at"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("tags"),
        APIField("topics", serializer=page_topics_field()),
        APIField("attachments"),
        APIField("first_published_at"),
        APIField("last_published_at"),
    ]

    class Meta:
        abstract = True

    def attachment_list(self):
        """Attachments with their documents, in one query."""
        return self.attachments.select_related("document").all()
