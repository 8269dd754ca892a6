"""Wagtail's autosave is off by default (cms/settings/base.py, ADMIN_AUTOSAVE_MS): a background
save crossing the submission of an add form would create the object twice."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.registry_factories import MembershipFactory

pytestmark = pytest.mark.django_db

AUTOSAVE = "data-w-autosave-interval-value"


def forms(minutes_index, membership):
    return [
        f"/admin/pages/add/cms/minutespage/{minutes_index.pk}/",
        f"/admin/pages/{minutes_index.pk}/edit/",
        reverse("wagtailsnippets_network_membership:add"),
        reverse("wagtailsnippets_network_membership:edit", args=[membership.pk]),
    ]


def test_no_admin_form_saves_in_the_background(admin_client, minutes_index):
    assert settings.WAGTAIL_AUTOSAVE_INTERVAL == 0
    for url in forms(minutes_index, MembershipFactory()):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert AUTOSAVE not in response.content.decode(), url


@override_settings(WAGTAIL_AUTOSAVE_INTERVAL=500)
def test_the_interval_turns_it_on(admin_client, minutes_index):
    # The check above can fail: with an interval the same forms carry Wagtail's autosave.
    for url in forms(minutes_index, MembershipFactory()):
        assert f'{AUTOSAVE}="500"' in admin_client.get(url).content.decode(), url
