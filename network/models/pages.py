"""The public face of the registry: one page listing the networks, with a route per network."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.site_structure import KnownViewRestrictions
from privacy.forms import PrivacyFindingsPanel
from privacy.publishing import PrivacyGuardedPage
from topics.panels import topics_panel
from topics.serializers import page_topics_field


class NetworkIndexPage(PrivacyGuardedPage, KnownViewRestrictions, RoutablePageMixin, Page):
    """Lists the networks (``/reti/``) and shows each one at ``/reti/<slug>/``: purpose,
    active members by their public label, gaps, latest minutes and sub-area coverage.

    The networks are registry records, not pages: the route reads them, so the editors keep
    one place to maintain them (the registry) and the public page follows."""

    intro = RichTextField(_("introduzione"), blank=True)

    content_panels = [
        *Page.content_panels,
        PrivacyFindingsPanel(),
        FieldPanel("intro"),
        topics_panel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("topics", serializer=page_topics_field())]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("elenco delle reti")

    @path("")
    def index_route(self, request, *args, **kwargs):
        from network.public import network_overview

        base = self.get_url(request)
        overview = network_overview(lambda slug: self.network_url(slug, base))
        return self.render(request, context_overrides={"overview": overview})

    @path("<slug:slug>/", name="network")
    def network_route(self, request, slug):
        from network.public import network_profile

        profile = network_profile(slug)
        if profile is None:
            raise Http404(_("Rete non trovata."))
        return self.render(
            request,
            template="network/network_detail.html",
            context_overrides={"profile": profile, "network": profile.network},
        )

    def subpage_titles(self, route_name, slugs):
        """{slug: name} of the networks among ``slugs`` that exist: the titles of this page's
        sub-pages, which page ratings tell apart (feedback/addresses.py)."""
        from network.models import Network

        if route_name != "network":
            return {}
        return dict(Network.objects.filter(slug__in=slugs).values_list("slug", "name"))

    def network_url(self, slug, base=None):
        """The public address of a network's route (``base``: this page's URL, if known)."""
        base = base if base is not None else self.url
        return f"{base}{self.reverse_subpage('network', kwargs={'slug': slug})}"

    def get_sitemap_urls(self, request=None):
        from network.models import Network

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not urls or not base:
            return urls
        for slug in Network.objects.order_by("name").values_list("slug", flat=True):
            urls.append(
                {"location": f"{base}{self.reverse_subpage('network', kwargs={'slug': slug})}"}
            )
        return urls
