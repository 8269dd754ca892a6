"""Check a whole Popolo document and turn it into a plan of plain records, without touching
the database. Every problem found is collected, so one run lists them all."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from network.models import (
    Area,
    AreaKind,
    CompositionRule,
    Membership,
    Network,
    NetworkKind,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    RuleKind,
    Sector,
    Severity,
)

from .errors import PopoloError
from .mapping import AREA_KINDS, NETWORK_KINDS, ORGANISATION_KINDS, SECTOR_OF_KIND, classify

COLLECTIONS = ("areas", "organizations", "persons", "memberships")
# Top-level keys we read besides the collections: `roles` is our extension, `events` only
# with period dates, `posts` are acknowledged and skipped.
READ_KEYS = {*COLLECTIONS, "posts", "roles"}
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REDUCED_DATE = re.compile(r"^\d{4}(-\d{2})?$")
PERSON_KEPT_KEYS = {"id", "name", "given_name", "family_name", "role_email"}
PERSON_PRIVATE_KEYS = {"email", "contact_details"}
PHONE_TYPES = ("phone", "cell", "voice", "mobile")
DEFAULT_ROLE = "Componente"
RULE_NUMBERS = ("min_count", "max_count", "days", "absences", "meetings")
RULE_KEYS = {
    "kind",
    "severity",
    "label",
    "role",
    "organization_id",
    "area_id",
    "sector",
    "organisation_kind",
    *RULE_NUMBERS,
}
LEGISLATIVE_PERIOD = "legislative period"


@dataclass
class Plan:
    """What a document asks for, in plain data: records keyed by their Popolo id, each
    with ``where`` (its place in the file) for messages."""

    areas: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    networks: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_document(data, period_dates: bool = False) -> Plan:
    """The plan for ``data`` (parsed JSON), or PopoloError listing every problem.

    ``period_dates``: fill a membership's missing start or end from the legislative period
    (``events``) named by its ``legislative_period_id``, and say how many were filled."""
    return _Reader(data, period_dates).read()


class _Reader:
    def __init__(self, data, period_dates):
        self.data = data
        self.period_dates = period_dates
        self.problems: list[str] = []
        self.plan = Plan()
        self.roles: dict[str, dict] = {}

    def problem(self, where: str, message: str):
        self.problems.append(f"{where}: {message}")

    # ------------------------------------------------------------------ values

    def value(self, model, name, value, where):
        """``value`` checked (and converted) by the model field it is meant for."""
        try:
            return model._meta.get_field(name).clean(value, None)
        except ValidationError as error:
            self.problem(where, " ".join(error.messages))
            return value

    def text(self, obj, key, where, model=None, name=None):
        value = obj.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(f"{where}.{key}", _("deve essere un testo"))
            return ""
        if model is not None:
            field_ = model._meta.get_field(name or key)
            if value or not field_.blank:
                value = self.value(model, name or key, value, f"{where}.{key}")
        return value

    def identifier(self, value):
        return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None

    def reference(self, obj, key):
        value = obj.get(key)
        return None if value in (None, "") else str(value)

    def day(self, obj, key, where):
        value = obj.get(key)
        if value in (None, ""):
            return None
        place = f"{where}.{key}"
        if not isinstance(value, str):
            self.problem(place, _("la data deve essere un testo AAAA-MM-GG"))
        elif REDUCED_DATE.match(value):
            self.problem(place, _reduced_date_message(value))
        elif not FULL_DATE.match(value):
            self.problem(place, _("data %(value)r non nel formato AAAA-MM-GG") % {"value": value})
        else:
            try:
                return date.fromisoformat(value)
            except ValueError:
                self.problem(place, _("data %(value)r impossibile") % {"value": value})
        return None

    def objects(self, key):
        value = self.data.get(key) or []
        if not isinstance(value, list):
            self.problem(key, _("deve essere una lista di oggetti"))
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                good.append((f"{key}[{index}]", item))
            else:
                self.problem(f"{key}[{index}]", _("deve essere un oggetto JSON"))
        return good

    def ids(self, items, required=True):
        seen: dict[str, str] = {}
        for where, item in items:
            raw = item.get("id")
            if raw in (None, ""):
                if required:
                    self.problem(where, _("manca l'id: senza id l'oggetto non può essere riferito"))
                continue
            identifier = self.identifier(raw)
            if identifier is None:
                self.problem(f"{where}.id", _("l'id deve essere un testo"))
                continue
            if identifier in seen:
                self.problem(
                    f"{where}.id",
                    _("id %(id)r già usato in %(other)s")
                    % {"id": identifier, "other": seen[identifier]},
                )
                continue
            seen[identifier] = where
        return seen

    def role(self, name, where):
        """The role record for ``name`` (matched ignoring case), created on first use."""
        name = name.strip()
        key = name.casefold()
        if key not in self.roles:
            self.value(Role, "name", name, where)
            self.roles[key] = {"name": name, "slug": "", "description": None, "where": where}
        return self.roles[key]["name"]

    # ------------------------------------------------------------------ reading

    def read(self) -> Plan:
        self.check_is_document()
        data = self.data
        ignored = sorted(set(data) - READ_KEYS - ({"events"} if self.period_dates else set()))
        if ignored:
            self.plan.notes.append(
                _("Chiavi ignorate al primo livello (non fanno parte del registro): %(keys)s.")
                % {"keys": ", ".join(ignored)}
            )
        if data.get("posts"):
            self.plan.notes.append(
                _("%(n)d posts ignorati: il registro non usa i posti (post).")
                % {"n": len(data["posts"]) if isinstance(data["posts"], list) else 0}
            )

        areas = self.objects("areas")
        organisations = self.objects("organizations")
        persons = self.objects("persons")
        memberships = self.objects("memberships")
        self.area_ids = self.ids(areas)
        self.org_ids = self.ids(organisations)
        self.person_ids = self.ids(persons)
        self.ids(memberships, required=False)
        self.network_ids = {
            str(item["organization_id"])
            for _where, item in memberships
            if self.identifier(item.get("organization_id")) is not None
        } | {
            str(item["id"])
            for _where, item in organisations
            if "composition" in item and self.identifier(item.get("id")) is not None
        }
        self.periods = self.read_periods() if self.period_dates else {}

        self.read_roles()
        self.read_areas(areas)
        self.read_organisations(organisations)
        self.read_persons(persons)
        self.read_memberships(memberships)
        self.check_overlaps()
        if self.problems:
            raise PopoloError(self.problems)
        self.plan.roles = sorted(self.roles.values(), key=lambda role: role["name"].casefold())
        return self.plan

    def check_is_document(self):
        data = self.data
        if not isinstance(data, dict):
            raise PopoloError(
                [
                    _("il file deve contenere un oggetto JSON con le liste %(lists)s")
                    % {"lists": "areas, organizations, persons, memberships"}
                ]
            )
        if "id" in data or "name" in data or not any(key in data for key in COLLECTIONS):
            kind = _single_object_kind(data)
            what = (
                _("sembra un singolo oggetto %(kind)s") % {"kind": kind}
                if kind
                else _("non sembra un documento Popolo")
            )
            problems = [
                _(
                    "documento: %(what)s, non un documento con "
                    "areas/organizations/persons/memberships; si importano solo documenti completi"
                )
                % {"what": what}
            ]
            if kind and data.get("id") in (None, ""):
                problems.append(_("id: manca l'id: senza id l'oggetto non può essere riferito"))
            problems += [
                f"{where}: {_reduced_date_message(value)}" for where, value in _reduced_dates(data)
            ]
            raise PopoloError(problems)

    def read_periods(self):
        """Legislative periods from ``events``: id → (start, end)."""
        periods = {}
        for where, event in self.objects("events"):
            if str(event.get("classification", "")).casefold() != LEGISLATIVE_PERIOD:
                continue
            identifier = self.identifier(event.get("id"))
            if identifier is not None:
                periods[identifier] = (
                    self.day(event, "start_date", where),
                    self.day(event, "end_date", where),
                )
        return periods

    def read_roles(self):
        for where, item in self.objects("roles"):
            name = self.text(item, "name", where, Role)
            if not name:
                continue
            if name.strip().casefold() in self.roles:
                self.problem(f"{where}.name", _("ruolo %(name)r ripetuto") % {"name": name})
                continue
            self.role(name, where)
            record = self.roles[name.strip().casefold()]
            record["slug"] = self.text(item, "slug", where, Role)
            if "description" in item:
                record["description"] = self.text(item, "description", where, Role)

    def read_areas(self, items):
        records = {}
        for where, item in items:
            identifier = self.identifier(item.get("id"))
            if identifier is None or self.area_ids.get(identifier) != where:
                continue
            kind, source = classify(
                item.get("classification") or item.get("type"), AREA_KINDS, AreaKind.OTHER
            )
            parent = self.reference(item, "parent_id")
            if parent is not None and parent not in self.area_ids:
                self.problem(
                    f"{where}.parent_id",
                    _("area %(id)r inesistente nel file") % {"id": parent},
                )
            istat = ""
            for identifier_ in _dicts(item.get("identifiers")):
                if str(identifier_.get("scheme", "")).casefold() == "istat":
                    istat = str(identifier_.get("identifier", ""))
            records[identifier] = {
                "where": where,
                "id": self.value(Area, "popolo_id", identifier, f"{where}.id"),
                "name": self.text(item, "name", where, Area),
                "kind": kind,
                "source_kind": self.value(
                    Area, "source_kind", _source_kind(item, source), f"{where}.classification"
                ),
                "parent": parent,
                "istat_code": self.value(Area, "istat_code", istat, f"{where}.identifiers"),
            }
        self.plan.areas = _parents_first(records, self.problem, "areas")
        self.unique(
            records.values(), "istat_code", _("codice ISTAT %(value)r già usato in %(other)s")
        )

    def read_organisations(self, items):
        records = {}
        for where, item in items:
            identifier = self.identifier(item.get("id"))
            if identifier is None or self.org_ids.get(identifier) != where:
                continue
            if identifier in self.network_ids:
                self.plan.networks.append(self.read_network(where, item, identifier))
                continue
            kind, source = classify(
                item.get("classification"), ORGANISATION_KINDS, OrganisationKind.OTHER
            )
            sector = item.get("sector") or None
            parent = self.body_reference(item, "parent_id", where)
            area = self.reference(item, "area_id")
            if area is not None and area not in self.area_ids:
                self.problem(
                    f"{where}.area_id", _("area %(id)r inesistente nel file") % {"id": area}
                )
            website = next(
                (
                    link.get("url") or ""
                    for link in _dicts(item.get("links"))
                    if link.get("note") == "website"
                ),
                "",
            )
            email = next(
                (
                    detail.get("value") or ""
                    for detail in _dicts(item.get("contact_details"))
                    if detail.get("type") == "email"
                ),
                "",
            )
            records[identifier] = {
                "where": where,
                "id": self.value(Organisation, "popolo_id", identifier, f"{where}.id"),
                "name": self.text(item, "name", where, Organisation),
                "kind": kind,
                "source_kind": self.value(
                    Organisation,
                    "source_kind",
                    _source_kind(item, source),
                    f"{where}.classification",
                ),
                # None: not in the file (inferred for a new body, kept for a known one).
                "sector": sector and self.value(Organisation, "sector", sector, f"{where}.sector"),
                "inferred_sector": SECTOR_OF_KIND.get(kind, Sector.OTHER),
                "parent": parent,
                "area": area,
                "website": self.value(Organisation, "website", website, f"{where}.links"),
                "public_email": self.value(
                    Organisation, "public_email", email, f"{where}.contact_details"
                ),
            }
        self.plan.organisations = _parents_first(records, self.problem, "organizations")
        self.note_likely_duplicates(records.values(), _("Possibili enti doppi, tenuti distinti"))
        self.note_likely_duplicates(self.plan.networks, _("Possibili reti doppie, tenute distinte"))
        self.unique(self.plan.networks, "name", _("nome di rete %(value)r già usato in %(other)s"))
        self.unique(self.plan.networks, "slug", _("slug %(value)r già usato in %(other)s"))

    def body_reference(self, item, key, where):
        """An organisation named by ``key``: it must be in the file and not be a network."""
        body = self.reference(item, key)
        if body is None:
            return None
        if body not in self.org_ids:
            self.problem(f"{where}.{key}", _("ente %(id)r inesistente nel file") % {"id": body})
        elif body in self.network_ids:
            self.problem(
                f"{where}.{key}",
                _(
                    "%(id)r è una rete (organization_id di un'appartenenza o con composition), "
                    "non può essere anche un ente componente o rappresentato"
                )
                % {"id": body},
            )
        return body

    def read_network(self, where, item, identifier):
        composition = item.get("composition") or []
        if not isinstance(composition, list):
            self.problem(f"{where}.composition", _("deve essere una lista di regole"))
            composition = []
        rules = [
            self.read_rule(f"{where}.composition[{index}]", rule)
            for index, rule in enumerate(composition)
        ]
        slug = self.text(item, "slug", where)
        if slug:
            slug = self.value(Network, "slug", slug, f"{where}.slug")
        return {
            "where": where,
            "id": self.value(Network, "popolo_id", identifier, f"{where}.id"),
            "name": self.text(item, "name", where, Network),
            "slug": slug,
            "kind": classify(item.get("classification"), NETWORK_KINDS, NetworkKind.OTHER)[0],
            # Our extension keys: absent means "not said", so a known network keeps its own.
            "purpose": self.text(item, "purpose", where) if "purpose" in item else None,
            "rules": [rule for rule in rules if rule is not None]
            if "composition" in item
            else None,
        }

    def read_rule(self, where, rule):
        if not isinstance(rule, dict):
            self.problem(where, _("ogni regola deve essere un oggetto"))
            return None
        unknown = sorted(set(rule) - RULE_KEYS)
        if unknown:
            self.problem(where, _("chiavi sconosciute: %(keys)s") % {"keys": ", ".join(unknown)})
        kind = rule.get("kind")
        if kind not in RuleKind.values:
            self.problem(
                f"{where}.kind",
                _("tipo di regola %(kind)r sconosciuto (%(known)s)")
                % {"kind": kind, "known": ", ".join(RuleKind.values)},
            )
            return None
        numbers = {}
        for key in RULE_NUMBERS:
            value = rule.get(key)
            if value is not None and (
                not isinstance(value, int) or isinstance(value, bool) or value < 0
            ):
                self.problem(f"{where}.{key}", _("deve essere un numero intero non negativo"))
                value = None
            numbers[key] = value
        organisation = self.body_reference(rule, "organization_id", where)
        area = self.reference(rule, "area_id")
        if area is not None and area not in self.area_ids:
            self.problem(f"{where}.area_id", _("area %(id)r inesistente nel file") % {"id": area})
        role = rule.get("role") or ""
        if not isinstance(role, str):
            self.problem(f"{where}.role", _("deve essere un testo"))
            role = ""
        if role:
            role = self.role(role, f"{where}.role")
        record = {
            "kind": kind,
            "severity": rule.get("severity") or Severity.MEDIUM,
            "label": self.text(rule, "label", where, CompositionRule),
            "role": role,
            "organisation": organisation,
            "area": area,
            "sector": rule.get("sector") or "",
            "organisation_kind": rule.get("organisation_kind") or "",
            **numbers,
        }
        for key in ("severity", "sector", "organisation_kind"):
            if record[key]:
                record[key] = self.value(CompositionRule, key, record[key], f"{where}.{key}")
        # The model's own rule check; related fields only need to be present, so stand-ins.
        candidate = CompositionRule(
            **{k: v for k, v in record.items() if k not in ("role", "organisation", "area")},
            role_id=1 if role else None,
            organisation_id=1 if organisation is not None else None,
            area_id=1 if area is not None else None,
        )
        try:
            candidate.clean()
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                self.problem(f"{where}.{_rule_key(key)}", " ".join(messages))
        return record

    def read_persons(self, items):
        dropped = Counter()
        private = extra_contacts = 0
        for where, item in items:
            identifier = self.identifier(item.get("id"))
            if identifier is None or self.person_ids.get(identifier) != where:
                continue
            name = item.get("name") or " ".join(
                part
                for part in (item.get("given_name"), item.get("family_name"))
                if isinstance(part, str) and part
            )
            if not isinstance(name, str):
                self.problem(f"{where}.name", _("deve essere un testo"))
                name = ""
            contacts = _dicts(item.get("contact_details"))
            emails = _distinct(
                [item.get("email")] + [c.get("value") for c in contacts if c.get("type") == "email"]
            )
            phones = _distinct([c.get("value") for c in contacts if c.get("type") in PHONE_TYPES])
            others = [c for c in contacts if c.get("type") not in ("email", *PHONE_TYPES)]
            extra_contacts += max(len(emails) - 1, 0) + max(len(phones) - 1, 0) + len(others)
            if emails or phones:
                private += 1
            for key in set(item) - PERSON_KEPT_KEYS - PERSON_PRIVATE_KEYS:
                dropped[key] += 1
            # Messages name the place only: private values never reach the output.
            self.plan.persons.append(
                {
                    "where": where,
                    "id": self.value(Person, "popolo_id", identifier, f"{where}.id"),
                    "name": self.value(Person, "name", name, f"{where}.name"),
                    "role_email": (
                        self.text(item, "role_email", where, Person)
                        if "role_email" in item
                        else None
                    ),
                    "private_email": self.value(
                        Person, "private_email", emails[0] if emails else "", f"{where}.email"
                    ),
                    "private_phone": self.value(
                        Person,
                        "private_phone",
                        phones[0] if phones else "",
                        f"{where}.contact_details",
                    ),
                }
            )
        if private:
            self.plan.notes.append(
                _(
                    "%(n)d persone con email o telefono: salvati solo nei campi riservati, "
                    "mai pubblicati né esportati."
                )
                % {"n": private}
            )
        if extra_contacts:
            self.plan.notes.append(
                _(
                    "%(n)d recapiti personali in più (secondi indirizzi, twitter e simili) "
                    "non conservati."
                )
                % {"n": extra_contacts}
            )
        if dropped:
            listed = ", ".join(f"{key} ({count})" for key, count in sorted(dropped.items()))
            self.plan.notes.append(
                _("Altri dati personali non conservati: %(fields)s.") % {"fields": listed}
            )
        self.note_likely_duplicates(
            self.plan.persons, _("Possibili persone doppie, tenute distinte")
        )

    def read_memberships(self, items):
        no_role = with_period = posts = 0
        filled = Counter()
        for where, item in items:
            network = self.reference(item, "organization_id")
            if network is None:
                self.problem(f"{where}.organization_id", _("manca la rete (organization_id)"))
            elif network not in self.org_ids:
                self.problem(
                    f"{where}.organization_id",
                    _("organizzazione %(id)r inesistente nel file") % {"id": network},
                )
            person, organisation = self.member_of(where, item)
            role = item.get("role")
            if role in (None, ""):
                role, no_role = DEFAULT_ROLE, no_role + 1
            elif not isinstance(role, str):
                self.problem(f"{where}.role", _("deve essere un testo"))
                role = DEFAULT_ROLE
            role = self.role(role, f"{where}.role")
            body = self.body_reference(item, "on_behalf_of_id", where)
            area = self.reference(item, "area_id")
            if area is not None and area not in self.area_ids:
                self.problem(
                    f"{where}.area_id", _("area %(id)r inesistente nel file") % {"id": area}
                )
            start, end = self.day(item, "start_date", where), self.day(item, "end_date", where)
            period = self.reference(item, "legislative_period_id")
            with_period += period is not None
            posts += "post_id" in item
            if self.period_dates and period is not None:
                if period not in self.periods:
                    self.problem(
                        f"{where}.legislative_period_id",
                        _("periodo legislativo %(id)r inesistente negli events") % {"id": period},
                    )
                else:
                    # A period bound that contradicts the known one (a seat left before
                    # its period began) is not used: the date stays unknown.
                    period_start, period_end = self.periods[period]
                    if start is None and period_start is not None:
                        if end is None or period_start <= end:
                            start, filled["start"] = period_start, filled["start"] + 1
                        else:
                            filled["kept"] += 1
                    if end is None and period_end is not None:
                        if start is None or start <= period_end:
                            end, filled["end"] = period_end, filled["end"] + 1
                        else:
                            filled["kept"] += 1
            if start and end and end < start:
                self.problem(
                    f"{where}.end_date",
                    _("la fine (%(end)s) precede l'inizio (%(start)s)")
                    % {"end": end, "start": start},
                )
            identifier = self.identifier(item.get("id")) or ""
            self.plan.memberships.append(
                {
                    "where": where,
                    "id": self.value(Membership, "popolo_id", identifier, f"{where}.id"),
                    "network": network,
                    "person": person,
                    "organisation": organisation,
                    "role": role,
                    "on_behalf_of": body,
                    "area": area,
                    "start_date": start,
                    "end_date": end,
                    "end_reason": self.text(item, "end_reason", where, Membership),
                    "appointing_act": self.text(item, "appointing_act", where, Membership),
                    "period": period,
                }
            )
        if no_role:
            self.plan.notes.append(
                _("%(n)d appartenenze senza ruolo: registrate come «%(role)s».")
                % {"n": no_role, "role": DEFAULT_ROLE}
            )
        if posts:
            self.plan.notes.append(
                _("%(n)d appartenenze con post_id: il posto non è conservato.") % {"n": posts}
            )
        if self.period_dates and with_period:
            self.plan.notes.append(
                _(
                    "Date riempite dal periodo legislativo (--period-dates): %(start)d date di "
                    "inizio e %(end)d date di fine; %(kept)d lasciate sconosciute perché il "
                    "periodo contraddice l'altra data dell'appartenenza."
                )
                % {"start": filled["start"], "end": filled["end"], "kept": filled["kept"]}
            )
        elif with_period:
            self.plan.notes.append(
                _(
                    "%(n)d appartenenze con legislative_period_id: le date mancanti restano "
                    "sconosciute, nessuna data inventata (--period-dates le prende dal periodo)."
                )
                % {"n": with_period}
            )

    def member_of(self, where, item):
        if item.get("person_id") not in (None, ""):
            person = str(item["person_id"])
            if person not in self.person_ids:
                self.problem(
                    f"{where}.person_id", _("persona %(id)r inesistente nel file") % {"id": person}
                )
            return person, None
        member = item.get("member")
        if not isinstance(member, dict) or member.get("id") in (None, ""):
            self.problem(where, _('manca il componente: person_id oppure member {"@type", "id"}'))
            return None, None
        kind, identifier = member.get("@type"), str(member["id"])
        if kind == "Person":
            if identifier not in self.person_ids:
                self.problem(
                    f"{where}.member.id",
                    _("persona %(id)r inesistente nel file") % {"id": identifier},
                )
            return identifier, None
        if kind == "Organization":
            return None, self.body_reference(member, "id", f"{where}.member")
        self.problem(f"{where}.member.@type", _('deve essere "Person" oppure "Organization"'))
        return None, None

    # ------------------------------------------------------------------ whole-file checks

    def unique(self, records, key, message):
        seen = {}
        for record in records:
            value = record[key]
            if not value:
                continue
            if value in seen:
                self.problem(
                    f"{record['where']}.{key}", message % {"value": value, "other": seen[value]}
                )
            else:
                seen[value] = record["where"]

    def note_likely_duplicates(self, records, heading):
        groups = defaultdict(list)
        for record in records:
            groups[record["name"].strip().casefold()].append(record["name"])
        for names in groups.values():
            if len(names) > 1:
                listed = ", ".join(repr(name) for name in sorted(names))
                self.plan.notes.append(f"{heading}: {listed}.")

    def check_overlaps(self):
        """Same member, role, network and area with dates that meet (a missing date is an
        open bound): refused. Each record is compared with the one reaching furthest among
        those starting before it, so every clash is found in one pass."""
        seats = defaultdict(list)
        for record in self.plan.memberships:
            seats[_seat(record)].append(record)
        for records in seats.values():
            ordered = sorted(
                records, key=lambda r: (r["start_date"] or date.min, r["end_date"] or date.max)
            )
            furthest = ordered[0]
            for record in ordered[1:]:
                reach = furthest["end_date"] or date.max
                if (record["start_date"] or date.min) <= reach:
                    self.problem(
                        record["where"],
                        _(
                            "si sovrappone a %(other)s (stesso componente, ruolo, rete e area; "
                            "una data mancante è un estremo aperto)"
                        )
                        % {"other": furthest["where"]},
                    )
                if (record["end_date"] or date.max) > reach:
                    furthest = record
        by_member = defaultdict(list)
        for record in self.plan.memberships:
            by_member[_seat(record)[:4]].append(record)
        several = sum(1 for records in by_member.values() if _simultaneous_areas(records))
        if several:
            self.plan.notes.append(
                _(
                    "%(n)d componenti hanno nello stesso periodo appartenenze alla stessa rete, "
                    "con lo stesso ruolo, per aree diverse: tenute come appartenenze distinte."
                )
                % {"n": several}
            )


def _seat(record):
    return (
        record["network"],
        record["role"].casefold(),
        record["person"],
        record["organisation"],
        record["area"],
    )


def _meet(first, second):
    return (first["start_date"] or date.min) <= (second["end_date"] or date.max) and (
        second["start_date"] or date.min
    ) <= (first["end_date"] or date.max)


def _simultaneous_areas(records):
    """Two memberships for different areas at the same time; those of different legislative
    periods are not simultaneous even when their missing dates leave them open."""
    for index, first in enumerate(records):
        for second in records[index + 1 :]:
            if first["area"] == second["area"]:
                continue
            if first["period"] and second["period"] and first["period"] != second["period"]:
                continue
            if _meet(first, second):
                return True
    return False


def _dicts(value):
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _distinct(values):
    found = []
    for value in values:
        if isinstance(value, str) and value.strip() and value.strip() not in found:
            found.append(value.strip())
    return found


def _source_kind(item, derived):
    """Our export keeps the original classification in `source_kind` when the kind was
    changed since; otherwise it is what `classification` could not map."""
    extension = item.get("source_kind")
    return extension if isinstance(extension, str) and extension else derived


def _rule_key(model_key):
    return {"organisation": "organization_id", "area": "area_id"}.get(model_key, model_key)


def _reduced_date_message(value):
    return _(
        "la data %(value)r ha precisione ridotta (solo anno o anno e mese): serve la data "
        "completa AAAA-MM-GG, non la allarghiamo a un giorno inventato"
    ) % {"value": value}


def _reduced_dates(data, where=""):
    """(place, value) of every reduced-precision date in a nested object."""
    if isinstance(data, dict):
        for key, value in data.items():
            place = f"{where}.{key}" if where else key
            if key.endswith("_date") and isinstance(value, str) and REDUCED_DATE.match(value):
                yield place, value
            else:
                yield from _reduced_dates(value, place)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _reduced_dates(value, f"{where}[{index}]")


def _single_object_kind(data: dict) -> str | None:
    """What a lone Popolo object looks like (a document has no id or name of its own)."""
    keys = set(data)
    if keys & {"person_id", "person", "member"}:
        return "membership"
    if "post_id" in keys or "other_label" in keys or ("label" in keys and "organization" in keys):
        return "post"
    if keys & {"posts", "founding_date", "dissolution_date"}:
        return "organization"
    if keys & {"birth_date", "given_name", "family_name", "gender"}:
        return "person"
    if "identifier" in keys or ("parent_id" in keys and "classification" in keys):
        return "area"
    if "memberships" in keys:
        return "person"
    if "classification" in keys:
        return "organization"
    return None


def _parents_first(records: dict, problem, collection):
    """Records ordered so that a parent comes before its children; cycles are problems."""
    ordered, state = [], {}

    def visit(identifier, trail):
        if state.get(identifier) == "done":
            return
        if state.get(identifier) == "visiting":
            problem(
                collection,
                _("ciclo di appartenenza: %(trail)s") % {"trail": " → ".join([*trail, identifier])},
            )
            return
        state[identifier] = "visiting"
        parent = records[identifier]["parent"]
        if parent in records:
            visit(parent, [*trail, identifier])
        state[identifier] = "done"
        ordered.append(records[identifier])

    for identifier in records:
        visit(identifier, [])
    return ordered
