"""Confirmed personal data has an end: the periodic task unpublishes the page once the
expiry date has come (not before), logs it and lists it for review."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from privacy import guard
from privacy.models import Confirmation
from privacy.tasks import expire_personal_data
from tests.factories import StandardPageFactory


@pytest.fixture
def confirmed_page(home, superuser):
    page = StandardPageFactory(parent=home, intro="Chi siamo.")
    page.intro = "Incarico a Mario Rossi, C.F. RSSMRA80A01H501U."
    guard.confirm(page, guard.findings_for(page), superuser, "Art. 15 D.Lgs. 33/2013")
    page.save_revision(user=superuser).publish(user=superuser)
    page.refresh_from_db()
    assert page.live
    return page


def test_the_default_expiry_is_five_years_from_the_confirmation(confirmed_page):
    today = timezone.localdate()
    assert Confirmation.objects.get().expires_at == today.replace(year=today.year + 5)


def test_a_confirmation_in_force_is_not_touched_by_the_task(confirmed_page):
    expire_personal_data.call()

    confirmed_page.refresh_from_db()
    assert confirmed_page.live
    assert Confirmation.objects.get().status == Confirmation.Status.ACTIVE


def test_an_expired_publication_is_unpublished_logged_and_listed_for_review(
    confirmed_page, client, moderator
):
    Confirmation.objects.update(expires_at=timezone.localdate() - timedelta(days=1))

    expire_personal_data.call()

    confirmed_page.refresh_from_db()
    assert not confirmed_page.live
    confirmation = Confirmation.objects.get()
    assert confirmation.status == Confirmation.Status.EXPIRED
    assert confirmation.expired_at is not None
    assert PageLogEntry.objects.filter(page=confirmed_page, action=guard.EXPIRE_ACTION).exists()
    client.force_login(moderator)
    listing = client.get(reverse("privacy_confirmation:index") + "?status=expired")
    assert confirmed_page.title in listing.content.decode()


def test_an_expired_confirmation_no_longer_covers_republishing(confirmed_page, superuser):
    Confirmation.objects.update(expires_at=timezone.localdate() - timedelta(days=1))
    expire_personal_data.call()

    with pytest.raises(guard.UnconfirmedPersonalData):
        confirmed_page.save_revision(user=superuser).publish(user=superuser)


def test_a_page_cleaned_before_expiry_stays_published(confirmed_page, superuser):
    confirmed_page.intro = "Incarico conferito (dati rimossi)."
    confirmed_page.save_revision(user=superuser).publish(user=superuser)
    Confirmation.objects.update(expires_at=timezone.localdate())

    expire_personal_data.call()

    confirmed_page.refresh_from_db()
    assert confirmed_page.live
    assert Confirmation.objects.get().status == Confirmation.Status.EXPIRED


def test_the_scheduler_enqueues_the_expiry_task(confirmed_page):
    Confirmation.objects.update(expires_at=timezone.localdate())

    call_command("run_scheduler", "--once")

    confirmed_page.refresh_from_db()
    assert not confirmed_page.live
