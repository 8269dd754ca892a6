"""Write a checked plan into the registry in one transaction: all of it or nothing.

Before the first write the plan is matched against the registry and its conflicts with it
are collected (network names, ISTAT codes, overlapping memberships); any conflict stops the
import. A dry run goes through the same steps and counts, but saves nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from network.models import (
    Area,
    CompositionRule,
    Membership,
    Network,
    Organisation,
    Person,
    Role,
)

from .conflicts import registry_conflicts
from .errors import PopoloError
from .matching import Matches, match_plan
from .reader import Plan

LABELS = ("aree", "enti", "reti", "regole", "ruoli", "persone", "appartenenze")
RULE_VALUES = (
    "kind",
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


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def lines(self):
        for label in LABELS:
            yield _("%(label)s: %(created)d create, %(updated)d aggiornate, %(same)d invariate") % {
                "label": label,
                "created": self.created[label],
                "updated": self.updated[label],
                "same": self.unchanged[label],
            }
        yield from (_("nota: %(note)s") % {"note": note} for note in self.notes)


def apply_plan(plan: Plan, dry_run: bool = False) -> Report:
    """Write ``plan`` (or, with ``dry_run``, only count what would change)."""
    try:
        with transaction.atomic():
            matches = match_plan(plan)
            problems = registry_conflicts(plan, matches)
            if problems:
                raise PopoloError(problems)
            return _Writer(plan, matches, commit=not dry_run).write()
    except DatabaseError as error:
        raise PopoloError(
            [_("il database ha rifiutato i dati: %(error)s") % {"error": error}]
        ) from error


def _differs(row, name, value):
    model_field = row._meta.get_field(name)
    if model_field.is_relation:
        if value is not None and value.pk is None:
            return True  # a row this import creates (only unsaved in a dry run)
        return getattr(row, model_field.attname) != (value.pk if value is not None else None)
    return getattr(row, name) != value


class _Writer:
    def __init__(self, plan: Plan, matches: Matches, commit: bool):
        self.plan = plan
        self.matches = matches
        self.commit = commit
        self.report = Report(notes=list(plan.notes))
        self.areas: dict[str, Area] = {}
        self.organisations: dict[str, Organisation] = {}
        self.networks: dict[str, Network] = {}
        self.persons: dict[str, Person] = {}
        self.roles: dict[str, Role] = {}

    def save(self, label, model, row, values):
        """Create or update ``row`` (None: create) with ``values``; count what happened."""
        if row is None:
            row = model(**values)
            if self.commit:
                row.save()
            self.report.created[label] += 1
            return row
        changed = [name for name, value in values.items() if _differs(row, name, value)]
        if not changed:
            self.report.unchanged[label] += 1
            return row
        for name in changed:
            setattr(row, name, values[name])
        if self.commit:
            row.save()
        self.report.updated[label] += 1
        return row

    def write(self) -> Report:
        for record in self.plan.areas:
            self.areas[record["id"]] = self.save(
                "aree",
                Area,
                self.matches.areas.get(record["id"]),
                {
                    "name": record["name"],
                    "kind": record["kind"],
                    "source_kind": record["source_kind"],
                    "parent": self.areas.get(record["parent"]),
                    "istat_code": record["istat_code"],
                    "popolo_id": record["id"],
                },
            )
        for record in self.plan.organisations:
            row = self.matches.organisations.get(record["id"])
            values = {
                "name": record["name"],
                "kind": record["kind"],
                "source_kind": record["source_kind"],
                "parent": self.organisations.get(record["parent"]),
                "area": self.areas.get(record["area"]),
                "website": record["website"],
                "public_email": record["public_email"],
                "popolo_id": record["id"],
            }
            _said(values, row, "sector", record["sector"], record["inferred_sector"])
            self.organisations[record["id"]] = self.save("enti", Organisation, row, values)
        self.write_roles()
        self.write_networks()
        for record in self.plan.persons:
            row = self.matches.persons.get(record["id"])
            values = {"name": record["name"], "popolo_id": record["id"]}
            _said(values, row, "role_email", record["role_email"], "")
            # Private contacts are filled from the file, never wiped by a file that lacks
            # them: our own exports never carry them.
            for key in ("private_email", "private_phone"):
                if record[key]:
                    values[key] = record[key]
            self.persons[record["id"]] = self.save("persone", Person, row, values)
        for index, record in enumerate(self.plan.memberships):
            row = self.matches.memberships.get(index)
            values = {
                "network": self.networks[record["network"]],
                "person": self.persons.get(record["person"]),
                "organisation": self.organisations.get(record["organisation"]),
                "role": self.roles[record["role"].casefold()],
                "on_behalf_of": self.organisations.get(record["on_behalf_of"]),
                "area": self.areas.get(record["area"]),
                "start_date": record["start_date"],
                "end_date": record["end_date"],
                "end_reason": record["end_reason"],
                "appointing_act": record["appointing_act"],
            }
            if record["id"] or row is None:
                values["popolo_id"] = record["id"]
            self.save("appartenenze", Membership, row, values)
        return self.report

    def write_roles(self):
        taken = set(Role.objects.values_list("slug", flat=True))
        for record in self.plan.roles:
            key = record["name"].casefold()
            row = self.matches.roles.get(key)
            if row is None:
                slug = record["slug"] or slugify(record["name"], allow_unicode=True)[:90] or "ruolo"
                values = {
                    "name": record["name"],
                    "slug": _unique(slug, taken),
                    "description": record["description"] or "",
                }
            else:
                values = {}
                if record["description"] is not None:
                    values["description"] = record["description"]
            self.roles[key] = self.save("ruoli", Role, row, values)

    def write_networks(self):
        taken = set(Network.objects.values_list("slug", flat=True))
        for record in self.plan.networks:
            row = self.matches.networks.get(record["id"])
            if row is not None:
                taken.discard(row.slug)
        for record in self.plan.networks:
            row = self.matches.networks.get(record["id"])
            wanted = record["slug"] or (row.slug if row else "") or slugify(record["name"])[:90]
            slug = _unique(wanted or "rete", taken)
            if record["slug"] and slug != record["slug"]:
                self.report.notes.append(
                    _("%(where)s: lo slug %(wanted)r è già usato da un'altra rete, usato %(slug)r.")
                    % {"where": record["where"], "wanted": record["slug"], "slug": slug}
                )
            values = {
                "name": record["name"],
                "slug": slug,
                "kind": record["kind"],
                "popolo_id": record["id"],
            }
            _said(values, row, "purpose", record["purpose"], "")
            network = self.save("reti", Network, row, values)
            self.networks[record["id"]] = network
            if record["rules"] is not None:
                self.write_rules(network, record["rules"])

    def write_rules(self, network, rules):
        wanted = [
            {
                **{key: rule[key] for key in RULE_VALUES},
                "role": self.roles[rule["role"].casefold()] if rule["role"] else None,
                "organisation": self.organisations.get(rule["organisation"]),
                "area": self.areas.get(rule["area"]),
            }
            for rule in rules
        ]
        current = list(network.rules.order_by("sort_order", "pk")) if network.pk else []
        if len(current) == len(wanted) and not any(
            _differs(rule, key, value)
            for rule, values in zip(current, wanted, strict=True)
            for key, value in values.items()
        ):
            self.report.unchanged["regole"] += len(current)
            return
        if current:
            self.report.updated["regole"] += len(wanted)
        else:
            self.report.created["regole"] += len(wanted)
        if self.commit:
            CompositionRule.objects.filter(network=network).delete()
            CompositionRule.objects.bulk_create(
                CompositionRule(network=network, sort_order=index, **values)
                for index, values in enumerate(wanted)
            )


def _said(values, row, name, value, default):
    """Set ``name`` when the file says it; a new row takes ``default`` otherwise, a known
    row keeps its own."""
    if value is not None:
        values[name] = value
    elif row is None:
        values[name] = default


def _unique(slug, taken):
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate
