"""Recording who attended a meeting: one sheet per minutes page, saved at once."""

from collections import Counter

from django.db import transaction
from wagtail.log_actions import log

from network.models import Attendance, AttendanceStatus, Membership

from .status import active_on

ATTENDANCE_LOG_ACTION = "network.attendance"


def meetings_of(network):
    """The network's minutes pages, newest first."""
    from cms.models import MinutesPage

    return MinutesPage.objects.filter(meeting_body=network).order_by("-meeting_date", "-pk")


def members_at(meeting):
    """The memberships of the meeting's network in office on the meeting's date."""
    return (
        Membership.objects.filter(network_id=meeting.meeting_body_id)
        .filter(active_on(meeting.meeting_date))
        .select_related("person", "organisation", "role", "on_behalf_of", "area")
        .order_by("role__name", "person__name", "organisation__name", "pk")
    )


def recorded_statuses(meeting, memberships):
    return dict(
        Attendance.objects.filter(meeting=meeting, membership__in=memberships).values_list(
            "membership_id", "status"
        )
    )


@transaction.atomic
def record_attendance(meeting, statuses, *, user, allow_delete=True):
    """Write ``statuses`` ({membership id: status, or "" for not recorded}) for ``meeting``
    in one transaction and log it on the network; return how many rows were changed."""
    existing = {
        attendance.membership_id: attendance
        for attendance in Attendance.objects.select_for_update().filter(
            meeting=meeting, membership_id__in=list(statuses)
        )
    }
    to_create, to_update, to_delete = [], [], []
    for membership_id, status in statuses.items():
        current = existing.get(membership_id)
        if not status:
            if current is not None and allow_delete:
                to_delete.append(current.pk)
        elif current is None:
            to_create.append(
                Attendance(meeting=meeting, membership_id=membership_id, status=status)
            )
        elif current.status != status:
            current.status = status
            to_update.append(current)

    Attendance.objects.bulk_create(to_create)
    Attendance.objects.bulk_update(to_update, ["status"])
    Attendance.objects.filter(pk__in=to_delete).delete()
    counts = Counter(status for status in statuses.values() if status)
    log(
        meeting.meeting_body,
        ATTENDANCE_LOG_ACTION,
        user=user,
        data={
            "meeting": meeting.pk,
            "title": meeting.title,
            "date": meeting.meeting_date.isoformat(),
            **{choice: counts.get(choice, 0) for choice in AttendanceStatus.values},
        },
    )
    return len(to_create) + len(to_update) + len(to_delete)
