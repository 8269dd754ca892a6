from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from .popolo import popolo_id_field, source_kind_field, unique_popolo_id


class AreaKind(models.TextChoices):
    DISTRICT = "district", _("Ambito distrettuale")
    SUBAREA = "subarea", _("Sub-ambito")
    MUNICIPALITY = "municipality", _("Comune")
    OTHER = "other", _("Altro")


class Area(RevisionMixin, index.Indexed, models.Model):
    """The district, its sub-areas and its comuni, as a tree. Which comune sits in which
    sub-area is this data (the parent), never code."""

    name = models.CharField(_("nome"), max_length=255)
    kind = models.CharField(_("tipo"), max_length=32, choices=AreaKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("area superiore"),
    )
    istat_code = models.CharField(_("codice ISTAT"), max_length=16, blank=True)
    source_kind = source_kind_field()
    popolo_id = popolo_id_field()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("istat_code"),
        FieldPanel("popolo_id"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("area")
        verbose_name_plural = _("aree")
        constraints = [
            unique_popolo_id("area"),
            models.UniqueConstraint(
                fields=["istat_code"],
                condition=~models.Q(istat_code=""),
                name="network_area_unique_istat_code",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None or ancestor.pk in seen:
                raise ValidationError(
                    {"parent": _("Un'area non può essere contenuta in sé stessa.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
