"""Topics (*argomenti*): the managed vocabulary of the Modello Comuni, the link of a page to
its topics, and the public page listing every topic with a route per topic."""

from django.db import models
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.site_structure import KnownViewRestrictions
from privacy.forms import PrivacyFindingsPanel
from privacy.publishing import PrivacyGuardedPage


class Topic(models.Model):
    """One term of the vocabulary: seeded with the 64 of the Modello Comuni (migration 0002)."""

    name = models.CharField(_("nome"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Parte dell'indirizzo della pagina dell'argomento; vuoto: ricavato dal nome."),
    )
    description = models.CharField(
        _("descrizione breve"),
        max_length=255,
        blank=True,
        help_text=_("Una frase mostrata nell'elenco degli argomenti e nella sua pagina."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("argomento")
        verbose_name_plural = _("argomenti")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = slugify(self.name)[:100]


class PageTopic(Orderable):
    """A topic of a page, in the editor's order: one table for every page type, like PageTag,
    so topics attach to any page without a migration of its app."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_topics")
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="page_links", verbose_name=_("argomento")
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("argomento della pagina")
        verbose_name_plural = _("argomenti della pagina")
        constraints = [
            models.UniqueConstraint(fields=["page", "topic"], name="topics_one_link_per_topic")
        ]


class TopicIndexPage(PrivacyGuardedPage, KnownViewRestrictions, RoutablePageMixin, Page):
    """ "Argomenti" (``/argomenti/``): every topic with its count of published pages, and at
    ``/argomenti/<slug>/`` the published pages of one topic, newest first.

    The topics are snippets, not pages: the routes read them, so editors keep the vocabulary
    in one place and attach topics from each page's own form."""

    intro = RichTextField(_("introduzione"), blank=True)

    content_panels = [*Page.content_panels, PrivacyFindingsPanel(), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("elenco degli argomenti")

    @path("")
    def index_route(self, request, *args, **kwargs):
        from .public import topics_with_counts

        base = self.get_url(request)
        topics = [(topic, self.topic_url(topic.slug, base)) for topic in topics_with_counts()]
        return self.render(request, context_overrides={"topics": topics})

    @path("<slug:slug>/", name="topic")
    def topic_route(self, request, slug):
        from .public import topic_page_items

        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            raise Http404(_("Argomento non trovato."))
        page_obj = topic_page_items(topic, request.GET.get("page"))
        return self.render(
            request,
            template="topics/topic_page.html",
            context_overrides={"topic": topic, "page_obj": page_obj},
        )

    def subpage_titles(self, route_name, slugs):
        """{slug: name} of the topics among ``slugs`` that exist: the titles of this page's
        sub-pages, which page ratings tell apart (feedback/addresses.py)."""
        if route_name != "topic":
            return {}
        return dict(Topic.objects.filter(slug__in=slugs).values_list("slug", "name"))

    def topic_url(self, slug, base=None):
        """The public address of a topic's route (``base``: this page's URL, if known)."""
        base = base if base is not None else self.url
        return f"{base}{self.reverse_subpage('topic', kwargs={'slug': slug})}"

    def get_sitemap_urls(self, request=None):
        from .public import used_topic_slugs

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not urls or not base:
            return urls
        for slug in used_topic_slugs():
            urls.append({"location": self.topic_url(slug, base)})
        return urls
