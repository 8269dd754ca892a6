"""Grants leave the site at the end of their legal publication period (art. 8, c. 3,
D.Lgs. 33/2013: five years from 1 January of the year after the act): the expiry defaults to
that moment, Wagtail's scheduled unpublishing (run by our scheduler) withdraws the grant, and
the admin lists it as expired for review."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.test_transparency import GRANTS, make_grant
from transparency.models import Grant
from transparency.rules import legal_publication_end

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


@pytest.fixture(autouse=True)
def no_response_cache(settings):
    settings.PAGE_RESPONSE_CACHE = False
    settings.API_RESPONSE_CACHE = False


def test_the_legal_period_ends_on_1_january_five_years_after_the_year_following_the_act():
    assert legal_publication_end(date(2025, 3, 1), 5) == datetime(2031, 1, 1, tzinfo=ROME)
    assert legal_publication_end(date(2025, 12, 31), 5) == datetime(2031, 1, 1, tzinfo=ROME)
    assert legal_publication_end(date(2025, 3, 1), 3) == datetime(2029, 1, 1, tzinfo=ROME)


def test_a_grant_without_an_expiry_gets_the_legal_one(settings):
    grant = make_grant(granted_on=date(2025, 3, 1))
    assert grant.expire_at == datetime(2031, 1, 1, tzinfo=ROME)

    settings.PRIVACY_PUBLICATION_YEARS = 3
    shorter = make_grant(beneficiary_name="Associazione Bice", granted_on=date(2025, 3, 1))
    assert shorter.expire_at == datetime(2029, 1, 1, tzinfo=ROME)


def test_an_expiry_chosen_by_the_editor_is_kept():
    chosen = timezone.now() + timedelta(days=400)
    grant = make_grant(expire_at=chosen)
    grant.refresh_from_db()
    assert grant.expire_at == chosen


def test_the_scheduled_job_withdraws_an_expired_grant_and_keeps_the_others(client):
    make_grant(beneficiary_name="Associazione Ancora Valida", granted_on=date(2025, 3, 1))
    old = make_grant(beneficiary_name="Cooperativa Scaduta", granted_on=date(2025, 3, 1))
    Grant.objects.filter(pk=old.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert "Cooperativa Scaduta" in client.get(GRANTS).content.decode()

    call_command("publish_scheduled")

    old.refresh_from_db()
    assert not old.live and old.expired
    assert ModelLogEntry.objects.filter(
        object_id=str(old.pk), action="wagtail.unpublish.scheduled"
    ).exists()
    text = client.get(GRANTS).content.decode()
    assert "Cooperativa Scaduta" not in text
    assert "Associazione Ancora Valida" in text


def test_expired_grants_are_listed_for_review_in_the_admin(admin_client):
    make_grant(beneficiary_name="Associazione Ancora Valida")
    old = make_grant(beneficiary_name="Cooperativa Scaduta")
    Grant.objects.filter(pk=old.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")

    listing = reverse("wagtailsnippets_transparency_grant:list")
    text = admin_client.get(listing, {"expired": "true"}).content.decode()
    assert "Cooperativa Scaduta" in text
    assert "Associazione Ancora Valida" not in text


def test_the_demo_grants_are_within_their_period(client):
    call_command("load_demo", verbosity=0)
    grants = Grant.objects.filter(live=True)
    assert grants.count() == 3
    assert all(grant.expire_at > timezone.now() for grant in grants)
    call_command("publish_scheduled")
    assert Grant.objects.filter(live=True).count() == 3
