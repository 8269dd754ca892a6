"""`manage.py load_demo` fills a small demo district, says it is a demo, and is idempotent."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission, Page, Workflow

from cms.models import (
    AgendaItem,
    BodyIdentity,
    CallIndexPage,
    CallPage,
    CallRecipient,
    HomePage,
    MinutesIndexPage,
    MinutesPage,
    NewsIndexPage,
    NewsPage,
    PageAttachment,
    PlanIndexPage,
    PlanKind,
    PlanObjective,
    PlanPage,
    StandardPage,
)
from network.models import Network

COUNTED = [
    Page,
    HomePage,
    PlanIndexPage,
    MinutesIndexPage,
    CallIndexPage,
    NewsIndexPage,
    PlanPage,
    MinutesPage,
    CallPage,
    NewsPage,
    StandardPage,
    get_document_model(),
    Network,
    get_user_model(),
    PageAttachment,
    AgendaItem,
    PlanObjective,
    CallRecipient,
    Tag,
    Workflow,
    GroupPagePermission,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


class TestTheDemo(TestCase):
    """The demo is loaded once for the class; each test runs in a rolled-back savepoint."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", verbosity=0)

    def test_loading_the_demo_twice_creates_nothing_new(self):
        first = counts()
        call_command("load_demo", verbosity=0)
        assert counts() == first

    def test_the_demo_creates_something_of_every_counted_kind(self):
        assert all(count > 0 for count in counts().values()), counts()

    def test_the_demo_keeps_a_single_home_page_at_the_root_of_the_site(self):
        home = HomePage.objects.get()
        assert home.get_site().root_page_id == home.pk

    def test_the_demo_has_at_least_two_plans(self):
        assert PlanPage.objects.live().count() >= 2

    def test_the_demo_has_an_operational_plan_with_ten_objectives_numbered_in_order(self):
        numbered = [
            list(plan.objectives.values_list("number", flat=True))
            for plan in PlanPage.objects.filter(kind=PlanKind.PIANO_OPERATIVO)
        ]
        assert list(range(1, 11)) in numbered

    def test_the_demo_has_at_least_four_minutes(self):
        assert MinutesPage.objects.live().count() >= 4

    def test_the_demo_minutes_have_agenda_items_and_a_next_meeting(self):
        for minutes in MinutesPage.objects.live():
            assert minutes.agenda_items.exists(), minutes.title
            assert minutes.next_meeting_date, minutes.title

    def test_the_demo_has_at_least_three_calls_in_three_distinct_states(self):
        calls = CallPage.objects.live()
        now = timezone.now()
        assert calls.count() >= 3
        assert len({call.state_at(now) for call in calls}) >= 3

    def test_the_demo_calls_have_valid_dates(self):
        for call in CallPage.objects.all():
            call.full_clean()

    def test_the_demo_has_news(self):
        assert NewsPage.objects.live().exists()

    def test_the_demo_attachments_download_as_pdf(self):
        attachment = PageAttachment.objects.select_related("document").first()

        response = self.client.get(attachment.document.url)

        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    def test_the_demo_marks_the_site_as_a_demo(self):
        assert BodyIdentity.load().is_demo

    def test_every_demo_page_renders_and_says_it_is_a_demo(self):
        for page in Page.objects.live().specific().filter(depth__gte=2):
            response = self.client.get(page.url)
            assert response.status_code == 200, page.url
            assert "Sito dimostrativo" in response.content.decode(), page.url

    def test_the_demo_users_sit_in_the_editorial_groups(self):
        users = get_user_model().objects
        assert users.get(username="admin").is_superuser
        assert list(users.get(username="redattore").groups.values_list("name", flat=True)) == [
            "Redazione"
        ]
        assert list(users.get(username="moderatore").groups.values_list("name", flat=True)) == [
            "Moderatori"
        ]

    def test_the_demo_is_searchable_by_acronym(self):
        response = self.client.get("/search/", {"q": "ISEE"})

        assert response.status_code == 200
        assert response.context["results"].paginator.count > 0
