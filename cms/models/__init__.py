from .base import AttachmentBase, BasePage, PageAttachment, PageTag
from .calls import CallOutcomeAttachment, CallPage, CallRecipient, CallType
from .home import HomePage
from .listing import CallIndexPage, MinutesIndexPage, NewsIndexPage, PlanIndexPage
from .menus import EventsPage, MenuSectionLink, MenuSectionPage, ModelEntry, PlacesPage
from .minutes import AgendaItem, AgendaOutcome, MinutesPage
from .news import NewsPage, StandardPage
from .plans import PlanApprovalStep, PlanKind, PlanObjective, PlanPage, PlanStatus
from .services import ServiceCategory, ServiceIndexPage, ServicePage, ServiceStatus
from .settings import BodyIdentity, FooterLinks, WebAnalytics
from .webhooks import WebhookDelivery

__all__ = [
    "ServiceCategory",
    "PlacesPage",
    "ModelEntry",
    "MenuSectionPage",
    "MenuSectionLink",
    "EventsPage",
    "AgendaItem",
    "AgendaOutcome",
    "AttachmentBase",
    "BasePage",
    "BodyIdentity",
    "CallIndexPage",
    "CallOutcomeAttachment",
    "CallPage",
    "CallRecipient",
    "CallType",
    "FooterLinks",
    "HomePage",
    "MinutesIndexPage",
    "MinutesPage",
    "NewsIndexPage",
    "NewsPage",
    "PageAttachment",
    "PageTag",
    "PlanApprovalStep",
    "PlanIndexPage",
    "PlanKind",
    "PlanObjective",
    "PlanPage",
    "PlanStatus",
    "ServiceIndexPage",
    "ServicePage",
    "ServiceStatus",
    "StandardPage",
    "WebAnalytics",
    "WebhookDelivery",
]
