"""The admin side: the report on page ratings ("Valutazioni delle pagine") and the reports of
disservice ("Segnalazioni di disservizio").

Ratings are read-only for everybody (citizens write them): editors and moderators get the
"view" permission (migration 0002). Reports are for moderators only, who may read them,
change their status and notes, and delete them; nobody adds one from the admin.
"""

import csv

import django_filters
from django import forms
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.generic import TemplateView, View
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from cms.admin_webhooks import ReadOnlyPermissionPolicy

from . import addresses, report
from .attachments import CONTENT_TYPES
from .models import InefficiencyReport, PageFeedback, ReportCategory, ReportStatus
from .questions import ANSWER_CHOICES

page_feedback_policy = ReadOnlyPermissionPolicy(PageFeedback)


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Reports come from the public form only: "add" is refused to everyone."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


inefficiency_report_policy = NoAddPermissionPolicy(InefficiencyReport)


# --------------------------------------------------------------------------- page ratings


def page_type_choices():
    used = PageFeedback.objects.values_list("page__content_type", flat=True).distinct()
    types = ContentType.objects.filter(pk__in=used)
    choices = [
        (ct.pk, str(ct.model_class()._meta.verbose_name)) for ct in types if ct.model_class()
    ]
    return [("", "Tutti")] + sorted(choices, key=lambda choice: choice[1])


def section_choices():
    sections = Page.objects.filter(depth=3).order_by("path")
    return [("", "Tutte")] + [(page.pk, page.title) for page in sections]


class RatingFilterForm(forms.Form):
    da = forms.DateField(label="Dal", required=False, widget=AdminDateInput)
    a = forms.DateField(label="Al", required=False, widget=AdminDateInput)
    tipo = forms.TypedChoiceField(
        label="Tipo di pagina", required=False, coerce=int, empty_value=None
    )
    sezione = forms.TypedChoiceField(label="Sezione", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tipo"].choices = page_type_choices()
        self.fields["sezione"].choices = section_choices()

    def filter(self, ratings):
        """The ratings the chosen filters keep (all of them when the form is invalid)."""
        if not self.is_valid():
            return ratings
        data = self.cleaned_data
        if data["da"]:
            ratings = ratings.filter(created_on__gte=data["da"])
        if data["a"]:
            ratings = ratings.filter(created_on__lte=data["a"])
        if data["tipo"]:
            ratings = ratings.filter(page__content_type_id=data["tipo"])
        if data["sezione"]:
            section = Page.objects.filter(pk=data["sezione"]).first()
            if section is not None:
                ratings = ratings.filter(page__path__startswith=section.path)
        return ratings


class RatingReportMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    permission_policy = page_feedback_policy
    permission_required = "view"
    header_icon = "pick"
    viewset = None

    def filter_form(self):
        return RatingFilterForm(self.request.GET or None)

    def ratings(self):
        return self.filter_form().filter(PageFeedback.objects.all())

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.viewset.get_url_name("report")),
                "label": "Valutazioni delle pagine",
            },
        ]


# The query parameter of a page's report naming its sub-page (PageFeedback.subpath).
SUBPAGE_PARAM = "sottopagina"

EXPORT_HEADINGS = [
    "Pagina",
    "Sotto-pagina",
    "Indirizzo",
    "Tipo di pagina",
    "Valutazioni",
    "Media",
    "5 stelle",
    "4 stelle",
    "3 stelle",
    "2 stelle",
    "1 stella",
    "Ultima valutazione",
]


class RatingReportView(RatingReportMixin, TemplateView):
    """Per page and sub-page: count, average, distribution, last day; filters; CSV export."""

    template_name = "feedback/admin/report.html"
    page_title = "Valutazioni delle pagine"

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.export_csv()
        return super().get(request, *args, **kwargs)

    def summaries(self):
        return report.page_summaries(self.ratings())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("export", None)
        summaries = self.summaries()
        context.update(
            filter_form=self.filter_form(),
            summaries=[
                (s, report.page_type_label(s.page), self.page_report_url(s, query))
                for s in summaries
            ],
            total=sum(s.count for s in summaries),
            export_query=query.urlencode(),
            list_url=reverse(self.viewset.get_url_name("index")),
        )
        return context

    def page_report_url(self, summary, filters):
        """The report of one page or sub-page, with the filters chosen here."""
        query = filters.copy()
        if summary.subpath:
            query[SUBPAGE_PARAM] = summary.subpath
        url = reverse(self.viewset.get_url_name("page_report"), args=[summary.page.pk])
        return f"{url}?{query.urlencode(safe='/')}" if query else url

    def export_csv(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="valutazioni-per-pagina.csv"'
        response.write("\ufeff")  # Excel reads the accents right
        writer = csv.writer(response)
        writer.writerow(EXPORT_HEADINGS)
        for summary in self.summaries():
            writer.writerow(
                [
                    summary.page.title,
                    summary.subpage_label,
                    summary.url,
                    report.page_type_label(summary.page),
                    summary.count,
                    f"{summary.average:.2f}".replace(".", ","),
                    *[count for _n, count, _pct in summary.distribution],
                    summary.last.strftime("%d/%m/%Y"),
                ]
            )
        return response


class PageRatingReportView(RatingReportMixin, TemplateView):
    """One page, or one of its sub-pages (``?sottopagina=``): distribution, follow-up answers,
    the latest comments."""

    template_name = "feedback/admin/page_report.html"
    page_title = "Valutazioni della pagina"

    def rated(self):
        """(page, sub-address, the sub-page's title or None), read once."""
        if not hasattr(self, "_rated"):
            page = get_object_or_404(Page, pk=self.kwargs["page_id"])
            subpath = self.request.GET.get(SUBPAGE_PARAM, "")[: addresses.SUBPATH_MAX_LENGTH]
            title = None
            if subpath:
                title = addresses.served_subpages(page.specific, [subpath]).get(subpath)
            self._rated = (page, subpath, title)
        return self._rated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, subpath, _title = self.rated()
        ratings = self.ratings().filter(page=page, subpath=subpath)
        filters = self.request.GET.copy()
        filters.pop(SUBPAGE_PARAM, None)
        context.update(
            rated_page=page.specific_deferred,
            rated_url=report.public_url(page, subpath),
            subpath=subpath,
            page_subtitle=self.get_page_subtitle(),
            summary=report.page_summary(ratings, page, subpath),
            answers=report.answer_counts(ratings),
            comments=report.recent_comments(ratings),
            filter_form=self.filter_form(),
            filtered=bool(filters),
            back_url=reverse(self.viewset.get_url_name("report"))
            + (f"?{filters.urlencode()}" if filters else ""),
        )
        return context

    def get_page_subtitle(self):
        page, subpath, title = self.rated()
        if not subpath:
            return page.title
        return f"{page.title} › {title or report.public_url(page, subpath) or subpath}"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_subtitle()}]


class PageFeedbackFilterSet(WagtailFilterSet):
    created_on = django_filters.DateFromToRangeFilter(label="Data", widget=DateRangePickerWidget)
    rating = django_filters.ChoiceFilter(
        label="Valutazione", choices=[(n, f"{n} stelle") for n in range(5, 0, -1)]
    )
    answer = django_filters.ChoiceFilter(label="Aspetto indicato", choices=ANSWER_CHOICES)

    class Meta:
        model = PageFeedback
        fields = ["created_on", "rating", "answer"]


class PageFeedbackViewSet(ModelViewSet):
    """Every rating, one per row, with the CSV/XLSX export; the menu opens the report."""

    model = PageFeedback
    name = "page_feedback"
    icon = "pick"
    menu_label = "Valutazioni delle pagine"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["created_on", "page", "subpath", "rating", "answer", "comment"]
    filterset_class = PageFeedbackFilterSet
    search_backend_name = None
    search_fields = ["comment"]
    ordering = ["-created_on", "-pk"]
    list_export = [
        "created_on",
        "page_id",
        "page",
        "subpath",
        "rating",
        "get_answer_display",
        "comment",
    ]
    export_headings = {
        "created_on": "Data",
        "page_id": "ID pagina",
        "page": "Pagina",
        "subpath": "Sotto-pagina",
        "rating": "Valutazione",
        "get_answer_display": "Aspetto indicato",
        "comment": "Dettaglio",
    }
    export_filename = "valutazioni-pagine"
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def report_view(self):
        return RatingReportView.as_view(viewset=self)

    @property
    def page_report_view(self):
        return PageRatingReportView.as_view(viewset=self)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)

    def get_urlpatterns(self):
        # The report first: the menu item opens it. No add, edit or delete: citizens write.
        return [
            path("", self.report_view, name="report"),
            path("pagina/<int:page_id>/", self.page_report_view, name="page_report"),
            path("elenco/", self.index_view, name="index"),
            path("elenco/results/", self.index_results_view, name="index_results"),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename=get_permission_codename("view", self.model_opts))
        )


# --------------------------------------------------------------------------- reports


class AttachmentDownloadView(PermissionCheckedMixin, View):
    """A report's attachment, to whoever may view reports: never from a public address."""

    permission_policy = inefficiency_report_policy
    permission_required = "view"

    def get(self, request, pk):
        report_ = get_object_or_404(InefficiencyReport, pk=pk)
        if not report_.attachment:
            raise Http404
        extension = report_.attachment.name.rpartition(".")[2].lower()
        response = FileResponse(
            report_.attachment.open("rb"),
            as_attachment=True,
            filename=report_.attachment_name or f"allegato.{extension}",
            content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class InefficiencyReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Stato", choices=ReportStatus.choices)
    category = django_filters.ChoiceFilter(label="Categoria", choices=ReportCategory.choices)
    created_at = django_filters.DateFromToRangeFilter(
        label="Ricevuta il", widget=DateRangePickerWidget
    )

    class Meta:
        model = InefficiencyReport
        fields = ["status", "category", "created_at"]


def _read_only(*names):
    return [FieldPanel(name, read_only=True) for name in names]


class InefficiencyReportViewSet(ModelViewSet):
    model = InefficiencyReport
    name = "inefficiency_reports"
    icon = "warning"
    menu_label = "Segnalazioni di disservizio"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["subject", "category", "place", "status", "created_at"]
    list_filter = None
    filterset_class = InefficiencyReportFilterSet
    search_backend_name = None
    search_fields = ["subject", "place", "description"]
    ordering = ["-created_at", "-pk"]
    # The citizen's e-mail stays in the report's own screen: never in an export.
    list_export = [
        "pk",
        "created_at",
        "get_category_display",
        "place",
        "subject",
        "description",
        "get_status_display",
        "attachment_name",
    ]
    export_headings = {
        "pk": "N.",
        "created_at": "Ricevuta il",
        "get_category_display": "Categoria",
        "place": "Luogo",
        "subject": "Oggetto",
        "description": "Descrizione",
        "get_status_display": "Stato",
        "attachment_name": "Allegato",
    }
    export_filename = "segnalazioni-disservizio"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at",
        "category",
        "place",
        "subject",
        "description",
        "attachment_name",
        "contact_email",
        "status",
        "internal_notes",
    ]
    edit_handler = ObjectList(
        [
            *_read_only("created_at", "category", "place", "subject", "description"),
            HelpPanel(template="feedback/admin/attachment_panel.html", heading="Allegato"),
            *_read_only("contact_email"),
            FieldPanel("status"),
            FieldPanel("internal_notes"),
        ]
    )

    @property
    def download_view(self):
        return AttachmentDownloadView.as_view()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)

    def get_urlpatterns(self):
        keep = {
            "index",
            "index_results",
            "edit",
            "delete",
            "history",
            "history_results",
            "inspect",
            "usage",
        }
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep] + [
            path("allegato/<int:pk>/", self.download_view, name="download")
        ]

    def get_permissions_to_register(self):
        add = get_permission_codename("add", self.model_opts)
        return super().get_permissions_to_register().exclude(codename=add)
