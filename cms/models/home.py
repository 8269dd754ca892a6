"""The home page: what is open, what is next, what is new."""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms import call_state, site_structure
from cms.headless_preview import HeadlessPreview
from cms.site_structure import KnownViewRestrictions
from privacy.forms import PrivacyFindingsPanel
from privacy.publishing import PrivacyGuardedPage

from .calls import CallPage
from .minutes import MinutesPage
from .news import NewsPage


class HomePage(PrivacyGuardedPage, KnownViewRestrictions, HeadlessPreview, Page):
    intro = RichTextField(_("introduzione"), blank=True)

    content_panels = [*Page.content_panels, PrivacyFindingsPanel(), FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = [
        "cms.PlanIndexPage",
        "cms.MinutesIndexPage",
        "cms.CallIndexPage",
        "cms.NewsIndexPage",
        "cms.ServiceIndexPage",
        "cms.MenuSectionPage",
        "cms.EventsPage",
        "cms.PlacesPage",
        "cms.StandardPage",
        "network.NetworkIndexPage",
        "topics.TopicIndexPage",
        "transparency.TransparencyIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # The site root routes every public address: remembered, a known one costs one query.
        return site_structure.route(self, request, path_components, super().route)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["open_calls"] = (
            site_structure.public(CallPage.objects.descendant_of(self).live())
            .filter(call_state.state_q(call_state.OPEN, now))
            .order_by(F("application_deadline").asc(nulls_last=True))[:3]
        )
        context["latest_news"] = site_structure.public(
            NewsPage.objects.descendant_of(self).live()
        ).order_by("-date")[:3]
        minutes = site_structure.public(MinutesPage.objects.descendant_of(self).live())
        context["latest_minutes"] = minutes.select_related("meeting_body").order_by(
            "-meeting_date"
        )[:3]
        context["next_meeting"] = (
            minutes.filter(next_meeting_date__gte=timezone.localdate())
            .select_related("meeting_body")
            .order_by("next_meeting_date")
            .first()
        )
        return context
