"""Builds the demo district from cms.demo.content, idempotently."""

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import time, timedelta

from .content import (
    BODY_IDENTITY,
    DEMO_NOTICE,
    FOOTER_PAGES,
    HOME_INTRO,
    NETWORKS,
    NEWS,
    PASSWORD,
    PLACE,
    PLANS,
    RECIPIENTS,
    SECTIONS,
    SIA_MINUTES,
    STANDARD_PAGES,
    UDP_MINUTES,
    USERS,
    P,
    X,
    at,
    call_documents,
    calls,
    document_titles,
    html,
    italian_date,
    minutes_summary,
    rome,
)
from .pdf import pdf_bytes
from .registry import NETWORK_INDEX, load_registry
from .services import BOOKING_PAGE, OFFICE, SERVICE_INDEX, SERVICES


def in_order(children):
    """Number inline children as the admin form would, so their order survives any database.

    modelcluster only fills ``sort_order`` when saving through a form; left empty, PostgreSQL
    returns equal keys in any order.
    """
    children = list(children)
    for position, child in enumerate(children):
        child.sort_order = position
    return children


@dataclass
class Tally:
    """Created / already present, per kind of thing, for the summary."""

    counts: dict = field(default_factory=dict)

    def note(self, kind, created):
        entry = self.counts.setdefault(kind, [0, 0])
        entry[0 if created else 1] += 1

    FEMININE = {
        "Reti",
        "Sezioni",
        "Pagine generiche",
        "Schede servizio",
        "Sezioni del menu",
        "Notizie",
        "Aree",
        "Persone",
        "Appartenenze",
        "Regole di composizione",
        "Presenze",
    }

    def lines(self):
        lines = []
        for kind, (created, present) in self.counts.items():
            ending = "e" if kind in self.FEMININE else "i"
            lines.append(f"{kind}: {created} creat{ending}, {present} già presenti")
        return lines


class DemoLoader:
    """Builds the demo district; every step is a no-op when its object already exists."""

    def __init__(self, now):
        self.now = now
        self.tally = Tally()
        self.admin = None
        self.networks = {}
        self.recipients = {}
        self.documents = {}

    def run(self):
        self.load_identity()
        self.load_users()
        self.load_networks()
        self.load_recipients()
        self.load_documents()
        home = self.home = self.load_home()
        sections = self.load_sections(home)
        self.load_network_index(home)
        self.load_standard_pages(home)
        self.load_services(home)
        self.load_footer_links(home)
        plans = self.load_plans(sections["piani"])
        self.load_minutes(sections["verbali"])
        self.load_calls(sections["bandi"])
        self.load_news(sections["notizie"], plans)
        load_registry(self.now, self.tally, self.networks)
        return self.tally

    def finish(self):
        """The steps that need every app's demo content: the main menu's sections."""
        from .menu import load_menu

        load_menu(self, self.home)
        return self.tally

    # -- non-page objects

    def load_identity(self):
        from cms.models import BodyIdentity

        identity = BodyIdentity.load()
        for name, value in BODY_IDENTITY.items():
            setattr(identity, name, value)
        identity.save()

    def load_users(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        User = get_user_model()
        for username, email, superuser, group_name in USERS:
            user = User.objects.filter(username=username).first()
            self.tally.note("Utenti", user is None)
            if user is None:
                if superuser:
                    user = User.objects.create_superuser(username, email, PASSWORD)
                else:
                    user = User.objects.create_user(username, email, PASSWORD)
            if group_name:
                group, _ = Group.objects.get_or_create(name=group_name)
                user.groups.add(group)
            if superuser:
                self.admin = user

    def load_networks(self):
        from network.models import Network

        for slug, name, kind, purpose in NETWORKS:
            network = (
                Network.objects.filter(slug=slug).first()
                or Network.objects.filter(name=name).first()
            )
            self.tally.note("Reti", network is None)
            if network is None:
                network = Network.objects.create(
                    slug=slug, name=name, kind=kind, purpose=html(purpose)
                )
            self.networks[slug] = network

    def load_recipients(self):
        from cms.models import CallRecipient

        for name in RECIPIENTS:
            recipient, created = CallRecipient.objects.get_or_create(name=name)
            self.tally.note("Destinatari dei bandi", created)
            self.recipients[name] = recipient

    def load_documents(self):
        """Every demo PDF, so the summary counts them even when their pages already exist."""
        for title in document_titles(self.now):
            self.document(title)

    def document(self, title):
        from django.core.files.base import ContentFile
        from django.utils.text import slugify
        from wagtail.documents import get_document_model

        if title in self.documents:
            return self.documents[title]
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        self.tally.note("Documenti", document is None)
        if document is None:
            document = Document(
                title=title,
                file=ContentFile(
                    pdf_bytes(title, f"{DEMO_NOTICE} - {BODY_IDENTITY['name']}"),
                    name=f"{slugify(title)[:80]}.pdf",
                ),
                uploaded_by_user=self.admin,
            )
            document._set_document_file_metadata()
            document.save()
        self.documents[title] = document
        return document

    def attachments(self, model, documents):
        return in_order(
            model(document=self.document(title), label=label) for title, label in documents
        )

    # -- pages

    def add_page(self, parent, slug, kind, build, published_at=None, tags=()):
        """Publish ``build()`` under ``parent`` as ``slug``, unless that child already exists.

        ``build`` is only called for a new page, so nothing is looked up or created for pages
        already there.
        """
        from wagtail.models import Page

        existing = parent.get_children().filter(slug=slug).first()
        self.tally.note(kind, existing is None)
        if existing is not None:
            return existing.specific
        page = build()
        page.slug = slug
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision(user=self.admin).publish(user=self.admin)
        if published_at is not None:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
        return page

    def load_home(self):
        from wagtail.models import Site

        from cms.models import HomePage

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            home = HomePage.objects.first()
        if home.intro != HOME_INTRO:
            home.intro = HOME_INTRO
            home.save_revision(user=self.admin).publish(user=self.admin)
        return home

    def load_sections(self, home):
        from cms import models

        sections = {}
        for model_name, title, slug, intro in SECTIONS:
            model = getattr(models, model_name)

            def build(model=model, title=title, intro=intro):
                return model(title=title, intro=html(intro), show_in_menus=True)

            sections[slug] = self.add_page(home, slug, "Sezioni", build, rome(2017, 1, 9, 9))
        return sections

    def load_network_index(self, home):
        from network.models import NetworkIndexPage

        def build():
            return NetworkIndexPage(
                title=NETWORK_INDEX["title"], intro=NETWORK_INDEX["intro"], show_in_menus=True
            )

        return self.add_page(home, NETWORK_INDEX["slug"], "Sezioni", build, rome(2017, 1, 9, 9))

    def load_standard_pages(self, home):
        from cms.models import StandardPage

        for data in STANDARD_PAGES:

            def build(data=data):
                return StandardPage(
                    title=data["title"],
                    intro=data["intro"],
                    body=data["body"],
                    show_in_menus=True,
                )

            self.add_page(home, data["slug"], "Pagine generiche", build, rome(2017, 1, 9, 9))

    def load_services(self, home):
        from cms.models import ServiceIndexPage, ServicePage, StandardPage
        from topics.models import PageTopic, Topic

        booking = self.add_page(
            home,
            BOOKING_PAGE["slug"],
            "Pagine generiche",
            lambda: StandardPage(
                title=BOOKING_PAGE["title"],
                intro=BOOKING_PAGE["intro"],
                body=BOOKING_PAGE["body"],
            ),
            rome(2017, 1, 9, 9),
        )

        def build_index():
            return ServiceIndexPage(
                title=SERVICE_INDEX["title"],
                intro=html(SERVICE_INDEX["intro"]),
                show_in_menus=True,
                booking_page=booking,
            )

        index = self.add_page(
            home, SERVICE_INDEX["slug"], "Sezioni", build_index, rome(2017, 1, 9, 9)
        )
        if index.booking_page_id is None and not index.booking_url:
            # A demo loaded before the booking link existed.
            index.booking_page = booking
            index.save_revision(user=self.admin).publish(user=self.admin)
        for data in SERVICES:

            def build(data=data):
                fields = {k: v for k, v in data.items() if k not in ("slug", "topics", "office")}
                page = ServicePage(**fields, **{**OFFICE, **data.get("office", {})})
                topics = Topic.objects.filter(name__in=data["topics"]).in_bulk(field_name="name")
                page.page_topics = in_order(
                    PageTopic(topic=topics[name]) for name in data["topics"] if name in topics
                )
                return page

            self.add_page(index, data["slug"], "Schede servizio", build, rome(2017, 1, 9, 9))

    def load_footer_links(self, home):
        """The footer's pages (legal notes, privacy, FAQ, site map) and the footer settings
        pointing at them, at the transparency section and at the inefficiency report form
        when those exist. A link an editor already set is left as it is."""
        from django.urls import NoReverseMatch, reverse

        from cms.models import FooterLinks, StandardPage

        links = FooterLinks.load()
        for data in FOOTER_PAGES:

            def build(data=data):
                return StandardPage(
                    title=data["title"],
                    intro=data["intro"],
                    body=data["body"],
                    standard_section=data["standard_section"],
                )

            page = self.add_page(home, data["slug"], "Pagine generiche", build, rome(2017, 1, 9, 9))
            if not getattr(links, f"{data['kind']}_page_id") and not getattr(
                links, f"{data['kind']}_url"
            ):
                setattr(links, f"{data['kind']}_page", page)
        transparency = home.get_children().filter(slug="amministrazione-trasparente").first()
        if transparency is not None and not (links.transparency_page_id or links.transparency_url):
            links.transparency_page = transparency
        if not (links.report_inefficiency_page_id or links.report_inefficiency_url):
            # Without the form installed: no link rather than a broken one.
            with suppress(NoReverseMatch):
                links.report_inefficiency_url = reverse("feedback:report_inefficiency")
        links.save()

    def load_plans(self, index):
        from cms.models import PageAttachment, PlanApprovalStep, PlanObjective, PlanPage

        plans = {}
        for data in PLANS:

            def build(data=data):
                return PlanPage(
                    title=data["title"],
                    intro=data["intro"],
                    kind=data["kind"],
                    start_year=data["start_year"],
                    end_year=data["end_year"],
                    status=data["status"],
                    body=data["body"],
                    objectives=in_order(
                        PlanObjective(
                            number=number, title=title, description=html(text), status=status
                        )
                        for number, (title, text, status) in enumerate(data["objectives"], 1)
                    ),
                    approval_steps=in_order(
                        PlanApprovalStep(body=self.networks[slug], date=day, act_reference=act)
                        for slug, day, act in data["steps"]
                    ),
                    attachments=self.attachments(PageAttachment, data["documents"]),
                    related_networks=[self.networks[slug] for slug in data["networks"]],
                )

            plans[data["slug"]] = self.add_page(
                index, data["slug"], "Piani", build, data["published_at"], data["tags"]
            )
        return plans

    def minutes_page(self, network_slug, data, meeting_time, title_prefix):
        from cms.models import AgendaItem, MinutesPage, PageAttachment

        day = data["date"]
        items = data["items"]
        decided = sum(1 for item in items if item[3] == X)
        postponed = sum(1 for item in items if item[3] == P)
        return MinutesPage(
            title=f"{title_prefix} del {italian_date(day)}",
            intro=minutes_summary(len(items), decided, postponed),
            meeting_body=self.networks[network_slug],
            meeting_date=day,
            meeting_time=meeting_time,
            place=PLACE,
            body=html("Verbale dimostrativo: i partecipanti non sono indicati per nome."),
            agenda_items=in_order(
                AgendaItem(
                    title=title,
                    discussion=html(discussion),
                    decisions=html(decisions),
                    outcome=outcome,
                )
                for title, discussion, decisions, outcome in items
            ),
            next_meeting_date=data["next"],
            next_meeting_time=meeting_time,
            next_meeting_place=PLACE,
            attachments=self.attachments(PageAttachment, data.get("documents", [])),
        )

    def load_minutes(self, index):
        meetings = [
            ("ufficio-di-piano", data, time(9, 0), "Verbale dell'Ufficio di Piano")
            for data in UDP_MINUTES
        ]
        meetings.append(("tavolo-sia", SIA_MINUTES, SIA_MINUTES["time"], "Verbale del Tavolo SIA"))
        for network_slug, data, meeting_time, title_prefix in meetings:

            def build(args=(network_slug, data, meeting_time, title_prefix)):
                return self.minutes_page(*args)

            slug = f"verbale-{network_slug}-{data['date'].isoformat()}"
            published_at = at(data["date"] + timedelta(days=2), 12)
            self.add_page(index, slug, "Verbali", build, published_at, data["tags"])

    def load_calls(self, index):
        from cms.models import CallOutcomeAttachment, CallPage, PageAttachment

        for data in calls(self.now):

            def build(data=data):
                return CallPage(
                    title=data["title"],
                    intro=data["intro"],
                    issuer=data["issuer"],
                    call_type=data["call_type"],
                    amount=data["amount"],
                    opening=data["opening"],
                    questions_deadline=data.get("questions_deadline"),
                    application_deadline=data["application_deadline"],
                    closing_date=data["closing_date"],
                    awarded_on=data.get("awarded_on"),
                    body=data["body"],
                    outcome=data.get("outcome", ""),
                    recipients=[self.recipients[name] for name in data["recipients"]],
                    related_networks=[self.networks[slug] for slug in data["networks"]],
                    attachments=self.attachments(PageAttachment, call_documents(data)),
                    outcome_attachments=self.attachments(
                        CallOutcomeAttachment, data.get("outcome_documents", [])
                    ),
                )

            self.add_page(index, data["slug"], "Bandi", build, data["published_at"], data["tags"])

    def load_news(self, index, plans):
        from cms.models import NewsPage, PageAttachment

        for data in NEWS:

            def build(data=data):
                return NewsPage(
                    title=data["title"],
                    date=data["date"],
                    intro=data["intro"],
                    body=data["body"],
                    related_plan=plans.get(data.get("plan")),
                    attachments=self.attachments(PageAttachment, data.get("documents", [])),
                )

            self.add_page(index, data["slug"], "Notizie", build, at(data["date"], 10), data["tags"])
