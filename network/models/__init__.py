"""The registry of the district's governance networks, shaped on Popolo
(Area, Organization, Person, Membership): who sits where, in which role, for whom,
representing which sub-area, from when to when, and the rules a network's composition
must meet."""

from .areas import Area, AreaKind
from .attendance import Attendance, AttendanceStatus
from .memberships import EndReason, Membership
from .networks import Network, NetworkKind
from .organisations import Organisation, OrganisationKind, Sector
from .pages import NetworkIndexPage as NetworkIndexPage
from .people import Person
from .roles import Role
from .rules import CompositionRule, RuleKind, Severity

__all__ = [
    "Area",
    "AreaKind",
    "Attendance",
    "AttendanceStatus",
    "CompositionRule",
    "EndReason",
    "Membership",
    "Network",
    "NetworkKind",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Role",
    "RuleKind",
    "Sector",
    "Severity",
]
