"""Admin forms whose choices stop at the networks the user manages: a coordinator cannot
even submit a membership or an attendance for another network."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from network.models import AttendanceStatus, Membership, Network

from .permissions import restrict_to_networks


def _limit(field, queryset):
    # A plain select: the chooser modals would offer rows the form then refuses.
    field.widget = forms.Select()
    field.widget.is_required = field.required
    field.queryset = queryset


class MembershipForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self.fields["network"], restrict_to_networks(Network.objects.all(), self.for_user))


class AttendanceForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from cms.models import MinutesPage

        meetings = MinutesPage.objects.filter(meeting_body__isnull=False).order_by(
            "-meeting_date", "-pk"
        )
        _limit(
            self.fields["meeting"],
            restrict_to_networks(meetings, self.for_user, "meeting_body"),
        )
        memberships = Membership.objects.select_related("person", "organisation", "role", "network")
        _limit(
            self.fields["membership"],
            restrict_to_networks(memberships, self.for_user, "network"),
        )


class AttendanceSheetForm(forms.Form):
    """One row of radio buttons per member in office on the meeting's date."""

    def __init__(self, *args, memberships, recorded, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = list(memberships)
        for membership in self.memberships:
            self.fields[self.field_name(membership)] = forms.ChoiceField(
                label=str(membership.member),
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=recorded.get(membership.pk, ""),
            )

    @staticmethod
    def field_name(membership):
        return f"status-{membership.pk}"

    def rows(self):
        for membership in self.memberships:
            yield membership, self[self.field_name(membership)]

    def statuses(self):
        """{membership id: chosen status or ""} from the cleaned data."""
        return {
            membership.pk: self.cleaned_data.get(self.field_name(membership), "")
            for membership in self.memberships
        }
