"""Who may do what in the admin, in one table: anonymous, page editor (Redazione), moderator
(Moderatori), the coordinators of network A and of network B, and a registry manager
(Registro delle reti), against every admin screen of the page types and of the registered
viewsets (registry, call recipients, the body's settings, the webhook log).

Each cell of MATRIX says what the role gets:

- Y: the screen opens (200) and its POST does what it says (the database changes);
- N: refused, Wagtail's way: anonymous visitors are sent to the login, staff to the
  dashboard with a message (a PermissionDenied); the database does not change;
- F: the form opens, but refuses what was sent (a coordinator choosing another network), or
  the request does something lesser (an editor's "publish" saves a draft and publishes
  nothing): what the action would change stays as it was.

Exports (CSV, XLSX) follow the listing and never hold a person's private contacts.
test_every_admin_screen_has_rows fails when a viewset, a view or a page type appears without
rows here."""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page, Revision, get_page_models

from cms.models import (
    BodyIdentity,
    CallIndexPage,
    CallPage,
    CallRecipient,
    EventsPage,
    FooterLinks,
    HomePage,
    MenuSectionPage,
    MinutesIndexPage,
    MinutesPage,
    NewsIndexPage,
    NewsPage,
    PlacesPage,
    PlanIndexPage,
    PlanPage,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
    WebAnalytics,
    WebhookDelivery,
)
from feedback.models import InefficiencyReport, PageFeedback
from network.models import (
    Area,
    Attendance,
    AttendanceStatus,
    CompositionRule,
    Membership,
    Network,
    NetworkIndexPage,
    Organisation,
    Person,
    Role,
)
from privacy.models import Confirmation
from tests.factories import (
    PDF_BYTES,
    CallPageFactory,
    MinutesPageFactory,
    NewsPageFactory,
    PlanPageFactory,
    StandardPageFactory,
    add_published,
)
from tests.registry_factories import (
    AttendanceFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    RuleFactory,
    SubareaFactory,
)
from topics.models import Topic, TopicIndexPage
from transparency.models import Grant, TransparencyIndexPage, TransparencySectionPage

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "moderator", "coordinator_a", "coordinator_b", "registry"]
Y, N, F = "Y", "N", "F"

PRIVATE = {
    "private_email": "arianna.riservata@casella-privata.invalid",
    "private_phone": "+39 347 551 0042",
    "private_notes": "Notariservata42: non esportare",
}

# --------------------------------------------------------------------------------- the table

# fmt: off
PAGE_ROWS = {
    #                 anonymous editor moderator coord_a coord_b registry
    "add":           (N,        Y,     Y,        N,      N,      N),
    "edit":          (N,        Y,     Y,        N,      N,      N),
    "publish":       (N,        F,     Y,        N,      N,      N),
    "unpublish":     (N,        N,     Y,        N,      N,      N),
    "delete":        (N,        N,     Y,        N,      N,      N),
    "history":       (N,        Y,     Y,        N,      N,      N),
}
PAGE_TYPES = ["plan", "minutes", "call", "news", "standard", "service"]

MATRIX = {
    **{f"page.{kind}.{action}": row for kind in PAGE_TYPES for action, row in PAGE_ROWS.items()},
    #                                anonymous editor moderator coord_a coord_b registry
    "network.list":                 (N,        Y,     Y,        Y,      Y,      Y),
    "network.export_csv":           (N,        Y,     Y,        Y,      Y,      Y),
    "network.export_xlsx":          (N,        Y,     Y,        Y,      Y,      Y),
    "network.add":                  (N,        N,     N,        N,      N,      Y),
    "network.edit_a":               (N,        N,     N,        N,      N,      Y),
    "network.delete_a":             (N,        N,     N,        N,      N,      Y),
    "network.history_a":            (N,        N,     N,        N,      N,      Y),
    "network.choose":               (N,        Y,     Y,        Y,      Y,      Y),
    "network.composition_a":        (N,        N,     N,        Y,      N,      Y),
    "network.composition_b":        (N,        N,     N,        N,      Y,      Y),
    "network.attendance_sheet_a":   (N,        N,     N,        Y,      N,      Y),
    "network.attendance_sheet_b":   (N,        N,     N,        N,      Y,      Y),
    "membership.list":              (N,        N,     N,        Y,      Y,      Y),
    "membership.export_csv":        (N,        N,     N,        Y,      Y,      Y),
    "membership.export_xlsx":       (N,        N,     N,        Y,      Y,      Y),
    "membership.add_a":             (N,        N,     N,        Y,      F,      Y),
    "membership.add_b":             (N,        N,     N,        F,      Y,      Y),
    "membership.edit_a":            (N,        N,     N,        Y,      N,      Y),
    "membership.edit_b":            (N,        N,     N,        N,      Y,      Y),
    "membership.delete_a":          (N,        N,     N,        N,      N,      Y),
    "membership.delete_b":          (N,        N,     N,        N,      N,      Y),
    "membership.history_a":         (N,        N,     N,        Y,      N,      Y),
    "membership.history_b":         (N,        N,     N,        N,      Y,      Y),
    "membership.copy_a":            (N,        N,     N,        Y,      N,      Y),
    "membership.copy_b":            (N,        N,     N,        N,      Y,      Y),
    "membership.usage_a":           (N,        N,     N,        Y,      N,      Y),
    "membership.usage_b":           (N,        N,     N,        N,      Y,      Y),
    "membership.choose":            (N,        N,     N,        Y,      Y,      Y),
    "person.list":                  (N,        N,     N,        Y,      Y,      Y),
    "person.export_csv":            (N,        N,     N,        Y,      Y,      Y),
    "person.export_xlsx":           (N,        N,     N,        Y,      Y,      Y),
    "person.add":                   (N,        N,     N,        Y,      Y,      Y),
    "person.edit_a":                (N,        N,     N,        Y,      Y,      Y),
    "person.delete_a":              (N,        N,     N,        N,      N,      Y),
    "person.history_a":             (N,        N,     N,        Y,      Y,      Y),
    "person.choose":                (N,        N,     N,        Y,      Y,      Y),
    "organisation.list":            (N,        N,     N,        Y,      Y,      Y),
    "organisation.export_csv":      (N,        N,     N,        Y,      Y,      Y),
    "organisation.export_xlsx":     (N,        N,     N,        Y,      Y,      Y),
    "organisation.add":             (N,        N,     N,        Y,      Y,      Y),
    "organisation.edit_a":          (N,        N,     N,        N,      N,      Y),
    "organisation.delete_a":        (N,        N,     N,        N,      N,      Y),
    # Wagtail opens a history to whoever may add, change or delete such rows.
    "organisation.history_a":       (N,        N,     N,        Y,      Y,      Y),
    "organisation.choose":          (N,        N,     N,        Y,      Y,      Y),
    "area.list":                    (N,        N,     N,        Y,      Y,      Y),
    "area.export_csv":              (N,        N,     N,        Y,      Y,      Y),
    "area.export_xlsx":             (N,        N,     N,        Y,      Y,      Y),
    "area.add":                     (N,        N,     N,        N,      N,      Y),
    "area.edit_a":                  (N,        N,     N,        N,      N,      Y),
    "area.delete_a":                (N,        N,     N,        N,      N,      Y),
    "area.history_a":               (N,        N,     N,        N,      N,      Y),
    "area.choose":                  (N,        N,     N,        Y,      Y,      Y),
    "role.list":                    (N,        N,     N,        Y,      Y,      Y),
    "role.export_csv":              (N,        N,     N,        Y,      Y,      Y),
    "role.export_xlsx":             (N,        N,     N,        Y,      Y,      Y),
    "role.add":                     (N,        N,     N,        N,      N,      Y),
    "role.edit_a":                  (N,        N,     N,        N,      N,      Y),
    "role.delete_a":                (N,        N,     N,        N,      N,      Y),
    "role.history_a":               (N,        N,     N,        N,      N,      Y),
    "role.choose":                  (N,        N,     N,        Y,      Y,      Y),
    "attendance.list":              (N,        N,     N,        Y,      Y,      Y),
    "attendance.add_a":             (N,        N,     N,        Y,      F,      Y),
    "attendance.add_b":             (N,        N,     N,        F,      Y,      Y),
    "attendance.edit_a":            (N,        N,     N,        Y,      N,      Y),
    "attendance.edit_b":            (N,        N,     N,        N,      Y,      Y),
    "attendance.delete_a":          (N,        N,     N,        Y,      N,      Y),
    "attendance.delete_b":          (N,        N,     N,        N,      Y,      Y),
    "attendance.history_a":         (N,        N,     N,        Y,      N,      Y),
    "attendance.history_b":         (N,        N,     N,        N,      Y,      Y),
    "attendance.choose":            (N,        N,     N,        Y,      Y,      Y),
    "callrecipient.list":           (N,        Y,     Y,        N,      N,      N),
    "callrecipient.add":            (N,        Y,     Y,        N,      N,      N),
    "callrecipient.edit_a":         (N,        Y,     Y,        N,      N,      N),
    "callrecipient.delete_a":       (N,        N,     Y,        N,      N,      N),
    "callrecipient.history_a":      (N,        Y,     Y,        N,      N,      N),
    # Wagtail's own chooser asks for no permission; call recipients are public anyway.
    "callrecipient.choose":         (N,        Y,     Y,        Y,      Y,      Y),
    # Topics: moderators keep the vocabulary; editors may read it and choose from it.
    "topic.list":                   (N,        Y,     Y,        N,      N,      N),
    "topic.export_csv":             (N,        Y,     Y,        N,      N,      N),
    "topic.export_xlsx":            (N,        Y,     Y,        N,      N,      N),
    "topic.add":                    (N,        N,     Y,        N,      N,      N),
    "topic.edit_a":                 (N,        N,     Y,        N,      N,      N),
    "topic.delete_a":               (N,        N,     Y,        N,      N,      N),
    "topic.history_a":              (N,        N,     Y,        N,      N,      N),
    # Wagtail's own chooser asks for no permission; the vocabulary is public anyway.
    "topic.choose":                 (N,        Y,     Y,        Y,      Y,      Y),
    "bodyidentity.edit":            (N,        N,     Y,        N,      N,      N),
    "footerlinks.edit":             (N,        N,     Y,        N,      N,      N),
    # Visit statistics: the data controller's decision, administrators only.
    "webanalytics.edit":            (N,        N,     N,        N,      N,      N),
    "webhookdelivery.list":         (N,        N,     N,        N,      N,      N),
    "webhookdelivery.export_csv":   (N,        N,     N,        N,      N,      N),
    "webhookdelivery.inspect_a":    (N,        N,     N,        N,      N,      N),
    # Grants (transparency): editors prepare drafts, moderators publish and delete; nobody
    # else, chooser included, reads beneficiaries' names.
    "grant.list":                   (N,        Y,     Y,        N,      N,      N),
    "grant.export_csv":             (N,        Y,     Y,        N,      N,      N),
    "grant.export_xlsx":            (N,        Y,     Y,        N,      N,      N),
    "grant.add":                    (N,        Y,     Y,        N,      N,      N),
    "grant.edit_a":                 (N,        Y,     Y,        N,      N,      N),
    "grant.delete_a":               (N,        N,     Y,        N,      N,      N),
    "grant.history_a":              (N,        Y,     Y,        N,      N,      N),
    "grant.choose":                 (N,        Y,     Y,        N,      N,      N),
    "grant.unpublish_a":            (N,        N,     Y,        N,      N,      N),
    # Page ratings (feedback): editors and moderators read them; nobody changes them.
    "pagefeedback.report":              (N,    Y,     Y,        N,      N,      N),
    "pagefeedback.report_csv":          (N,    Y,     Y,        N,      N,      N),
    "pagefeedback.page_report":         (N,    Y,     Y,        N,      N,      N),
    "pagefeedback.list":                (N,    Y,     Y,        N,      N,      N),
    "pagefeedback.export_csv":          (N,    Y,     Y,        N,      N,      N),
    "pagefeedback.export_xlsx":         (N,    Y,     Y,        N,      N,      N),
    # Reports of disservice may hold their author's e-mail: moderators only.
    "inefficiencyreport.list":          (N,    N,     Y,        N,      N,      N),
    "inefficiencyreport.export_csv":    (N,    N,     Y,        N,      N,      N),
    "inefficiencyreport.export_xlsx":   (N,    N,     Y,        N,      N,      N),
    "inefficiencyreport.edit_a":        (N,    N,     Y,        N,      N,      N),
    "inefficiencyreport.delete_a":      (N,    N,     Y,        N,      N,      N),
    "inefficiencyreport.history_a":     (N,    N,     Y,        N,      N,      N),
    "inefficiencyreport.inspect_a":     (N,    N,     Y,        N,      N,      N),
    "inefficiencyreport.download_a":    (N,    N,     Y,        N,      N,      N),
    # Confirmed personal data (privacy guard): moderators review; nobody adds or deletes.
    "confirmation.list":                (N,    N,     Y,        N,      N,      N),
    "confirmation.export_csv":          (N,    N,     Y,        N,      N,      N),
    "confirmation.export_xlsx":         (N,    N,     Y,        N,      N,      N),
    "confirmation.edit_a":              (N,    N,     Y,        N,      N,      N),
    "confirmation.delete_a":            (N,    N,     N,        N,      N,      N),
    "confirmation.history_a":           (N,    N,     Y,        N,      N,      N),
}
# fmt: on

# Admin views of the registered viewsets that have no rows, and why.
NOT_IN_MATRIX = {
    "list_results": "the listing's own refresh: same view and permission as list",
    "index_results": "the listing's own refresh: same view and permission as list",
    "history_results": "the history's own refresh: same view and permission as history",
    "choose_results": "the chooser's own refresh: same view as choose",
    "chosen": "returns one row picked in the chooser: covered by choose",
    "chosen_multiple": "returns rows picked in the chooser: covered by choose",
    "create": "the chooser's creation form: none is configured, nothing to create there",
    "revisions_revert": "needs a revision; the viewset's edit view (same permission as edit)",
    "revisions_compare": "needs two revisions; scoped like history (ScopedRevisionsCompareView)",
    "copy": "a prefilled add form: tested where rows are scoped to a network (membership)",
    "usage": "tested where rows are scoped to a network (membership)",
    "revisions_unschedule": "needs a scheduled revision; same permission as publish",
}
# Page types without rows: the site's structure, made by the migrations or the demo.
SECTION_PAGES = {
    MenuSectionPage,
    EventsPage,
    PlacesPage,
    HomePage,
    PlanIndexPage,
    MinutesIndexPage,
    CallIndexPage,
    NewsIndexPage,
    NetworkIndexPage,
    TopicIndexPage,
    TransparencyIndexPage,
    TransparencySectionPage,
    ServiceIndexPage,
}


# --------------------------------------------------------------------------------- the world


class World:
    """The objects of the table, made on first use (a case creates only what it touches)."""

    @cached_property
    def home(self):
        return HomePage.objects.get()

    def index(self, model, slug):
        return add_published(self.home, model(title=slug.capitalize(), slug=slug))

    @cached_property
    def network_a(self):
        return NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")

    @cached_property
    def network_b(self):
        return NetworkFactory(name="Rete ConTatto", slug="rete-contatto")

    @cached_property
    def rules(self):
        return [RuleFactory(network=self.network_a), RuleFactory(network=self.network_b)]

    @cached_property
    def role(self):
        return RoleFactory(name="Referente", slug="referente")

    @cached_property
    def person_a(self):
        return PersonFactory(name="Arianna Alfieri", role_email="sia@example.org", **PRIVATE)

    @cached_property
    def person_b(self):
        return PersonFactory(name="Bruno Bettoni")

    @cached_property
    def organisation(self):
        return OrganisationFactory(name="Comune di Crema", area=self.area)

    @cached_property
    def area(self):
        return SubareaFactory(name="Sub-ambito Nord")

    @cached_property
    def membership_a(self):
        return MembershipFactory(
            network=self.network_a,
            person=self.person_a,
            role=self.role,
            start_date=date(2024, 1, 1),
        )

    @cached_property
    def membership_b(self):
        return MembershipFactory(
            network=self.network_b,
            person=self.person_b,
            role=self.role,
            start_date=date(2024, 1, 1),
        )

    @cached_property
    def minutes_index(self):
        return self.index(MinutesIndexPage, "verbali")

    def meeting(self, network):
        return MinutesPageFactory(
            parent=self.minutes_index, meeting_body=network, meeting_date=date(2024, 3, 14)
        )

    @cached_property
    def meeting_a(self):
        return self.meeting(self.network_a)

    @cached_property
    def meeting_b(self):
        return self.meeting(self.network_b)

    @cached_property
    def attendance_a(self):
        return AttendanceFactory(meeting=self.meeting_a, membership=self.membership_a)

    @cached_property
    def attendance_b(self):
        return AttendanceFactory(meeting=self.meeting_b, membership=self.membership_b)

    @cached_property
    def recipient(self):
        return CallRecipient.objects.create(name="Famiglie")

    @cached_property
    def topic(self):
        return Topic.objects.get(name="Acqua")

    @cached_property
    def grant(self):
        grant = Grant.objects.create(
            beneficiary_kind="organisation",
            beneficiary_name="Cooperativa Alfa",
            reveals_hardship=False,
            amount=Decimal("1500.00"),
            granted_on=date(2025, 3, 1),
            legal_basis="Determina n. 1/2025",
            office="Ufficio di Piano",
            official="Responsabile",
            selection_method="Avviso pubblico",
        )
        grant.save_revision().publish()
        return grant

    @cached_property
    def delivery(self):
        return WebhookDelivery.objects.create(
            event="page_published", url="https://ricevitore.example.org/", payload={}
        )

    # One live page of each type, under its section.
    @cached_property
    def pages(self):
        return {
            "plan": lambda: PlanPageFactory(parent=self.index(PlanIndexPage, "piani")),
            "minutes": lambda: self.meeting(self.network_a),
            "call": lambda: CallPageFactory(parent=self.index(CallIndexPage, "bandi")),
            "news": lambda: NewsPageFactory(parent=self.index(NewsIndexPage, "notizie")),
            "standard": lambda: StandardPageFactory(parent=self.home),
            "service": lambda: add_published(
                self.index(ServiceIndexPage, "servizi"),
                ServicePage(title="Segretariato sociale", slug="segretariato", **SERVICE_FIELDS),
            ),
        }

    @cached_property
    def page(self):
        return {}

    def page_of(self, kind):
        if kind not in self.page:
            self.page[kind] = self.pages[kind]()
        return self.page[kind]


SERVICE_RICH_TEXT = {"audience", "how_to", "needed", "achieved", "timing", "channels", "conditions"}
SERVICE_FIELDS = {
    "intro": "Informazioni e orientamento sui servizi sociali.",
    "service_type": "Segretariato sociale",
    "service_audience": "Cittadini",
    **{name: f"<p>Testo di prova: {name}.</p>" for name in SERVICE_RICH_TEXT},
    "office_name": "Ufficio di Piano",
}


def draftail(text):
    """A rich text field's value as the admin's editor posts it."""
    block = {"key": "k1", "type": "unstyled", "depth": 0, "text": text}
    block |= {"inlineStyleRanges": [], "entityRanges": [], "data": {}}
    return json.dumps({"blocks": [block], "entityMap": {}})


# What a new page of each type needs besides title and slug, as the add form sends it.
NEW_PAGE_FIELDS = {
    "plan": {"kind": "po", "start_year": "2026", "end_year": "2026"},
    "minutes": {"meeting_date": "14/03/2024"},
    "call": {"issuer": "Ufficio di Piano"},
    "news": {"date": "01/03/2026"},
    "standard": {},
    "service": {
        "status": "attivo",
        **{
            name: draftail(f"Testo di prova: {name}.") if name in SERVICE_RICH_TEXT else value
            for name, value in SERVICE_FIELDS.items()
        },
    },
}
PAGE_MODELS = {
    "plan": PlanPage,
    "minutes": MinutesPage,
    "call": CallPage,
    "news": NewsPage,
    "standard": StandardPage,
    "service": ServicePage,
}


# --------------------------------------------------------------------------------- actions


@dataclass
class Action:
    """One row: the admin view it exercises (``url_name``), the address to GET (if any),
    what to POST (if anything), what an allowed POST changes (``effect``), and what an
    F-refusal must leave alone (``kept``, the whole database by default)."""

    url_name: str
    url: Callable[[World], str] | None = None
    post: Callable[[World, "FormReader"], dict] | None = None
    post_url: Callable[[World], str] | None = None
    effect: Callable[[World], object] | None = None
    kept: Callable[[World], object] | None = None
    export: str = ""
    prepare: Callable[[World], object] | None = None
    check: Callable[[object, str, World], None] | None = None


def snippet(model, view):
    return f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}"


def chooser(model):
    return f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:choose"


def rows_of(model, **filters):
    return sorted(model.objects.filter(**filters).values_list(), key=lambda row: row[0])


def page_state(page):
    page = Page.objects.filter(pk=page.pk).values(
        "title", "draft_title", "live", "live_revision_id", "latest_revision_id"
    )
    return list(page)


def live_state(page):
    return list(Page.objects.filter(pk=page.pk).values("title", "live", "live_revision_id"))


def page_actions():
    actions = {}
    for kind in PAGE_TYPES:
        model = PAGE_MODELS[kind]

        def parent_of(w, kind=kind):
            return w.page_of(kind).get_parent()

        def add_url(w, model=model, parent_of=parent_of):
            meta = model._meta
            return reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent_of(w).pk]
            )

        def add_data(w, reader, kind=kind, add_url=add_url):
            data = reader.form(add_url(w))
            data.update(title="Pagina nuova di prova", slug="pagina-nuova-di-prova")
            data.update(NEW_PAGE_FIELDS[kind])
            if kind == "minutes":
                data["meeting_body"] = str(w.network_a.pk)
            return data

        def edit_url(w, kind=kind):
            return reverse("wagtailadmin_pages:edit", args=[w.page_of(kind).pk])

        def edit_data(w, reader, edit_url=edit_url):
            data = reader.form(edit_url(w))
            data["title"] = "Titolo cambiato"
            return data

        def publish_data(w, reader, edit_data=edit_data):
            return {**edit_data(w, reader), "action-publish": "action-publish"}

        def unpublish_url(w, kind=kind):
            return reverse("wagtailadmin_pages:unpublish", args=[w.page_of(kind).pk])

        def delete_url(w, kind=kind):
            return reverse("wagtailadmin_pages:delete", args=[w.page_of(kind).pk])

        def history_url(w, kind=kind):
            return reverse("wagtailadmin_pages:history", args=[w.page_of(kind).pk])

        actions |= {
            f"page.{kind}.add": Action(
                "wagtailadmin_pages:add",
                add_url,
                add_data,
                effect=lambda w, model=model: model.objects.count(),
            ),
            f"page.{kind}.edit": Action(
                "wagtailadmin_pages:edit",
                edit_url,
                edit_data,
                effect=lambda w, kind=kind: page_state(w.page_of(kind)),
            ),
            f"page.{kind}.publish": Action(
                "wagtailadmin_pages:edit",
                edit_url,
                publish_data,
                effect=lambda w, kind=kind: live_state(w.page_of(kind)),
                kept=lambda w, kind=kind: live_state(w.page_of(kind)),
            ),
            f"page.{kind}.unpublish": Action(
                "wagtailadmin_pages:unpublish",
                unpublish_url,
                lambda w, reader: {},
                effect=lambda w, kind=kind: live_state(w.page_of(kind)),
            ),
            f"page.{kind}.delete": Action(
                "wagtailadmin_pages:delete",
                delete_url,
                lambda w, reader: {},
                effect=lambda w, model=model: model.objects.count(),
            ),
            f"page.{kind}.history": Action("wagtailadmin_pages:history", history_url),
        }
    return actions


def has_export(model):
    from wagtail.admin.viewsets.base import ViewSet

    return model.snippet_viewset.list_export not in (ViewSet.UNDEFINED, [], ())


def export_actions(prefix, model, url_name):
    return {
        f"{prefix}.export_{kind}": Action(
            url_name,
            lambda w, url_name=url_name, kind=kind: reverse(url_name) + f"?export={kind}",
            export=kind,
        )
        for kind in ("csv", "xlsx")
    }


def snippet_crud(prefix, model, obj, add_fields, change):
    """list, exports (when the viewset has them), add, edit, delete, history, chooser."""
    return {
        f"{prefix}.list": Action(snippet(model, "list"), lambda w: reverse(snippet(model, "list"))),
        **(export_actions(prefix, model, snippet(model, "list")) if has_export(model) else {}),
        f"{prefix}.add": Action(
            snippet(model, "add"),
            lambda w: reverse(snippet(model, "add")),
            lambda w, reader: {**reader.form(reverse(snippet(model, "add"))), **add_fields(w)},
            effect=lambda w: model.objects.count(),
        ),
        f"{prefix}.edit_a": Action(
            snippet(model, "edit"),
            lambda w: reverse(snippet(model, "edit"), args=[obj(w).pk]),
            lambda w, reader: {
                **reader.form(reverse(snippet(model, "edit"), args=[obj(w).pk])),
                **change(w),
            },
            effect=lambda w: rows_of(model, pk=obj(w).pk),
        ),
        f"{prefix}.delete_a": Action(
            snippet(model, "delete"),
            lambda w: reverse(snippet(model, "delete"), args=[obj(w).pk]),
            lambda w, reader: {},
            effect=lambda w: model.objects.count(),
        ),
        f"{prefix}.history_a": Action(
            snippet(model, "history"),
            lambda w: reverse(snippet(model, "history"), args=[obj(w).pk]),
        ),
        f"{prefix}.choose": Action(chooser(model), lambda w: reverse(chooser(model))),
    }


def scoped_actions(prefix, model, obj, add_fields, change, views):
    """Rows that belong to a network: each view for network A's row and for network B's."""
    actions = {}
    for side in ("a", "b"):

        def target(w, side=side):
            return obj(w, side)

        for view in views:
            url_name = snippet(model, view)

            def url(w, url_name=url_name, target=target):
                return reverse(url_name, args=[target(w).pk])

            action = Action(url_name, url)
            if view == "edit":
                action.post = lambda w, reader, url=url, target=target: {
                    **reader.form(url(w)),
                    **change(w),
                }
                action.effect = lambda w, target=target: rows_of(model, pk=target(w).pk)
            elif view == "delete":
                action.post = lambda w, reader: {}
                action.effect = lambda w: model.objects.count()
            actions[f"{prefix}.{view}_{side}"] = action

        def add_data(w, reader, side=side):
            return {**reader.form(reverse(snippet(model, "add"))), **add_fields(w, side)}

        actions[f"{prefix}.add_{side}"] = Action(
            snippet(model, "add"),
            lambda w: reverse(snippet(model, "add")),
            add_data,
            effect=lambda w: model.objects.count(),
        )
    actions[f"{prefix}.list"] = Action(
        snippet(model, "list"), lambda w: reverse(snippet(model, "list"))
    )
    actions[f"{prefix}.choose"] = Action(
        chooser(model),
        lambda w: reverse(chooser(model)),
        prepare=lambda w: (obj(w, "a"), obj(w, "b")),
        check=only_own_network_listed,
    )
    if has_export(model):
        actions |= export_actions(prefix, model, snippet(model, "list"))
    return actions


def only_own_network_listed(response, role, world):
    """A chooser offers a coordinator the rows of their own network only."""
    text = response.content.decode()
    sides = {"coordinator_a": "a", "coordinator_b": "b"}
    for side, person in (("a", world.person_a), ("b", world.person_b)):
        if role in sides and sides[role] != side:
            assert person.name not in text, (role, "sees", person.name)
        else:
            assert person.name in text, (role, "misses", person.name)


def new_membership(w, side):
    network = w.network_a if side == "a" else w.network_b
    return {
        "network": str(network.pk),
        "person": str(PersonFactory(name="Nuova Persona").pk),
        "role": str(w.role.pk),
        "start_date": "01/02/2025",
    }


def new_attendance(w, side):
    membership = w.membership_a if side == "a" else w.membership_b
    meeting = w.meeting_a if side == "a" else w.meeting_b
    return {"meeting": str(meeting.pk), "membership": str(membership.pk), "status": "present"}


def attendance_sheet(side):
    def network(w):
        return w.network_a if side == "a" else w.network_b

    def meeting(w):
        w.membership_a, w.membership_b  # noqa: B018  (members in office at the meeting)
        return w.meeting_a if side == "a" else w.meeting_b

    def url(w):
        return reverse("network_attendance", args=[network(w).pk]) + f"?seduta={meeting(w).pk}"

    def data(w, reader):
        membership = w.membership_a if side == "a" else w.membership_b
        return {f"status-{membership.pk}": AttendanceStatus.EXCUSED}

    return Action(
        "network_attendance",
        url,
        data,
        effect=lambda w: rows_of(Attendance),
    )


def registry_actions():
    return {
        **snippet_crud(
            "network",
            Network,
            lambda w: w.network_a,
            lambda w: {"name": "Rete nuova", "slug": "rete-nuova", "kind": "table"},
            lambda w: {"name": "Tavolo SIA (rinominato)"},
        ),
        "network.composition_a": Action(
            "network_composition",
            lambda w: reverse("network_composition", args=[w.network_a.pk]),
        ),
        "network.composition_b": Action(
            "network_composition",
            lambda w: reverse("network_composition", args=[w.network_b.pk]),
        ),
        "network.attendance_sheet_a": attendance_sheet("a"),
        "network.attendance_sheet_b": attendance_sheet("b"),
        **scoped_actions(
            "membership",
            Membership,
            lambda w, side: w.membership_a if side == "a" else w.membership_b,
            new_membership,
            lambda w: {"appointing_act": "Decreto 7/2025"},
            ["edit", "delete", "history", "copy", "usage"],
        ),
        **snippet_crud(
            "person",
            Person,
            lambda w: w.person_a,
            lambda w: {"name": "Persona nuova"},
            lambda w: {"name": "Arianna Alfieri Rossi"},
        ),
        **snippet_crud(
            "organisation",
            Organisation,
            lambda w: w.organisation,
            lambda w: {"name": "Ente nuovo", "sector": "public", "kind": "municipality"},
            lambda w: {"name": "Comune di Crema (rinominato)"},
        ),
        **snippet_crud(
            "area",
            Area,
            lambda w: w.area,
            lambda w: {"name": "Area nuova", "kind": "municipality"},
            lambda w: {"name": "Sub-ambito Nord (rinominato)"},
        ),
        **snippet_crud(
            "role",
            Role,
            lambda w: w.role,
            lambda w: {"name": "Ruolo nuovo", "slug": "ruolo-nuovo"},
            lambda w: {"name": "Referente (rinominato)"},
        ),
        **scoped_actions(
            "attendance",
            Attendance,
            lambda w, side: w.attendance_a if side == "a" else w.attendance_b,
            new_attendance,
            lambda w: {"status": "excused"},
            ["edit", "delete", "history"],
        ),
    }


def other_actions():
    url_name = "wagtailsettings:edit"
    actions = {
        **snippet_crud(
            "callrecipient",
            CallRecipient,
            lambda w: w.recipient,
            lambda w: {"name": "Anziani"},
            lambda w: {"name": "Famiglie con minori"},
        ),
        **snippet_crud(
            "topic",
            Topic,
            lambda w: w.topic,
            lambda w: {"name": "Politiche giovanili"},
            lambda w: {"name": "Acqua pubblica"},
        ),
        "bodyidentity.edit": Action(
            url_name,
            lambda w: reverse(url_name, args=["cms", "bodyidentity", BodyIdentity.load().pk]),
            lambda w, reader: {
                **reader.form(
                    reverse(url_name, args=["cms", "bodyidentity", BodyIdentity.load().pk])
                ),
                "name": "Ufficio di Piano (rinominato)",
            },
            effect=lambda w: list(BodyIdentity.objects.values_list("name")),
        ),
        "footerlinks.edit": Action(
            url_name,
            lambda w: reverse(url_name, args=["cms", "footerlinks", FooterLinks.load().pk]),
            lambda w, reader: {
                **reader.form(
                    reverse(url_name, args=["cms", "footerlinks", FooterLinks.load().pk])
                ),
                "faq_url": "/domande-frequenti-nuove/",
            },
            effect=lambda w: list(FooterLinks.objects.values_list("faq_url")),
        ),
        "webanalytics.edit": Action(
            url_name,
            lambda w: reverse(url_name, args=["cms", "webanalytics", WebAnalytics.load().pk]),
            lambda w, reader: {
                **reader.form(
                    reverse(url_name, args=["cms", "webanalytics", WebAnalytics.load().pk])
                ),
                "matomo_url": "https://statistiche.example.org/",
                "matomo_site_id": "7",
            },
            effect=lambda w: list(WebAnalytics.objects.values_list("matomo_url", "matomo_site_id")),
        ),
        "webhookdelivery.list": Action(
            "webhook_deliveries:index", lambda w: reverse("webhook_deliveries:index")
        ),
        "webhookdelivery.inspect_a": Action(
            "webhook_deliveries:inspect",
            lambda w: reverse("webhook_deliveries:inspect", args=[w.delivery.pk]),
        ),
    }
    actions |= {
        key: value
        for key, value in export_actions(
            "webhookdelivery", WebhookDelivery, "webhook_deliveries:index"
        ).items()
        if key.endswith("csv")
    }
    return actions


def grant_actions():
    return {
        **snippet_crud(
            "grant",
            Grant,
            lambda w: w.grant,
            lambda w: {
                "beneficiary_kind": "organisation",
                "beneficiary_name": "Associazione Beta",
                "reveals_hardship": "False",
                "amount": "2000.00",
                "granted_on": "01/04/2025",
                "legal_basis": "Determina n. 2/2025",
                "office": "Ufficio di Piano",
                "official": "Responsabile",
                "selection_method": "Avviso pubblico",
            },
            lambda w: {"legal_basis": "Determina n. 3/2025"},
        ),
        "grant.unpublish_a": Action(
            snippet(Grant, "unpublish"),
            lambda w: reverse(snippet(Grant, "unpublish"), args=[w.grant.pk]),
            lambda w, reader: {},
            effect=lambda w: rows_of(Grant, live=True),
        ),
    }


def feedback_objects(w):
    """A rated page and a report with an attachment, made once per world."""
    if "feedback_objects" not in w.__dict__:
        page = w.page_of("standard")
        PageFeedback.objects.create(page=page, rating=4, comment="Chiara")
        report = InefficiencyReport.objects.create(
            category="ufficio",
            place="Crema",
            subject="Sportello chiuso",
            description="Chiuso in orario di apertura.",
            contact_email="cittadino@example.org",
            attachment=ContentFile(PDF_BYTES, name="foto.pdf"),
            attachment_name="foto.pdf",
        )
        w.__dict__["feedback_objects"] = (page, report)
    return w.__dict__["feedback_objects"]


def feedback_actions():
    def report_of(w):
        return feedback_objects(w)[1]

    def report_url(view):
        name = f"inefficiency_reports:{view}"
        return lambda w: reverse(name, args=[report_of(w).pk])

    def edit_data(w, reader):
        return {**reader.form(report_url("edit")(w)), "status": "chiusa"}

    ratings = "page_feedback:report"
    return {
        "pagefeedback.report": Action(ratings, lambda w: feedback_objects(w) and reverse(ratings)),
        "pagefeedback.report_csv": Action(
            ratings,
            lambda w: feedback_objects(w) and reverse(ratings) + "?export=csv",
            export="csv",
        ),
        "pagefeedback.page_report": Action(
            "page_feedback:page_report",
            lambda w: reverse("page_feedback:page_report", args=[feedback_objects(w)[0].pk]),
        ),
        "pagefeedback.list": Action(
            "page_feedback:index", lambda w: feedback_objects(w) and reverse("page_feedback:index")
        ),
        **export_actions("pagefeedback", PageFeedback, "page_feedback:index"),
        "inefficiencyreport.list": Action(
            "inefficiency_reports:index",
            lambda w: report_of(w) and reverse("inefficiency_reports:index"),
        ),
        **export_actions("inefficiencyreport", InefficiencyReport, "inefficiency_reports:index"),
        "inefficiencyreport.edit_a": Action(
            "inefficiency_reports:edit",
            report_url("edit"),
            edit_data,
            effect=lambda w: rows_of(InefficiencyReport, pk=report_of(w).pk),
        ),
        "inefficiencyreport.delete_a": Action(
            "inefficiency_reports:delete",
            report_url("delete"),
            lambda w, reader: {},
            effect=lambda w: InefficiencyReport.objects.count(),
        ),
        "inefficiencyreport.history_a": Action(
            "inefficiency_reports:history", report_url("history")
        ),
        "inefficiencyreport.inspect_a": Action(
            "inefficiency_reports:inspect", report_url("inspect")
        ),
        "inefficiencyreport.download_a": Action(
            "inefficiency_reports:download", report_url("download")
        ),
    }


def privacy_actions():
    """The report of confirmed personal data: one confirmation of a standard page."""

    def confirmation(w):
        if "confirmation" not in w.__dict__:
            from privacy import guard

            page = w.page_of("standard")
            finding = guard.scan_all([("sommario", "C.F. RSSMRA80A01H501U")])
            w.__dict__["confirmation"] = guard.confirm(page, finding, None, "Obbligo di legge")
        return w.__dict__["confirmation"]

    def url(view):
        return lambda w: reverse(f"privacy_confirmation:{view}", args=[confirmation(w).pk])

    def edit_data(w, reader):
        return {**reader.form(url("edit")(w)), "review_note": "Rivisto"}

    return {
        "confirmation.list": Action(
            "privacy_confirmation:index",
            lambda w: confirmation(w) and reverse("privacy_confirmation:index"),
        ),
        **export_actions("confirmation", Confirmation, "privacy_confirmation:index"),
        "confirmation.edit_a": Action(
            "privacy_confirmation:edit",
            url("edit"),
            edit_data,
            effect=lambda w: rows_of(Confirmation, pk=confirmation(w).pk),
        ),
        "confirmation.delete_a": Action(
            "privacy_confirmation:delete",
            url("delete"),
            lambda w, reader: {},
            effect=lambda w: Confirmation.objects.count(),
        ),
        "confirmation.history_a": Action("privacy_confirmation:history", url("history")),
    }


ACTIONS = {
    **page_actions(),
    **registry_actions(),
    **other_actions(),
    **grant_actions(),
    **feedback_actions(),
    **privacy_actions(),
}


# --------------------------------------------------------------------------------- requests


class FormParser(HTMLParser):
    """The fields a browser would send with each form of a page."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = {"action": attrs.get("action") or "", "method": attrs.get("method", "")}
            self.form["fields"] = []
            self.forms.append(self.form)
        elif self.form is None or "name" not in attrs and tag != "option":
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.form["fields"].append(
                (attrs["name"], attrs.get("value", "on" if kind in ("checkbox", "radio") else ""))
            )
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
            self.form["fields"].append(self.textarea)
        elif tag == "select":
            self.select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.select["options"].append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = [value for value, selected in self.select["options"] if selected]
            if not chosen and not self.select["multiple"] and self.select["options"]:
                chosen = [self.select["options"][0][0]]
            self.form["fields"].extend((self.select["name"], value) for value in chosen)
            self.select = None
        elif tag == "form":
            self.form = None


class FormReader:
    """Reads a form as a superuser sees it, to send it as another role."""

    def __init__(self, client):
        self.client = client

    def form(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        parser = FormParser()
        parser.feed(response.content.decode())
        path = urlsplit(url).path
        forms = [
            form
            for form in parser.forms
            if form["method"].lower() == "post" and urlsplit(form["action"]).path in ("", path)
        ]
        assert forms, f"no form posting to {url}"
        data = {}
        for name, value in max(forms, key=lambda form: len(form["fields"]))["fields"]:
            data.setdefault(name, []).append(value)
        return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


@pytest.fixture
def users(editor, moderator):
    world = World()
    User = get_user_model()
    users = {"anonymous": None, "editor": editor, "moderator": moderator}
    for name, network in (("coordinator_a", "network_a"), ("coordinator_b", "network_b")):
        user = User.objects.create_user(name, f"{name}@example.org", "pw-coord-123")
        user.groups.add(getattr(world, network).coordinators)
        users[name] = user
    registry = User.objects.create_user("registro", "reg@example.org", "pw-reg-123")
    registry.groups.add(Group.objects.get(name="Registro delle reti"))
    users["registry"] = registry
    return world, users


def database():
    """Everything a refused request must leave as it was."""
    return {
        model.__name__: rows_of(model)
        for model in (
            Page,
            Revision,
            Network,
            CompositionRule,
            Membership,
            Attendance,
            Person,
            Organisation,
            Area,
            Role,
            CallRecipient,
            BodyIdentity,
            FooterLinks,
            WebAnalytics,
            WebhookDelivery,
            Topic,
            Grant,
            PageFeedback,
            InefficiencyReport,
            Confirmation,
        )
    }


def assert_refused(response, role, where):
    assert response.status_code == 302, (where, response.status_code)
    if role == "anonymous":
        assert response.url.startswith(reverse("wagtailadmin_login")), (where, response.url)
    else:
        assert response.url == reverse("wagtailadmin_home"), (where, response.url)


def exported_text(response, kind):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if kind == "csv":
        return "\n".join(",".join(row) for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    workbook = load_workbook(io.BytesIO(body), read_only=True)
    return "\n".join(
        ",".join("" if cell is None else str(cell) for cell in row)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


def check_export(response, kind, action_name, role, world):
    assert response.status_code == 200, (action_name, response.status_code)
    text = exported_text(response, kind)
    for value in PRIVATE.values():
        assert value not in text, (action_name, role, "private data in the export")
    if action_name.startswith(("person.", "membership.")):
        # The export is not empty, and a coordinator's holds only their own network.
        visible = {
            "coordinator_a": ["a"],
            "coordinator_b": ["b"],
            "registry": ["a", "b"],
        }[role]
        for side, person in (("a", world.person_a), ("b", world.person_b)):
            if side in visible or action_name.startswith("person."):
                assert person.name in text, (action_name, role, person.name)
            else:
                assert person.name not in text, (action_name, role, person.name)


def cases():
    return [pytest.param(name, role, id=f"{role}-{name}") for name in ACTIONS for role in ROLES]


@pytest.mark.parametrize("action_name, role", cases())
def test_each_role_gets_exactly_its_rights_in_the_admin(
    client, admin_client, users, action_name, role
):
    world, users = users
    action = ACTIONS[action_name]
    expected = MATRIX[action_name][ROLES.index(role)]
    if action.export:
        world.person_a, world.person_b, world.membership_a, world.membership_b  # noqa: B018
    if action.prepare:
        action.prepare(world)
    if action.url is not None:
        url = action.url(world)
    data = action.post(world, FormReader(admin_client)) if action.post else None
    if users[role] is not None:
        client.force_login(users[role])

    before, effect = database(), action.effect(world) if action.effect else None
    kept = action.kept(world) if action.kept else before

    response = client.get(url) if action.url else None
    if response is not None:
        if expected == N:
            assert_refused(response, role, f"GET {url}")
        elif action.export:
            check_export(response, action.export, action_name, role, world)
        else:
            assert response.status_code == 200, (f"GET {url}", response.status_code)
            if action.check:
                action.check(response, role, world)
    if data is None:
        assert database() == before, "a GET changed the database"
        return

    response = client.post(action.post_url(world) if action.post_url else url, data)

    if expected == N:
        assert_refused(response, role, f"POST {url}")
        assert database() == before, "a refused POST changed the database"
    elif expected == F:
        assert response.status_code in (200, 302), response.status_code
        assert (action.kept(world) if action.kept else database()) == kept, "refused, yet changed"
    else:
        assert response.status_code == 302, (
            f"POST {url}",
            response.status_code,
            form_errors(response),
        )
        assert action.effect(world) != effect, f"POST {url} changed nothing"


def form_errors(response):
    context = getattr(response, "context", None)
    if not context:
        return None
    form = context.get("form")
    return getattr(form, "errors", None)


# --------------------------------------------------------------------------------- coverage


PROJECT_APPS = {
    "cms",
    "network",
    "search",
    "feeds",
    "imports",
    "transparency",
    "feedback",
    "topics",
    "privacy",
}


def viewset_url_names():
    """Every view of the admin viewsets registered for the project's models (snippets and
    their choosers, model viewsets) and of its settings."""
    from wagtail.admin.viewsets import viewsets
    from wagtail.contrib.settings.registry import registry as settings_registry

    reverse("wagtailadmin_home")  # the admin's URLs (and so its viewsets) are loaded
    names = set()
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if getattr(model, "_meta", None) is None or model._meta.app_label not in PROJECT_APPS:
            continue
        names |= {
            f"{viewset.url_namespace}:{pattern.name}" for pattern in viewset.get_urlpatterns()
        }
    if any(model._meta.app_label in PROJECT_APPS for model in settings_registry):
        names.add("wagtailsettings:edit")
    return names


def test_every_admin_screen_has_rows():
    covered = {action.url_name for action in ACTIONS.values()}
    names = viewset_url_names()
    missing = {
        name for name in names if name not in covered and name.split(":")[1] not in NOT_IN_MATRIX
    }

    assert "wagtailsnippets_network_membership:edit" in names
    assert not missing, f"admin views without rows in MATRIX: {sorted(missing)}"
    assert set(MATRIX) == set(ACTIONS)
    assert all(len(row) == len(ROLES) for row in MATRIX.values())
    creatable = {model for model in get_page_models() if model.is_creatable}
    assert creatable - SECTION_PAGES == set(PAGE_MODELS.values())
