"""Scheduled publishing runs through the tasks framework: scheduler -> task -> publish_scheduled."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.models import HomePage, StandardPage


def scheduled_page(go_live_at):
    home = HomePage.objects.get()
    page = StandardPage(title="Avviso programmato", slug="avviso-programmato", live=False)
    home.add_child(instance=page)
    page.go_live_at = go_live_at
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_publishing_with_a_future_date_leaves_the_page_unpublished():
    page = scheduled_page(timezone.now() + timedelta(hours=1))

    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None


@pytest.mark.django_db
def test_one_scheduler_round_publishes_a_page_whose_time_has_come():
    page = scheduled_page(timezone.now() + timedelta(hours=1))
    # Time passes: move the approved go-live instant into the past, in the row and its content.
    past = timezone.now() - timedelta(minutes=1)
    revision = page.scheduled_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()

    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_a_scheduler_round_leaves_pages_scheduled_for_later_alone():
    page = scheduled_page(timezone.now() + timedelta(hours=1))

    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert not page.live
