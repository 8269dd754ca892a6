"""The registry as a Popolo document. Deterministic (every list sorted by id) so two exports
of the same data are identical; people carry their id, name and public role mailbox only,
never the private fields (PRIVATE_PERSON_FIELDS)."""

from __future__ import annotations

from network.labels import public_label
from network.models import (
    Area,
    AreaKind,
    CompositionRule,
    Membership,
    Network,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)

RULE_VALUE_KEYS = (
    "severity",
    "label",
    "min_count",
    "max_count",
    "sector",
    "organisation_kind",
    "days",
    "absences",
    "meetings",
)
# Read explicitly so a private field can never slip in through a later change to Person.
PERSON_EXPORTED_FIELDS = ("id", "name", "role_email", "popolo_id", "hidden_from_public")


def _ids(rows, prefix, natural=lambda row: row.pk):
    """Popolo id of each row: its own, or ``prefix/<natural key>`` (never one already
    worn by another row), which an import stores as the row's Popolo id."""
    taken = {row.popolo_id for row in rows if row.popolo_id}
    ids = {}
    for row in rows:
        if row.popolo_id:
            ids[row.pk] = row.popolo_id
            continue
        candidate = base = f"{prefix}/{natural(row)}"
        number = 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        ids[row.pk] = candidate
    return ids


def _compact(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _classification(row, other):
    """Our kind; for `other`, the classification the row was imported with. A kind set by
    hand after an import keeps the original beside it in `source_kind`."""
    if row.kind == other:
        return {"classification": row.source_kind or row.kind}
    return {"classification": row.kind, "source_kind": row.source_kind}


def _day(value):
    return value.isoformat() if value else None


def export_document(public: bool = False) -> dict:
    """The whole registry as a Popolo document. ``public``: for anyone to read, so people
    whose name is hidden are left out and their memberships carry only a label ("Referente
    per Comune di Crema")."""
    areas = list(Area.objects.order_by("pk"))
    organisations = list(Organisation.objects.order_by("pk"))
    networks = list(Network.objects.order_by("pk"))
    persons = list(Person.objects.only(*PERSON_EXPORTED_FIELDS).order_by("pk"))
    hidden = {person.pk for person in persons if public and person.hidden_from_public}
    persons = [person for person in persons if person.pk not in hidden]
    org_names = {org.pk: org.name for org in organisations}
    area_ids = _ids(areas, "area")
    org_ids = _ids(organisations, "organization")
    network_ids = _ids(networks, "network", lambda network: network.slug)
    person_ids = _ids(persons, "person")
    memberships = list(
        Membership.objects.select_related("role")
        .only(
            "id",
            "popolo_id",
            "person_id",
            "organisation_id",
            "network_id",
            "role__name",
            "on_behalf_of_id",
            "area_id",
            "start_date",
            "end_date",
            "end_reason",
            "appointing_act",
        )
        .order_by("pk")
    )
    membership_ids = _ids(memberships, "membership")

    rules_by_network = {}
    for rule in CompositionRule.objects.select_related("role").order_by("sort_order", "pk"):
        rules_by_network.setdefault(rule.network_id, []).append(
            _compact(
                {
                    "kind": rule.kind,
                    **{key: getattr(rule, key) for key in RULE_VALUE_KEYS},
                    "role": rule.role.name if rule.role else None,
                    "organization_id": org_ids.get(rule.organisation_id),
                    "area_id": area_ids.get(rule.area_id),
                }
            )
        )

    document = {
        "areas": [
            _compact(
                {
                    "id": area_ids[area.pk],
                    "name": area.name,
                    **_classification(area, AreaKind.OTHER),
                    "parent_id": area_ids.get(area.parent_id),
                    "identifiers": (
                        [{"scheme": "istat", "identifier": area.istat_code}]
                        if area.istat_code
                        else []
                    ),
                }
            )
            for area in areas
        ],
        "organizations": [
            _compact(
                {
                    "id": org_ids[org.pk],
                    "name": org.name,
                    **_classification(org, OrganisationKind.OTHER),
                    "sector": org.sector,
                    "parent_id": org_ids.get(org.parent_id),
                    "area_id": area_ids.get(org.area_id),
                    "links": [{"url": org.website, "note": "website"}] if org.website else [],
                    "contact_details": (
                        [{"type": "email", "value": org.public_email}] if org.public_email else []
                    ),
                }
            )
            for org in organisations
        ]
        + [
            {
                **_compact(
                    {
                        "id": network_ids[network.pk],
                        "name": network.name,
                        "classification": network.kind,
                        "slug": network.slug,
                        "purpose": network.purpose,
                    }
                ),
                # Always present: it marks the organisation as a network on import.
                "composition": rules_by_network.get(network.pk, []),
            }
            for network in networks
        ],
        "persons": [
            _compact(
                {"id": person_ids[person.pk], "name": person.name, "role_email": person.role_email}
            )
            for person in persons
        ],
        "memberships": [
            _compact(
                {
                    "id": membership_ids[membership.pk],
                    "person_id": person_ids.get(membership.person_id),
                    "label": (
                        public_label(
                            membership.role.name, None, org_names.get(membership.on_behalf_of_id)
                        )
                        if membership.person_id in hidden
                        else None
                    ),
                    "member": (
                        {"@type": "Organization", "id": org_ids[membership.organisation_id]}
                        if membership.organisation_id
                        else None
                    ),
                    "organization_id": network_ids[membership.network_id],
                    "role": membership.role.name,
                    "on_behalf_of_id": org_ids.get(membership.on_behalf_of_id),
                    "area_id": area_ids.get(membership.area_id),
                    "start_date": _day(membership.start_date),
                    "end_date": _day(membership.end_date),
                    "end_reason": membership.end_reason,
                    "appointing_act": membership.appointing_act,
                }
            )
            for membership in memberships
        ],
        # Our extension: the managed list of roles, so unused ones and their descriptions
        # survive a round trip (memberships name roles by name, as Popolo does).
        "roles": [
            _compact({"name": role.name, "slug": role.slug, "description": role.description})
            for role in sorted(Role.objects.all(), key=lambda role: role.name)
        ],
    }
    for key in ("areas", "organizations", "persons", "memberships"):
        document[key].sort(key=lambda item: item["id"])
    return document
