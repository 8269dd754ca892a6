"""Dates in an impossible order are refused: by the pure check, by the model and in the admin."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.call_state import date_order_errors
from cms.models import CallPage, MinutesPage, PlanPage
from tests.factories import NetworkFactory

ROME = ZoneInfo("Europe/Rome")
# An unsaved page has no place in the tree yet; only its own fields are under test here.
TREE_FIELDS = ["path", "depth"]


def rome(*args):
    return datetime(*args, tzinfo=ROME)


def test_consistent_dates_have_no_errors():
    assert (
        date_order_errors(
            opening=rome(2026, 3, 1, 9),
            questions_deadline=rome(2026, 3, 20, 12),
            application_deadline=rome(2026, 3, 31),
            closing_date=date(2026, 6, 30),
            awarded_on=date(2026, 6, 1),
        )
        == {}
    )


def test_missing_dates_have_no_errors():
    assert date_order_errors() == {}


def test_a_deadline_before_the_opening_is_an_error_on_the_deadline():
    errors = date_order_errors(opening=rome(2026, 3, 31, 10), application_deadline=rome(2026, 3, 1))
    assert set(errors) == {"application_deadline"}


def test_a_deadline_equal_to_the_opening_is_an_error_on_the_deadline():
    instant = rome(2026, 3, 31, 10)
    assert set(date_order_errors(opening=instant, application_deadline=instant)) == {
        "application_deadline"
    }


def test_a_questions_deadline_before_the_opening_is_an_error_on_it():
    errors = date_order_errors(opening=rome(2026, 3, 10), questions_deadline=rome(2026, 3, 1))
    assert set(errors) == {"questions_deadline"}


def test_a_questions_deadline_after_the_application_deadline_is_an_error_on_it():
    errors = date_order_errors(
        questions_deadline=rome(2026, 4, 2), application_deadline=rome(2026, 3, 31)
    )
    assert set(errors) == {"questions_deadline"}


def test_a_closing_day_before_the_deadline_is_an_error_on_the_closing_date():
    errors = date_order_errors(
        application_deadline=rome(2026, 3, 31, 10), closing_date=date(2026, 3, 30)
    )
    assert set(errors) == {"closing_date"}


def test_a_closing_day_ending_exactly_at_a_midnight_deadline_is_an_error():
    errors = date_order_errors(
        application_deadline=rome(2026, 3, 31), closing_date=date(2026, 3, 30)
    )
    assert set(errors) == {"closing_date"}


def test_a_closing_day_equal_to_the_deadline_day_is_allowed():
    errors = date_order_errors(
        application_deadline=rome(2026, 3, 31, 10), closing_date=date(2026, 3, 31)
    )
    assert errors == {}


def test_a_closing_day_before_the_opening_is_an_error_on_the_closing_date():
    errors = date_order_errors(opening=rome(2026, 3, 10), closing_date=date(2026, 3, 9))
    assert set(errors) == {"closing_date"}


def test_an_award_before_the_opening_is_an_error_on_the_award_date():
    errors = date_order_errors(opening=rome(2026, 3, 10), awarded_on=date(2026, 3, 9))
    assert set(errors) == {"awarded_on"}


def test_an_award_on_the_opening_day_is_allowed():
    assert date_order_errors(opening=rome(2026, 3, 10, 9), awarded_on=date(2026, 3, 10)) == {}


@pytest.mark.django_db
def test_a_call_page_with_its_deadline_before_its_opening_fails_full_clean():
    page = CallPage(
        title="Bando",
        slug="bando",
        issuer="Comune di Crema",
        opening=rome(2026, 3, 31, 10),
        application_deadline=rome(2026, 3, 1, 10),
    )

    with pytest.raises(ValidationError) as excinfo:
        page.full_clean(exclude=TREE_FIELDS)

    assert excinfo.value.message_dict == {
        "application_deadline": ["La scadenza deve essere successiva all'apertura."]
    }


@pytest.mark.django_db
def test_a_plan_page_ending_before_it_starts_fails_full_clean():
    page = PlanPage(title="Piano", slug="piano", kind="po", start_year=2020, end_year=2019)

    with pytest.raises(ValidationError) as excinfo:
        page.full_clean(exclude=TREE_FIELDS)

    assert excinfo.value.message_dict == {
        "end_year": ["L'anno di fine non può precedere l'anno di inizio."]
    }


@pytest.mark.django_db
def test_minutes_whose_next_meeting_precedes_the_meeting_fail_full_clean():
    page = MinutesPage(
        title="Verbale",
        slug="verbale",
        meeting_body=NetworkFactory(),
        meeting_date=date(2017, 3, 1),
        next_meeting_date=date(2017, 2, 15),
    )

    with pytest.raises(ValidationError) as excinfo:
        page.full_clean(exclude=TREE_FIELDS)

    assert set(excinfo.value.message_dict) == {"next_meeting_date"}


# --- the admin ---------------------------------------------------------------------------------


def empty(*names):
    return {name: inline_formset([]) for name in names}


def call_form(**dates):
    return nested_form_data(
        {
            "title": "Bando con date sbagliate",
            "slug": "bando-date-sbagliate",
            "intro": "",
            "issuer": "Comune di Crema",
            "call_type": "grants",
            "cig": "",
            "amount": "",
            "opening": "",
            "questions_deadline": "",
            "application_deadline": "",
            "closing_date": "",
            "awarded_on": "",
            "cancelled_on": "",
            "body": rich_text("<p>Testo</p>"),
            "outcome": rich_text(""),
            "tags": "",
            **empty("attachments", "outcome_attachments", "comments", "page_topics"),
            **dates,
        }
    )


def plan_form(**years):
    return nested_form_data(
        {
            "title": "Piano sbagliato",
            "slug": "piano-sbagliato",
            "intro": "",
            "kind": "po",
            "start_year": "2020",
            "end_year": "2020",
            "status": "draft",
            "body": rich_text("<p>Testo</p>"),
            "tags": "",
            **empty("objectives", "approval_steps", "attachments", "comments", "page_topics"),
            **years,
        }
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.django_db
def test_the_admin_creates_a_call_with_dates_in_order(admin_client, call_index):
    response = admin_client.post(
        f"/admin/pages/add/cms/callpage/{call_index.pk}/",
        call_form(opening="2026-03-01 10:00", application_deadline="2026-03-31 10:00"),
    )

    assert response.status_code == 302
    assert CallPage.objects.filter(slug="bando-date-sbagliate").exists()


@pytest.mark.django_db
def test_the_admin_reads_dates_as_rome_time(admin_client, call_index):
    admin_client.post(
        f"/admin/pages/add/cms/callpage/{call_index.pk}/",
        call_form(opening="2026-03-01 09:00", application_deadline="2026-03-31 00:00"),
    )

    call = CallPage.objects.get(slug="bando-date-sbagliate")
    assert call.application_deadline == rome(2026, 3, 31, 0, 0)
    assert call.opening == rome(2026, 3, 1, 9, 0)


@pytest.mark.django_db
def test_the_admin_refuses_a_call_whose_deadline_precedes_its_opening(admin_client, call_index):
    response = admin_client.post(
        f"/admin/pages/add/cms/callpage/{call_index.pk}/",
        call_form(opening="2026-03-31 10:00", application_deadline="2026-03-01 10:00"),
    )

    assert response.status_code == 200
    assert "La scadenza deve essere successiva all&#x27;apertura." in response.content.decode()
    assert not CallPage.objects.exists()


@pytest.mark.django_db
def test_the_admin_creates_a_plan_with_years_in_order(admin_client, plan_index):
    response = admin_client.post(
        f"/admin/pages/add/cms/planpage/{plan_index.pk}/",
        plan_form(start_year="2020", end_year="2022"),
    )

    assert response.status_code == 302
    assert PlanPage.objects.filter(slug="piano-sbagliato").exists()


@pytest.mark.django_db
def test_the_admin_refuses_a_plan_ending_before_it_starts(admin_client, plan_index):
    response = admin_client.post(
        f"/admin/pages/add/cms/planpage/{plan_index.pk}/",
        plan_form(start_year="2020", end_year="2019"),
    )

    assert response.status_code == 200
    assert "L&#x27;anno di fine non può precedere l&#x27;anno di inizio." in (
        response.content.decode()
    )
    assert not PlanPage.objects.exists()
