"""Which registry rows the records of a plan already are. Reads only.

A record is its row when the row carries the record's Popolo id. Rows created in the admin
have no Popolo id, and our export names them ``area/12``, ``person/7``...: importing that
export back into the same registry finds them again by that number and their name, so it
updates them instead of making copies. Networks are also found by slug or name (both unique)
and memberships by network, member, role, area and start date."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from network.models import Area, Membership, Network, Organisation, Person, Role

from .reader import Plan

# The id prefixes our export gives rows without a Popolo id (see writer.py).
PREFIXES = {
    Area: "area",
    Organisation: "organization",
    Person: "person",
    Network: "network",
    Membership: "membership",
}
GENERATED = re.compile(r"^(?P<prefix>[a-z]+)/(?P<key>.+)$")


@dataclass
class Matches:
    areas: dict[str, Area] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    networks: dict[str, Network] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)  # by name, case-folded
    memberships: dict[int, Membership] = field(default_factory=dict)  # by plan position
    # Memberships of the matched networks that the file leaves as they are.
    untouched_memberships: list[Membership] = field(default_factory=list)


def match_plan(plan: Plan) -> Matches:
    matches = Matches(
        areas=_match(Area, plan.areas),
        organisations=_match(Organisation, plan.organisations),
        networks=_match_networks(plan.networks),
        persons=_match(Person, plan.persons),
    )
    for role in Role.objects.order_by("-pk"):
        matches.roles[role.name.casefold()] = role  # the oldest wins a case-only clash
    _match_memberships(plan, matches)
    return matches


def _generated_key(model, identifier):
    found = GENERATED.match(identifier)
    if found is None or found["prefix"] != PREFIXES[model]:
        return None
    return found["key"]


def _match(model, records):
    rows = {row.popolo_id: row for row in model.objects.exclude(popolo_id="")}
    matched = {r["id"]: rows[r["id"]] for r in records if r["id"] in rows}
    wanted = {}
    for record in records:
        key = _generated_key(model, record["id"])
        if record["id"] not in matched and key is not None and key.isdigit():
            wanted[int(key)] = record
    for row in model.objects.filter(pk__in=list(wanted), popolo_id=""):
        if row.name == wanted[row.pk]["name"]:
            matched[wanted[row.pk]["id"]] = row
    return matched


def _match_networks(records):
    matched = _match(Network, records)
    used = {row.pk for row in matched.values()}
    loose = {"slug": {}, "name": {}}
    for row in Network.objects.filter(popolo_id=""):
        loose["slug"][row.slug] = row
        loose["name"][row.name] = row
    for record in records:
        if record["id"] in matched:
            continue
        slugs = [record["slug"], _generated_key(Network, record["id"])]
        candidates = [loose["slug"].get(slug) for slug in slugs if slug]
        candidates.append(loose["name"].get(record["name"]))
        row = next((row for row in candidates if row is not None and row.pk not in used), None)
        if row is not None:
            matched[record["id"]] = row
            used.add(row.pk)
    return matched


def member_keys(record, matches: Matches):
    """The record's (network, person, organisation, role, area) as registry ids, or None
    when one of them is not in the registry yet (then no row can be the same seat)."""
    network = matches.networks.get(record["network"])
    role = matches.roles.get(record["role"].casefold())
    person = matches.persons.get(record["person"]) if record["person"] else None
    organisation = (
        matches.organisations.get(record["organisation"]) if record["organisation"] else None
    )
    area = matches.areas.get(record["area"]) if record["area"] else None
    if (
        network is None
        or role is None
        or (record["person"] and person is None)
        or (record["organisation"] and organisation is None)
        or (record["area"] and area is None)
    ):
        return None
    return (
        network.pk,
        getattr(person, "pk", None),
        getattr(organisation, "pk", None),
        role.pk,
        getattr(area, "pk", None),
    )


def row_keys(row):
    return (row.network_id, row.person_id, row.organisation_id, row.role_id, row.area_id)


def _match_memberships(plan, matches):
    by_id = {row.popolo_id: row for row in Membership.objects.exclude(popolo_id="")}
    network_pks = [network.pk for network in matches.networks.values()]
    seats = list(Membership.objects.filter(network__in=network_pks).order_by("pk"))
    natural = defaultdict(list)
    for row in seats:
        natural[(*row_keys(row), row.start_date)].append(row)
    used = set()
    for index, record in enumerate(plan.memberships):
        row = by_id.get(record["id"]) if record["id"] else None
        keys = member_keys(record, matches)
        if row is None and keys is not None:
            # Without an id (or with one we generated) the same seat from the same day is
            # the same membership: anything else would overlap it.
            row = next(
                (
                    candidate
                    for candidate in natural[(*keys, record["start_date"])]
                    if candidate.pk not in used and (not record["id"] or not candidate.popolo_id)
                ),
                None,
            )
        if row is not None and row.pk not in used:
            matches.memberships[index] = row
            used.add(row.pk)
    matches.untouched_memberships = [row for row in seats if row.pk not in used]
