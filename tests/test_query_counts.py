"""Pages run a fixed number of SQL queries, however many items they show.

Each test renders the same kind of page with few and with many items (agenda items, approval
steps, objectives, listed children) and compares the query counts: a difference is an N+1
query somewhere in the view or template.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import AgendaItem, AgendaOutcome, CallOutcomeAttachment, PlanApprovalStep
from network.models import AttendanceStatus
from tests.factories import (
    CallPageFactory,
    CallRecipientFactory,
    DocumentFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    attachments,
    objectives,
)
from tests.registry_factories import (
    AttendanceFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db


def warm(client, url):
    """One request fills the per-process caches: site root paths and the remembered site
    structure (cms/site_structure.py), read again only after a change of content."""
    client.get(url)


def queries_for(client, url):
    warm(client, url)  # caches (site structure, root paths) warm, so both counts compare alike
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def listing_queries(client, url):
    """Queries of a warm listing render, and how many items its page shows."""
    warm(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), len(response.context["page_obj"].object_list)


def minutes_with(minutes_index, count, slug):
    return MinutesPageFactory(
        parent=minutes_index,
        slug=slug,
        meeting_date=date(2017, 3, 1),
        next_meeting_date=date(2017, 4, 1),
        agenda_items=[
            AgendaItem(
                title=f"Punto {n}",
                outcome=AgendaOutcome.POSTPONED if n % 3 == 0 else AgendaOutcome.DISCUSSED,
                discussion="<p>Discussione.</p>",
            )
            for n in range(count)
        ],
        attachments=attachments(DocumentFactory(), DocumentFactory()),
    )


def test_a_minutes_page_with_100_agenda_items_runs_as_many_queries_as_one_with_10(
    client, minutes_index
):
    small = minutes_with(minutes_index, 10, "dieci-punti")
    large = minutes_with(minutes_index, 100, "cento-punti")

    small_count = queries_for(client, small.url)
    large_count = queries_for(client, large.url)

    print(f"minutes page: 10 items -> {small_count} queries, 100 items -> {large_count} queries")
    assert large_count == small_count


def minutes_of_a_meeting(minutes_index, body, count, slug):
    """Minutes with ``count`` agenda items and ``count`` attendees of ``body``, some
    present, some absent, some excused, seated by organisations or people."""
    page = minutes_with(minutes_index, count, slug)
    page.meeting_body = body
    page.save()
    role = RoleFactory()
    statuses = list(AttendanceStatus)
    for n in range(count):
        membership = MembershipFactory(
            network=body,
            person=None if n % 2 else PersonFactory(),
            organisation=OrganisationFactory() if n % 2 else None,
            on_behalf_of=None if n % 2 else OrganisationFactory(),
            role=role,
        )
        AttendanceFactory(meeting=page, membership=membership, status=statuses[n % len(statuses)])
    return page


def test_a_minutes_page_with_200_items_and_attendees_runs_as_many_queries_as_one_with_10(
    client, minutes_index
):
    small = minutes_of_a_meeting(minutes_index, NetworkFactory(), 10, "dieci")
    large = minutes_of_a_meeting(minutes_index, NetworkFactory(), 200, "duecento")

    small_count = queries_for(client, small.url)
    large_count = queries_for(client, large.url)

    print(f"minutes page: 10 items -> {small_count} queries, 200 items -> {large_count} queries")
    assert large_count == small_count
    html = client.get(large.url).content.decode()
    assert html.count('<li class="mb-4">') == 200  # every agenda item is there


def plan_with(plan_index, count, slug):
    bodies = [NetworkFactory() for _ in range(count)]
    return PlanPageFactory(
        parent=plan_index,
        slug=slug,
        objectives=objectives(*(f"Obiettivo {n}" for n in range(1, 4 * count + 1))),
        approval_steps=[
            PlanApprovalStep(body=body, date=date(2017, 3, n + 1), act_reference=f"Delibera {n}")
            for n, body in enumerate(bodies)
        ],
        attachments=attachments(*(DocumentFactory() for _ in range(count))),
        related_networks=bodies,
    )


def test_a_plan_page_with_5_approval_steps_runs_as_many_queries_as_one_with_1(client, plan_index):
    small = plan_with(plan_index, 1, "un-passaggio")
    large = plan_with(plan_index, 5, "cinque-passaggi")

    small_count = queries_for(client, small.url)
    large_count = queries_for(client, large.url)

    print(f"plan page: 1 step -> {small_count} queries, 5 steps -> {large_count} queries")
    assert large_count == small_count


def call_with(call_index, count, slug):
    return CallPageFactory(
        parent=call_index,
        slug=slug,
        outcome="<p>Esito pubblicato.</p>",
        recipients=[CallRecipientFactory(name=f"Destinatari {slug} {n}") for n in range(count)],
        attachments=attachments(*(DocumentFactory() for _ in range(count))),
        outcome_attachments=[
            CallOutcomeAttachment(document=DocumentFactory()) for _ in range(count)
        ],
        related_networks=[NetworkFactory() for _ in range(count)],
    )


def test_a_call_page_with_10_documents_and_recipients_runs_as_many_queries_as_one_with_1(
    client, call_index
):
    small = call_with(call_index, 1, "uno")
    large = call_with(call_index, 10, "dieci")

    small_count = queries_for(client, small.url)
    large_count = queries_for(client, large.url)

    print(f"call page: 1 of each -> {small_count} queries, 10 of each -> {large_count} queries")
    assert large_count == small_count


def add_children(kind, index, start, stop):
    """Children of the section index ``index`` numbered start..stop-1, with a tag each."""
    for n in range(start, stop):
        if kind == "minutes":
            page = MinutesPageFactory(parent=index, meeting_date=date(2017, 1, 1) + timedelta(n))
        elif kind == "calls":
            page = CallPageFactory(
                parent=index, application_deadline=timezone.now() + timedelta(days=n + 1)
            )
        elif kind == "news":
            page = NewsPageFactory(parent=index)
        else:
            page = PlanPageFactory(parent=index, start_year=2000 + n, end_year=2001 + n)
        page.tags.add(f"tema-{n % 3}")
        page.save_revision().publish()


@pytest.mark.parametrize("kind", ["minutes", "calls", "news", "plans"])
def test_a_section_listing_showing_10_items_runs_as_many_queries_as_one_showing_3(
    client, request, kind
):
    index = request.getfixturevalue(
        {
            "minutes": "minutes_index",
            "calls": "call_index",
            "news": "news_index",
            "plans": "plan_index",
        }[kind]
    )
    add_children(kind, index, 0, 3)
    small_count, small_shown = listing_queries(client, index.url)
    add_children(kind, index, 3, 25)
    large_count, large_shown = listing_queries(client, index.url)

    print(f"{kind} index: 3 shown -> {small_count} queries, 10 shown -> {large_count} queries")
    assert (small_shown, large_shown) == (3, 10)
    assert large_count == small_count


def test_the_home_page_runs_as_many_queries_with_many_items_as_with_one_of_each(
    client, home, minutes_index, call_index, news_index
):
    add_children("minutes", minutes_index, 0, 1)
    add_children("calls", call_index, 0, 1)
    add_children("news", news_index, 0, 1)
    small_count = queries_for(client, home.url)
    add_children("minutes", minutes_index, 1, 6)
    add_children("calls", call_index, 1, 6)
    add_children("news", news_index, 1, 6)
    large_count = queries_for(client, home.url)

    print(f"home page: 1 of each -> {small_count} queries, 6 of each -> {large_count} queries")
    assert large_count == small_count
