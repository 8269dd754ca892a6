"""The demo registry: the district's areas, bodies, fictitious people, their seats on the demo
networks, the composition rules and the attendance at the demo meetings.

Everything here is demonstrative. The six sub-areas are an illustrative grouping of the 48
comuni (the real one is not in our records) and say so in their names; people are invented,
with private contacts on reserved domains and numbers; invented bodies end in "(demo)".

Dates of seats that attend the 2017 demo meetings are fixed; every other date is counted
from the loader's "now", so the gaps the demo shows stay true whenever it is loaded:
- Rete ConTatto: two sub-areas (4 and 6) with nobody;
- Fare Legami: 9 local administrators of the 10 the cohort needs;
- Tavolo SIA: an employment agency whose seat ended 20 days ago with no reason recorded;
- Ufficio di Piano: a referent absent at 3 of the last 4 meetings.

Objects are matched by ``popolo_id`` (``demo:...``) or by name, so a second run creates
nothing.
"""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.text import slugify

from .content import PASSWORD, html

DISTRICT = "Ambito distrettuale di Crema"

# Illustrative grouping of the 48 comuni (neighbouring comuni together).
SUBAREAS = [
    (
        "Sub-ambito 1 (illustrativo)",
        [
            "Agnadello",
            "Dovera",
            "Monte Cremasco",
            "Palazzo Pignano",
            "Pandino",
            "Rivolta d'Adda",
            "Spino d'Adda",
            "Vailate",
        ],
    ),
    (
        "Sub-ambito 2 (illustrativo)",
        [
            "Camisano",
            "Capralba",
            "Casale Cremasco-Vidolasco",
            "Casaletto Vaprio",
            "Castel Gabbiano",
            "Pieranica",
            "Quintano",
            "Sergnano",
            "Torlino Vimercati",
            "Trescore Cremasco",
        ],
    ),
    (
        "Sub-ambito 3 (illustrativo)",
        [
            "Bagnolo Cremasco",
            "Campagnola Cremasca",
            "Capergnanica",
            "Chieve",
            "Crema",
            "Cremosano",
            "Pianengo",
            "Ricengo",
            "Vaiano Cremasco",
        ],
    ),
    (
        "Sub-ambito 4 (illustrativo)",
        [
            "Casaletto di Sopra",
            "Cumignano sul Naviglio",
            "Genivolta",
            "Offanengo",
            "Romanengo",
            "Soncino",
            "Ticengo",
        ],
    ),
    (
        "Sub-ambito 5 (illustrativo)",
        ["Castelleone", "Fiesco", "Gombito", "Izano", "Madignano", "Salvirola", "Trigolo"],
    ),
    (
        "Sub-ambito 6 (illustrativo)",
        [
            "Casaletto Ceredano",
            "Credera Rubbiano",
            "Montodine",
            "Moscazzano",
            "Ripalta Arpina",
            "Ripalta Cremasca",
            "Ripalta Guerina",
        ],
    ),
]
COMUNI = [comune for _name, comuni in SUBAREAS for comune in comuni]

# slug, name, description
ROLES = [
    ("coordinatore", "Coordinatore", "Coordina la rete e ne convoca le sedute."),
    ("referente", "Referente", "Referente di un ente o di un sub-ambito."),
    ("componente", "Componente", "Componente con diritto di parola e di voto."),
    ("osservatore", "Osservatore", "Partecipa senza diritto di voto."),
    ("segretario", "Segretario", "Verbalizza le sedute."),
    ("presidente", "Presidente", "Presiede l'organo."),
    ("delegato-del-sindaco", "Delegato del sindaco", "Siede al posto del sindaco, su delega."),
]

PUBLIC, THIRD, PRIVATE = "public", "third_sector", "private"
DISTRICT_AREA = "district"

# key, name, sector, kind, area ("district", a comune's name, or None)
BODIES = [
    ("ats", "ATS Val Padana", PUBLIC, "health_agency", None),
    ("asst", "ASST Crema", PUBLIC, "health_trust", DISTRICT_AREA),
    ("provincia", "Provincia di Cremona", PUBLIC, "province", None),
    ("regione", "Regione Lombardia", PUBLIC, "region", None),
    ("csc", "Comunità Sociale Cremasca", PUBLIC, "consortium", DISTRICT_AREA),
    ("donne", "Associazione Donne Contro la Violenza", THIRD, "association", DISTRICT_AREA),
    ("caritas", "Caritas Crema", THIRD, "caritas", DISTRICT_AREA),
    ("cisvol", "Cisvol", THIRD, "association", None),
    ("confcooperative", "Confcooperative", THIRD, "association", None),
    ("acli", "ACLI", THIRD, "patronage", "Crema"),
    ("fondazione", "Fondazione Comunitaria della Provincia di Cremona", THIRD, "foundation", None),
    ("ass-ponte", "Associazione Il Ponte (demo)", THIRD, "association", "Crema"),
    ("ass-genitori", "Associazione Genitori Insieme (demo)", THIRD, "association", "Pandino"),
    ("ass-anziani", "Associazione Anziani Attivi (demo)", THIRD, "association", "Soncino"),
    ("ass-trasporto", "Associazione Trasporto Amico (demo)", THIRD, "association", "Castelleone"),
    ("coop-seme", "Cooperativa sociale Il Seme (demo)", THIRD, "cooperative", "Crema"),
    ("coop-filo", "Cooperativa sociale Filo d'Arianna (demo)", THIRD, "cooperative", "Sergnano"),
    ("coop-lavoro", "Cooperativa sociale Lavoro e Comunità (demo)", THIRD, "cooperative", "Crema"),
    (
        "coop-casa",
        "Cooperativa sociale La Casa sul Serio (demo)",
        THIRD,
        "cooperative",
        "Montodine",
    ),
    (
        "coop-adda",
        "Cooperativa sociale Terre dell'Adda (demo)",
        THIRD,
        "cooperative",
        "Rivolta d'Adda",
    ),
    (
        "apl-cremasco",
        "Lavoro Cremasco, agenzia per il lavoro (demo)",
        PRIVATE,
        "employment_agency",
        None,
    ),
    ("apl-orizzonti", "Nuovi Orizzonti Lavoro (demo)", PRIVATE, "employment_agency", None),
    ("apl-adda", "Adda Impiego, agenzia per il lavoro (demo)", PRIVATE, "employment_agency", None),
]

# Fictitious people: key, name, public role mailbox.
# Whose name the public site never shows (Person.hidden_from_public).
HIDDEN_PEOPLE = {"contatto-operatrice"}
PEOPLE = [
    ("udp-coordinatrice", "Elena Bertolotti", "coordinamento.udp@example.org"),
    ("udp-segretario", "Marco Ferrandi", ""),
    ("ref-1", "Chiara Albergoni", ""),
    ("ref-2", "Paolo Guerini", ""),
    ("ref-3", "Silvia Marazzi", ""),
    ("ref-4", "Andrea Tolasi", ""),
    ("ref-5", "Laura Pedrinazzi", ""),
    ("ref-6", "Davide Scarpelli", ""),
    ("presidente-assemblea", "Giovanni Moretto", "presidenza.assemblea@example.org"),
    ("delegato-agnadello", "Franca Lupi", ""),
    ("delegato-casaletto-ceredano", "Roberto Cazzulani", ""),
    ("delegato-gombito", "Anna Vailati", ""),
    ("delegato-ticengo", "Luca Benelli", ""),
    ("cda-presidente", "Stefano Arpini", "presidenza@csc.example.org"),
    ("cda-1", "Marta Donzelli", ""),
    ("cda-2", "Giorgio Spinelli", ""),
    ("cda-3", "Paola Zucchetti", ""),
    ("cda-4", "Fabio Ogliari", ""),
    ("caritas-referente", "Teresa Manenti", "ascolto@caritas.example.org"),
    ("contatto-coordinatrice", "Valentina Oldrati", "coordinamento.contatto@example.org"),
    ("contatto-operatrice", "Sabrina Ghidotti", ""),
    ("legami-coordinatore", "Nicola Bonizzi", "farelegami@example.org"),
    ("amm-crema", "Giulia Riboli", ""),
    ("amm-pandino", "Massimo Ferla", ""),
    ("amm-rivolta", "Cristina Agostino", ""),
    ("amm-sergnano", "Alberto Gatti", ""),
    ("amm-capralba", "Sara Fusar", ""),
    ("amm-soncino", "Emanuele Brambini", ""),
    ("amm-romanengo", "Ilaria Dossena", ""),
    ("amm-castelleone", "Simone Patrini", ""),
    ("amm-montodine", "Federica Tessadori", ""),
    ("ass-donne", "Monica Cerioli", ""),
    ("ass-ponte", "Carlo Bianchessi", ""),
    ("ass-genitori", "Rita Zaninelli", ""),
    ("ass-anziani", "Pietro Lameri", ""),
    ("ass-trasporto", "Luisa Scotti", ""),
    ("coop-seme", "Matteo Carelli", ""),
    ("coop-filo", "Barbara Vanelli", ""),
    ("coop-lavoro", "Enrico Mariani", ""),
    ("coop-casa", "Daniela Bressanelli", ""),
    ("coop-adda", "Francesco Vighi", ""),
]

UDP_START = date(2015, 1, 1)  # Piano di Zona 2015-2017
SIA_START = date(2017, 1, 18)  # the UdP constituted the Tavolo SIA that day
AGENCIES_START = date(2017, 3, 22)  # not yet appointed at the 22 February meeting


def org(key):
    return ("organisation", key)


def comune(name):
    return ("organisation", f"comune:{slugify(name)}")


def person(key):
    return ("person", key)


def seat(key, member, role, *, body=None, area=None, start=None, end=None, reason=""):
    """A membership: ``start``/``end`` are dates, or ints counted in days from today."""
    return {
        "key": key,
        "member": member,
        "role": role,
        "body": body,
        "area": area,
        "start": start,
        "end": end,
        "reason": reason,
    }


REFERENT_COMUNI = ["Pandino", "Sergnano", "Crema", "Soncino", "Castelleone", "Montodine"]
ADMINISTRATOR_COMUNI = [
    ("amm-crema", "Crema"),
    ("amm-pandino", "Pandino"),
    ("amm-rivolta", "Rivolta d'Adda"),
    ("amm-sergnano", "Sergnano"),
    ("amm-capralba", "Capralba"),
    ("amm-soncino", "Soncino"),
    ("amm-romanengo", "Romanengo"),
    ("amm-castelleone", "Castelleone"),
    ("amm-montodine", "Montodine"),
]  # nine: the cohort needs ten
DELEGATES = {
    "Agnadello": "delegato-agnadello",
    "Casaletto Ceredano": "delegato-casaletto-ceredano",
    "Gombito": "delegato-gombito",
    "Ticengo": "delegato-ticengo",
}


def subarea(number):
    return SUBAREAS[number - 1][0]


def _referents(prefix, start):
    return [
        seat(
            f"{prefix}-ref-{n}",
            person(f"ref-{n}"),
            "referente",
            body=comune(name),
            area=subarea(n),
            start=start,
        )
        for n, name in enumerate(REFERENT_COMUNI, 1)
    ]


def _assembly():
    seats = [
        seat(
            "presidente",
            person("presidente-assemblea"),
            "presidente",
            body=comune("Crema"),
            start=-730,
        )
    ]
    for name in COMUNI:
        if name == "Crema":
            continue
        if name in DELEGATES:
            seats.append(
                seat(
                    f"delegato-{slugify(name)}",
                    person(DELEGATES[name]),
                    "delegato-del-sindaco",
                    body=comune(name),
                    start=-400,
                )
            )
        else:
            seats.append(seat(f"sindaco-{slugify(name)}", comune(name), "componente", start=-730))
    return seats


SEATS = {
    "ufficio-di-piano": [
        seat(
            "coordinatrice",
            person("udp-coordinatrice"),
            "coordinatore",
            body=comune("Crema"),
            start=UDP_START,
        ),
        seat(
            "segretario",
            person("udp-segretario"),
            "segretario",
            body=comune("Crema"),
            start=UDP_START,
        ),
        *_referents("udp", UDP_START),
        seat("ats", org("ats"), "componente", start=UDP_START),
        seat("asst", org("asst"), "componente", start=UDP_START),
    ],
    "comitato-ristretto": [
        seat(
            "presidente",
            person("presidente-assemblea"),
            "presidente",
            body=comune("Crema"),
            start=-730,
        ),
        *[
            seat(f"comune-{slugify(name)}", comune(name), "componente", start=-730)
            for name in ["Pandino", "Sergnano", "Soncino", "Castelleone", "Montodine"]
        ],
    ],
    "assemblea-dei-sindaci": _assembly(),
    "cda-comunita-sociale-cremasca": [
        seat(
            "presidente",
            person("cda-presidente"),
            "presidente",
            body=org("csc"),
            start=-500,
            end=595,
        ),
        *[
            seat(
                f"componente-{n}",
                person(f"cda-{n}"),
                "componente",
                body=org("csc"),
                start=-500,
                end=595,
            )
            for n in range(1, 5)
        ],
    ],
    "tavolo-sia": [
        seat("csc", org("csc"), "coordinatore", start=SIA_START),
        seat("provincia", org("provincia"), "componente", start=SIA_START),
        seat(
            "caritas",
            person("caritas-referente"),
            "referente",
            body=org("caritas"),
            start=SIA_START,
        ),
        *_referents("sia", SIA_START),
        seat("apl-cremasco", org("apl-cremasco"), "componente", start=AGENCIES_START),
        seat("apl-orizzonti", org("apl-orizzonti"), "componente", start=AGENCIES_START),
        # Ended 20 days ago and never closed: the expiry rule reports it.
        seat("apl-adda", org("apl-adda"), "componente", start=AGENCIES_START, end=-20),
        seat(
            "coop-seme",
            org("coop-seme"),
            "osservatore",
            start=AGENCIES_START,
            end=date(2019, 6, 30),
            reason="resigned",
        ),
    ],
    "rete-contatto": [
        seat(
            "coordinatrice",
            person("contatto-coordinatrice"),
            "coordinatore",
            body=org("donne"),
            start=-900,
        ),
        seat("donne", org("donne"), "componente", start=-900),
        # An anti-violence centre operator whose name is kept off the public site.
        seat(
            "operatrice",
            person("contatto-operatrice"),
            "referente",
            body=org("donne"),
            start=-300,
        ),
        seat("asst", org("asst"), "componente", start=-900),
        seat("ats", org("ats"), "osservatore", start=-600),
        # Sub-areas 4 and 6 have nobody: the coverage gaps the UdP noted.
        *[
            seat(f"comune-{slugify(name)}", comune(name), "componente", start=-900)
            for name in ["Crema", "Pandino", "Sergnano", "Castelleone"]
        ],
    ],
    "clac-cabina-di-regia": [
        seat("csc", org("csc"), "coordinatore", start=-200),
        seat("fondazione", org("fondazione"), "componente", start=-200),
        seat("comune-crema", comune("Crema"), "componente", start=-200),
    ],
    "fare-legami": [
        seat(
            "coordinatore",
            person("legami-coordinatore"),
            "coordinatore",
            body=org("csc"),
            start=-90,
            end=275,
        ),
        *[
            seat(key, person(key), "componente", body=comune(name), start=-90, end=275)
            for key, name in ADMINISTRATOR_COMUNI
        ],
        *[
            seat(key, person(key), "componente", body=org(body), start=-90, end=275)
            for key, body in [
                ("ass-donne", "donne"),
                ("ass-ponte", "ass-ponte"),
                ("ass-genitori", "ass-genitori"),
                ("ass-anziani", "ass-anziani"),
                ("ass-trasporto", "ass-trasporto"),
            ]
        ],
        *[
            seat(key, person(key), "componente", body=org(key), start=-90, end=275)
            for key in ["coop-seme", "coop-filo", "coop-lavoro", "coop-casa", "coop-adda"]
        ],
    ],
    "sportello-assistenti-familiari": [
        seat("acli", org("acli"), "referente", start=-300),
        seat("provincia", org("provincia"), "componente", start=-300),
        *[
            seat(f"comune-{slugify(name)}", comune(name), "componente", start=-300)
            for name in ["Crema", "Castelleone", "Soncino", "Rivolta d'Adda"]
        ],
    ],
}


def rule(kind, severity, label, **fields):
    return {"kind": kind, "severity": severity, "label": label, **fields}


RULES = {
    "ufficio-di-piano": [
        rule(
            "required_role",
            "high",
            "Coordinatore dell'Ufficio di Piano",
            role="coordinatore",
            min_count=1,
        ),
        rule("coverage", "medium", "Un referente per sub-ambito", role="referente", min_count=1),
        rule("attendance", "medium", "Assenze ripetute", absences=3, meetings=4),
        rule("expiry", "low", "Scadenze dei mandati", days=60),
    ],
    "comitato-ristretto": [
        rule("required_role", "high", "Presidente", role="presidente", min_count=1),
        rule("coverage", "medium", "Tutti i sub-ambiti", min_count=1),
    ],
    "assemblea-dei-sindaci": [
        rule("required_role", "high", "Presidente", role="presidente", min_count=1),
        rule(
            "quota",
            "high",
            "Un sindaco o un delegato per comune",
            organisation_kind="municipality",
            min_count=48,
            max_count=48,
        ),
        rule("coverage", "medium", "Tutti i sub-ambiti", min_count=1),
    ],
    "cda-comunita-sociale-cremasca": [
        rule("required_role", "high", "Presidente", role="presidente", min_count=1),
        rule("expiry", "medium", "Scadenza del mandato", days=60),
    ],
    "tavolo-sia": [
        rule(
            "required_member",
            "high",
            "CSC (servizio sociale distrettuale e SIL)",
            organisation="csc",
        ),
        rule(
            "required_member",
            "high",
            "Provincia (ufficio lavoro e formazione)",
            organisation="provincia",
        ),
        rule(
            "required_member",
            "medium",
            "Referente Caritas e centri di ascolto",
            organisation="caritas",
        ),
        rule("coverage", "high", "Un referente per sub-ambito", role="referente", min_count=1),
        rule(
            "quota",
            "medium",
            "Agenzie per il lavoro accreditate",
            organisation_kind="employment_agency",
            min_count=1,
        ),
        rule("expiry", "medium", "Scadenze dei mandati", days=60),
    ],
    "rete-contatto": [
        rule("coverage", "high", "Tutti i sub-ambiti", min_count=1),
        rule(
            "required_member", "high", "Associazione Donne Contro la Violenza", organisation="donne"
        ),
        rule(
            "required_role", "medium", "Coordinatrice della rete", role="coordinatore", min_count=1
        ),
    ],
    "fare-legami": [
        rule(
            "quota",
            "high",
            "Amministratori locali",
            organisation_kind="municipality",
            min_count=10,
            max_count=10,
        ),
        rule(
            "quota",
            "medium",
            "Responsabili di associazioni (indicati da Cisvol)",
            organisation_kind="association",
            min_count=5,
            max_count=5,
        ),
        rule(
            "quota",
            "medium",
            "Responsabili di cooperative (indicati da Confcooperative)",
            organisation_kind="cooperative",
            min_count=5,
            max_count=5,
        ),
        rule("coverage", "high", "Tutti i sub-ambiti", min_count=1),
    ],
    "sportello-assistenti-familiari": [
        rule("required_member", "high", "Patronato ACLI", organisation="acli"),
        rule("required_member", "medium", "Provincia (convenzione)", organisation="provincia"),
    ],
}

# Attendance at the demo meetings: network, meeting date, exceptions to "present".
# The UdP referent for sub-area 6 missed 3 of the last 4 meetings (the attendance rule).
ATTENDANCE = [
    ("ufficio-di-piano", date(2017, 1, 18), {"asst": "absent"}),
    ("ufficio-di-piano", date(2017, 2, 1), {"ats": "excused"}),
    ("ufficio-di-piano", date(2017, 2, 15), {"udp-ref-6": "absent"}),
    ("ufficio-di-piano", date(2017, 3, 1), {"udp-ref-6": "absent"}),
    ("ufficio-di-piano", date(2017, 3, 15), {"ats": "absent"}),
    ("ufficio-di-piano", date(2017, 3, 29), {"udp-ref-6": "absent", "udp-ref-4": "excused"}),
    ("tavolo-sia", date(2017, 2, 22), {}),
]

NETWORK_INDEX = {
    "title": "Reti",
    "slug": "reti",
    "intro": html(
        "Le reti di governance dell'ambito: chi siede in ciascun tavolo, per quale ente e "
        "per quale sub-ambito, e che cosa manca rispetto alle regole di composizione.",
        "Contenuti dimostrativi: enti inventati sono indicati con «(demo)» e i sei "
        "sub-ambiti sono un raggruppamento illustrativo dei 48 comuni.",
    ),
}

COORDINATOR = ("coordinatore", "coordinatore@example.org", "rete-contatto")


def popolo_id(kind, key):
    return f"demo:{kind}:{key}"


class RegistryLoader:
    """Loads the demo registry; every object already present (same popolo_id or name) is
    left alone."""

    def __init__(self, now, tally, networks):
        self.today = timezone.localdate(now)
        self.tally = tally
        self.networks = networks
        self.areas = {}
        self.bodies = {}
        self.people = {}
        self.roles = {}
        self.memberships = {}

    def run(self):
        self.load_areas()
        self.load_roles()
        self.load_bodies()
        self.load_people()
        self.load_memberships()
        self.load_rules()
        self.load_attendance()
        self.load_coordinator()

    def day(self, value):
        if isinstance(value, int):
            return self.today + timedelta(days=value)
        return value

    def find_or_create(self, model, kind, key, lookup, defaults):
        """The object with ``popolo_id`` demo:kind:key, else the one matching ``lookup``,
        else a new one."""
        identifier = popolo_id(kind, key)
        found = (
            model.objects.filter(popolo_id=identifier).first()
            or model.objects.filter(**lookup).first()
        )
        self.tally.note(str(model._meta.verbose_name_plural).capitalize(), found is None)
        if found is None:
            found = model.objects.create(popolo_id=identifier, **lookup, **defaults)
        return found

    def load_areas(self):
        from network.models import Area, AreaKind

        district = self.find_or_create(
            Area, "area", "crema", {"name": DISTRICT, "kind": AreaKind.DISTRICT}, {}
        )
        self.areas[DISTRICT_AREA] = district
        for number, (name, comuni) in enumerate(SUBAREAS, 1):
            sub = self.find_or_create(
                Area,
                "area",
                f"sub-ambito-{number}",
                {"name": name, "kind": AreaKind.SUBAREA},
                {"parent": district},
            )
            self.areas[name] = sub
            for comune_name in comuni:
                self.areas[comune_name] = self.find_or_create(
                    Area,
                    "area",
                    f"comune-{slugify(comune_name)}",
                    {"name": comune_name, "kind": AreaKind.MUNICIPALITY},
                    {"parent": sub},
                )

    def load_roles(self):
        from network.models import Role

        for slug, name, description in ROLES:
            role = Role.objects.filter(slug=slug).first() or Role.objects.filter(name=name).first()
            self.tally.note("Ruoli", role is None)
            if role is None:
                role = Role.objects.create(slug=slug, name=name, description=description)
            self.roles[slug] = role

    def load_bodies(self):
        from network.models import Organisation

        rows = [
            (f"comune:{slugify(name)}", f"Comune di {name}", PUBLIC, "municipality", name)
            for name in COMUNI
        ] + BODIES
        for key, name, sector, kind, area in rows:
            self.bodies[key] = self.find_or_create(
                Organisation,
                "organisation",
                key.replace(":", "-"),
                {"name": name},
                {"sector": sector, "kind": kind, "area": self.areas.get(area)},
            )

    def load_people(self):
        from network.models import Person

        for number, (key, name, role_email) in enumerate(PEOPLE, 1):
            self.people[key] = self.find_or_create(
                Person,
                "person",
                key,
                {"name": name},
                {
                    "role_email": role_email,
                    "private_email": f"{key}@esempio.invalid",
                    "private_phone": f"0000 {number:06d}",
                    "private_notes": "Persona fittizia: dati dimostrativi.",
                    "hidden_from_public": key in HIDDEN_PEOPLE,
                },
            )

    def load_memberships(self):
        from network.models import Membership

        for network_slug, seats in SEATS.items():
            network = self.networks[network_slug]
            for data in seats:
                key = f"{network_slug}:{data['key']}"
                identifier = popolo_id("membership", key)
                membership = Membership.objects.filter(popolo_id=identifier).first()
                self.tally.note("Appartenenze", membership is None)
                if membership is None:
                    kind, member_key = data["member"]
                    member = self.people[member_key] if kind == "person" else None
                    body = self.bodies[member_key] if kind == "organisation" else None
                    membership = Membership.objects.create(
                        network=network,
                        person=member,
                        organisation=body,
                        role=self.roles[data["role"]],
                        on_behalf_of=self.bodies[data["body"][1]] if data["body"] else None,
                        area=self.areas[data["area"]] if data["area"] else None,
                        start_date=self.day(data["start"]),
                        end_date=self.day(data["end"]),
                        end_reason=data["reason"],
                        popolo_id=identifier,
                    )
                self.memberships[key] = membership

    def load_rules(self):
        from network.models import CompositionRule

        for network_slug, rules in RULES.items():
            network = self.networks[network_slug]
            existing = set(
                CompositionRule.objects.filter(network=network).values_list("kind", "label")
            )
            for order, data in enumerate(rules):
                created = (data["kind"], data["label"]) not in existing
                self.tally.note("Regole di composizione", created)
                if not created:
                    continue
                fields = dict(data)
                if "role" in fields:
                    fields["role"] = self.roles[fields["role"]]
                if "organisation" in fields:
                    fields["organisation"] = self.bodies[fields["organisation"]]
                CompositionRule.objects.create(network=network, sort_order=order, **fields)

    def load_attendance(self):
        from cms.models import MinutesPage
        from network.models import Attendance

        for network_slug, day, exceptions in ATTENDANCE:
            network = self.networks[network_slug]
            meeting = MinutesPage.objects.filter(meeting_body=network, meeting_date=day).first()
            if meeting is None:
                continue
            for key, membership in self.memberships.items():
                slug, seat_key = key.split(":", 1)
                if slug != network_slug or not membership.is_active_on(day):
                    continue
                status = exceptions.get(seat_key, "present")
                _attendance, created = Attendance.objects.get_or_create(
                    meeting=meeting, membership=membership, defaults={"status": status}
                )
                self.tally.note("Presenze", created)

    def load_coordinator(self):
        """A demo user who coordinates Rete ConTatto only."""
        from django.contrib.auth import get_user_model

        from network.coordinators import ensure_coordinator_group

        username, email, network_slug = COORDINATOR
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        self.tally.note("Utenti", user is None)
        if user is None:
            user = User.objects.create_user(username, email, PASSWORD, is_staff=True)
        user.groups.add(ensure_coordinator_group(self.networks[network_slug]))


def load_registry(now, tally, networks):
    RegistryLoader(now, tally, networks).run()
