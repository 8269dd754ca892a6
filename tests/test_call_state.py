"""The state of a call: pure rules at exact instants, and the database filter agreeing with them."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.call_state import (
    AWARDED,
    CANCELLED,
    CLOSED,
    IN_EVALUATION,
    OPEN,
    SCHEDULED,
    STATE_LABELS,
    CallDates,
    call_state,
    end_of_day,
    start_of_day,
    state_q,
)
from cms.models import CallPage
from tests.factories import CallPageFactory

ROME = ZoneInfo("Europe/Rome")
NEW_YORK = ZoneInfo("America/New_York")
ONE_SECOND = timedelta(seconds=1)

OPENING = datetime(2026, 3, 1, 9, 0, tzinfo=ROME)
DEADLINE = datetime(2026, 3, 31, 0, 0, tzinfo=ROME)
FULL = CallDates(opening=OPENING, application_deadline=DEADLINE, closing_date=date(2026, 6, 30))


def rome(*args):
    return datetime(*args, tzinfo=ROME)


def test_a_call_before_its_opening_is_scheduled():
    assert call_state(FULL, OPENING - ONE_SECOND) == SCHEDULED


def test_a_call_is_open_from_the_exact_opening_instant():
    assert call_state(FULL, OPENING) == OPEN


def test_a_call_is_open_one_second_before_a_midnight_deadline_in_rome():
    assert call_state(FULL, rome(2026, 3, 30, 23, 59, 59)) == OPEN


def test_a_call_is_in_evaluation_exactly_at_a_midnight_deadline_in_rome():
    assert call_state(FULL, rome(2026, 3, 31, 0, 0)) == IN_EVALUATION


def test_a_call_is_in_evaluation_during_its_closing_day():
    assert call_state(FULL, rome(2026, 6, 30, 23, 59, 59)) == IN_EVALUATION


def test_a_call_is_closed_from_the_midnight_after_its_closing_day():
    assert call_state(FULL, rome(2026, 7, 1, 0, 0)) == CLOSED


def test_a_call_is_awarded_from_the_start_of_the_award_day():
    dates = CallDates(opening=OPENING, application_deadline=DEADLINE, awarded_on=date(2026, 5, 4))
    assert call_state(dates, rome(2026, 5, 3, 23, 59, 59)) == IN_EVALUATION
    assert call_state(dates, rome(2026, 5, 4, 0, 0)) == AWARDED


def test_a_call_is_cancelled_from_the_start_of_the_cancellation_day_even_if_awarded():
    dates = CallDates(
        opening=OPENING,
        application_deadline=DEADLINE,
        awarded_on=date(2026, 5, 4),
        cancelled_on=date(2026, 5, 10),
    )
    assert call_state(dates, rome(2026, 5, 9, 23, 59, 59)) == AWARDED
    assert call_state(dates, rome(2026, 5, 10, 0, 0)) == CANCELLED


def test_a_call_without_dates_is_open():
    assert call_state(CallDates(), datetime(2026, 1, 1, tzinfo=UTC)) == OPEN


def test_a_call_without_a_deadline_closes_after_its_closing_day():
    dates = CallDates(opening=OPENING, closing_date=date(2026, 4, 1))
    assert call_state(dates, rome(2026, 4, 1, 12, 0)) == OPEN
    assert call_state(dates, rome(2026, 4, 2, 0, 0)) == CLOSED


def test_a_call_without_a_closing_date_stays_in_evaluation_after_its_deadline():
    dates = CallDates(opening=OPENING, application_deadline=DEADLINE)
    assert call_state(dates, rome(2030, 1, 1, 0, 0)) == IN_EVALUATION


def test_every_state_has_an_italian_label():
    assert set(STATE_LABELS) == {SCHEDULED, OPEN, IN_EVALUATION, CLOSED, AWARDED, CANCELLED}


def test_a_closing_day_before_the_spring_dst_change_ends_at_23_utc():
    dates = CallDates(application_deadline=rome(2026, 3, 20, 12, 0), closing_date=date(2026, 3, 28))
    boundary = datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert call_state(dates, boundary - ONE_SECOND) == IN_EVALUATION
    assert call_state(dates, boundary) == CLOSED


def test_a_closing_day_before_the_autumn_dst_change_ends_at_22_utc():
    dates = CallDates(
        application_deadline=rome(2026, 10, 1, 12, 0), closing_date=date(2026, 10, 24)
    )
    boundary = datetime(2026, 10, 24, 22, 0, tzinfo=UTC)
    assert call_state(dates, boundary - ONE_SECOND) == IN_EVALUATION
    assert call_state(dates, boundary) == CLOSED


def test_a_naive_now_is_rejected():
    with pytest.raises(ValueError):
        call_state(FULL, datetime(2026, 3, 31, 0, 0))


@pytest.mark.parametrize(
    "instant",
    [
        datetime(2026, 3, 30, 21, 59, 59, tzinfo=UTC),
        datetime(2026, 3, 30, 22, 0, tzinfo=UTC),
        datetime(2026, 6, 30, 22, 0, tzinfo=UTC),
        datetime(2026, 2, 28, 23, 59, tzinfo=UTC),
    ],
)
def test_the_same_instant_in_utc_and_new_york_gives_the_same_state(instant):
    assert call_state(FULL, instant) == call_state(FULL, instant.astimezone(NEW_YORK))


# --- the database filter agrees with the pure rules -------------------------------------------

ALL_STATES = [SCHEDULED, OPEN, IN_EVALUATION, CLOSED, AWARDED, CANCELLED]
TRICKY_DAYS = [
    date(2026, 3, 28),
    date(2026, 3, 29),
    date(2026, 3, 30),
    date(2026, 3, 31),
    date(2026, 10, 24),
    date(2026, 10, 25),
    date(2026, 10, 26),
    date(2026, 12, 31),
    date(2027, 1, 1),
]
days = st.one_of(st.sampled_from(TRICKY_DAYS), st.dates(date(2026, 3, 20), date(2026, 11, 5)))
times = st.one_of(
    st.sampled_from([time(0, 0), time(0, 0, 1), time(23, 59, 59), time(22, 0), time(23, 0)]),
    st.times(),
)
offsets = st.sampled_from([timedelta(0), -ONE_SECOND, ONE_SECOND, timedelta(hours=-1)])


@st.composite
def instants(draw):
    """Aware instants near Rome or UTC midnights, across the DST changes of 2026."""
    zone = draw(st.sampled_from([ROME, UTC, NEW_YORK]))
    moment = datetime.combine(draw(days), draw(times), tzinfo=zone) + draw(offsets)
    return moment.astimezone(UTC)


def near(moment):
    """Instants at and one second either side of ``moment``."""
    return st.sampled_from([moment - ONE_SECOND, moment, moment + ONE_SECOND])


@st.composite
def call_dates_around(draw, now):
    """Dates of a call, often on or next to ``now`` and its Rome day, so that every branch of
    the rules (and every off-by-one-day mistake) is reached, not only the far-apart cases."""
    today = now.astimezone(ROME).date()
    close_days = st.sampled_from([today - timedelta(days=1), today, today + timedelta(days=1)])
    instant = st.one_of(instants(), near(now), near(start_of_day(today)), near(end_of_day(today)))
    day = st.one_of(close_days, days)
    rare_day = st.one_of(st.none(), st.none(), st.none(), day)
    return CallDates(
        opening=draw(st.none() | instant),
        application_deadline=draw(st.none() | instant),
        closing_date=draw(st.none() | day),
        awarded_on=draw(rare_day),
        cancelled_on=draw(rare_day),
    )


@pytest.fixture
def one_call(call_index):
    return CallPageFactory(parent=call_index)


def states_selected_in_the_database(call, dates, now):
    CallPage.objects.filter(pk=call.pk).update(
        opening=dates.opening,
        application_deadline=dates.application_deadline,
        closing_date=dates.closing_date,
        awarded_on=dates.awarded_on,
        cancelled_on=dates.cancelled_on,
    )
    calls = CallPage.objects.filter(pk=call.pk)
    return [state for state in ALL_STATES if calls.filter(state_q(state, now)).exists()]


@pytest.mark.django_db
@given(data=st.data())
@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_database_filter_puts_a_call_in_the_state_computed_in_python(one_call, data):
    now = data.draw(instants(), label="now")
    dates = data.draw(call_dates_around(now), label="dates")

    assert states_selected_in_the_database(one_call, dates, now) == [call_state(dates, now)]


SPRING_CLOSING = CallDates(
    application_deadline=datetime(2026, 3, 20, 12, 0, tzinfo=ROME), closing_date=date(2026, 3, 28)
)
AUTUMN_CLOSING = CallDates(
    application_deadline=datetime(2026, 10, 1, 12, 0, tzinfo=ROME), closing_date=date(2026, 10, 24)
)
AWARDED_AND_CANCELLED = CallDates(
    opening=OPENING,
    application_deadline=DEADLINE,
    awarded_on=date(2026, 5, 4),
    cancelled_on=date(2026, 5, 10),
)
BOUNDARIES = [
    (FULL, OPENING - ONE_SECOND, SCHEDULED),
    (FULL, OPENING, OPEN),
    (FULL, DEADLINE - ONE_SECOND, OPEN),
    (FULL, DEADLINE, IN_EVALUATION),
    (FULL, datetime(2026, 6, 30, 21, 59, 59, tzinfo=UTC), IN_EVALUATION),
    (FULL, datetime(2026, 6, 30, 22, 0, tzinfo=UTC), CLOSED),
    (SPRING_CLOSING, datetime(2026, 3, 28, 22, 59, 59, tzinfo=UTC), IN_EVALUATION),
    (SPRING_CLOSING, datetime(2026, 3, 28, 23, 0, tzinfo=UTC), CLOSED),
    (AUTUMN_CLOSING, datetime(2026, 10, 24, 21, 59, 59, tzinfo=UTC), IN_EVALUATION),
    (AUTUMN_CLOSING, datetime(2026, 10, 24, 22, 0, tzinfo=UTC), CLOSED),
    (AWARDED_AND_CANCELLED, datetime(2026, 5, 3, 21, 59, 59, tzinfo=UTC), IN_EVALUATION),
    (AWARDED_AND_CANCELLED, datetime(2026, 5, 3, 22, 0, tzinfo=UTC), AWARDED),
    (AWARDED_AND_CANCELLED, datetime(2026, 5, 9, 21, 59, 59, tzinfo=UTC), AWARDED),
    (AWARDED_AND_CANCELLED, datetime(2026, 5, 9, 22, 0, tzinfo=UTC), CANCELLED),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("dates", "now", "state"), BOUNDARIES)
def test_the_database_filter_agrees_with_python_one_second_either_side_of_each_boundary(
    one_call, dates, now, state
):
    assert call_state(dates, now) == state
    assert states_selected_in_the_database(one_call, dates, now) == [state]


def test_an_unknown_state_has_no_filter():
    with pytest.raises(ValueError):
        state_q("forgotten", datetime(2026, 1, 1, tzinfo=UTC))
