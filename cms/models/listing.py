"""Section index pages: a paginated, filterable list of their children of one type."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms import call_state, site_structure
from cms.headless_preview import HeadlessPreview
from cms.listing import parse_params
from cms.site_structure import KnownViewRestrictions
from privacy.forms import PrivacyFindingsPanel
from privacy.publishing import PrivacyGuardedPage
from topics.panels import topics_panel
from topics.serializers import page_topics_field

from .calls import CallPage
from .minutes import MinutesPage
from .news import NewsPage
from .plans import PlanPage, PlanStatus


class SectionIndexPage(PrivacyGuardedPage, KnownViewRestrictions, HeadlessPreview, Page):
    """Abstract: subclasses name their child model and how year, body, state and category
    filter it."""

    intro = RichTextField(_("introduzione"), blank=True)

    child_model: type[Page]
    per_page = 10
    item_template = ""
    state_choices: list = []
    category_choices: list = []
    filters_by_body = False

    content_panels = [
        *Page.content_panels,
        PrivacyFindingsPanel(),
        FieldPanel("intro"),
        topics_panel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("topics", serializer=page_topics_field())]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # Wagtail gives every subclass its own default template name; all listings share one.
        return "cms/section_index_page.html"

    def items(self):
        return site_structure.public(self.child_model.objects.child_of(self).live())

    def ordered(self, queryset):
        return queryset.order_by("-first_published_at")

    def filter_year(self, queryset, year):
        return queryset.filter(first_published_at__year=year)

    def filter_state(self, queryset, state):
        return queryset

    def filter_category(self, queryset, category):
        return queryset

    def year_options(self, queryset):
        return [d.year for d in queryset.datetimes("first_published_at", "year", order="DESC")]

    def category_options(self, queryset):
        """``(key, label, items)`` of the categories that select something; none by default."""
        return []

    def filter_items(self, params):
        queryset = self.items()
        if params.year:
            queryset = self.filter_year(queryset, params.year)
        if params.body and self.filters_by_body:
            queryset = queryset.filter(meeting_body__slug=params.body)
        if params.state:
            queryset = self.filter_state(queryset, params.state)
        if params.category:
            queryset = self.filter_category(queryset, params.category)
        if params.tag:
            queryset = queryset.filter(tagged_items__tag__slug=params.tag)
        return self.ordered(queryset)

    def filter_options(self):
        """What the filter form offers: only values that select something here."""
        items = self.items()
        options = {
            "years": self.year_options(items),
            "tags": Tag.objects.filter(cms_pagetag_items__content_object__in=items.values("pk"))
            .distinct()
            .order_by("name"),
            "states": self.state_choices,
            "categories": self.category_options(items),
            "bodies": [],
        }
        if self.filters_by_body:
            from network.models import Network

            options["bodies"] = Network.objects.filter(minutes__in=items.values("pk")).distinct()
        return options

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        params = parse_params(
            request.GET,
            state_keys=[key for key, _label in self.state_choices],
            category_keys=[key for key, _label in self.category_choices],
        )
        paginator = Paginator(self.filter_items(params), self.per_page)
        context.update(
            params=params,
            page_obj=paginator.get_page(params.page),
            options=self.filter_options(),
            item_template=self.item_template,
        )
        return context


class PlanIndexPage(SectionIndexPage):
    child_model = PlanPage
    item_template = "cms/includes/item_plan.html"
    state_choices = PlanStatus.choices
    subpage_types = ["cms.PlanPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("elenco dei piani")

    def ordered(self, queryset):
        return queryset.order_by("-start_year", "kind", "title")

    def filter_year(self, queryset, year):
        return queryset.filter(start_year__lte=year, end_year__gte=year)

    def filter_state(self, queryset, state):
        return queryset.filter(status=state)

    def year_options(self, queryset):
        years = set()
        for start, end in queryset.values_list("start_year", "end_year"):
            years.update(range(start, end + 1))
        return sorted(years, reverse=True)


class MinutesIndexPage(SectionIndexPage):
    child_model = MinutesPage
    item_template = "cms/includes/item_minutes.html"
    filters_by_body = True
    subpage_types = ["cms.MinutesPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("elenco dei verbali")

    def items(self):
        return super().items().select_related("meeting_body")

    def ordered(self, queryset):
        return queryset.order_by("-meeting_date", "-meeting_time")

    def filter_year(self, queryset, year):
        return queryset.filter(meeting_date__year=year)

    def year_options(self, queryset):
        return [d.year for d in queryset.dates("meeting_date", "year", order="DESC")]


class CallIndexPage(SectionIndexPage):
    child_model = CallPage
    item_template = "cms/includes/item_call.html"
    state_choices = call_state.STATE_CHOICES
    subpage_types = ["cms.CallPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("elenco dei bandi")

    def ordered(self, queryset):
        return queryset.order_by(
            F("application_deadline").desc(nulls_last=True), "-first_published_at"
        )

    def filter_year(self, queryset, year):
        return queryset.filter(
            models.Q(opening__year=year)
            | models.Q(opening__isnull=True, first_published_at__year=year)
        )

    def filter_state(self, queryset, state):
        return queryset.filter(call_state.state_q(state, timezone.now()))

    def year_options(self, queryset):
        years = {d.year for d in queryset.datetimes("opening", "year")}
        years.update(
            d.year
            for d in queryset.filter(opening__isnull=True).datetimes("first_published_at", "year")
        )
        return sorted(years, reverse=True)


class NewsIndexPage(SectionIndexPage):
    child_model = NewsPage
    item_template = "cms/includes/item_news.html"
    subpage_types = ["cms.NewsPage"]
    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = _("elenco delle notizie")

    def ordered(self, queryset):
        return queryset.order_by("-date", "-first_published_at")

    def filter_year(self, queryset, year):
        return queryset.filter(date__year=year)

    def year_options(self, queryset):
        return [d.year for d in queryset.dates("date", "year", order="DESC")]
