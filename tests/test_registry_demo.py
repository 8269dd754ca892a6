"""The demo registry: the district's area tree, bodies, fictitious people and seats, the
gaps it is built to show (and only those), attendance on the demo minutes, the coordinator
user, and a second load that creates nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from cms.demo import DemoLoader
from cms.models import MinutesPage
from network.coordinators import coordinated_network_ids
from network.gaps import find_gaps
from network.models import (
    Area,
    AreaKind,
    Attendance,
    CompositionRule,
    Membership,
    Network,
    NetworkIndexPage,
    Organisation,
    Person,
    Role,
)

# The 48 comuni of the Crema district, as the district's records list them.
# fmt: off
COMUNI = {
    "Agnadello", "Bagnolo Cremasco", "Camisano", "Campagnola Cremasca", "Capergnanica",
    "Capralba", "Casale Cremasco-Vidolasco", "Casaletto Ceredano", "Casaletto di Sopra",
    "Casaletto Vaprio", "Castel Gabbiano", "Castelleone", "Chieve", "Crema",
    "Credera Rubbiano", "Cremosano", "Cumignano sul Naviglio", "Dovera", "Fiesco",
    "Genivolta", "Gombito", "Izano", "Madignano", "Monte Cremasco", "Montodine",
    "Moscazzano", "Offanengo", "Palazzo Pignano", "Pandino", "Pianengo", "Pieranica",
    "Quintano", "Ricengo", "Ripalta Arpina", "Ripalta Cremasca", "Ripalta Guerina",
    "Rivolta d'Adda", "Romanengo", "Salvirola", "Sergnano", "Soncino", "Spino d'Adda",
    "Ticengo", "Torlino Vimercati", "Trescore Cremasco", "Trigolo", "Vaiano Cremasco",
    "Vailate",
}
# fmt: on

COUNTED = [Area, Organisation, Person, Role, Membership, CompositionRule, Attendance]


def counts():
    models = [*COUNTED, get_user_model(), NetworkIndexPage]
    return {model.__name__: model.objects.count() for model in models}


def gaps_by_network(as_of=None):
    found = {}
    for gap in find_gaps(as_of):
        found.setdefault(gap.network, []).append(gap)
    return found


def expected_gaps(gaps):
    """The demo's gaps, as (network, rule, what) triples."""
    return sorted(
        (
            gap.network,
            gap.rule,
            gap.missing.get("area") or gap.missing.get("quota") or gap.missing.get("member") or "",
        )
        for network_gaps in gaps.values()
        for gap in network_gaps
    )


DEMO_GAPS = [
    ("fare-legami", "quota", "Amministratori locali"),
    ("rete-contatto", "coverage", "Sub-ambito 4 (illustrativo)"),
    ("rete-contatto", "coverage", "Sub-ambito 6 (illustrativo)"),
    ("tavolo-sia", "expiry", "Adda Impiego, agenzia per il lavoro (demo)"),
    ("ufficio-di-piano", "attendance", "Referente per Comune di Montodine"),
]


class TestTheDemoRegistry(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", verbosity=0)

    def test_loading_the_demo_twice_creates_nothing_new(self):
        first = counts()
        call_command("load_demo", verbosity=0)
        assert counts() == first
        assert all(count > 0 for count in first.values()), first

    def test_the_area_tree_is_the_district_six_illustrative_sub_areas_and_48_comuni(self):
        district = Area.objects.get(kind=AreaKind.DISTRICT)
        subareas = list(Area.objects.filter(kind=AreaKind.SUBAREA))
        comuni = Area.objects.filter(kind=AreaKind.MUNICIPALITY)

        assert district.name == "Ambito distrettuale di Crema"
        assert len(subareas) == 6
        assert all(area.parent_id == district.pk for area in subareas)
        assert all("illustrativo" in area.name for area in subareas)
        assert set(comuni.values_list("name", flat=True)) == COMUNI
        assert {area.parent_id for area in comuni} == {area.pk for area in subareas}

    def test_every_comune_has_its_organisation_in_its_area(self):
        comuni = Organisation.objects.filter(kind="municipality").select_related("area")
        assert {body.area.name for body in comuni} == COMUNI
        assert all(body.name == f"Comune di {body.area.name}" for body in comuni)

    def test_the_demo_shows_exactly_the_gaps_it_is_built_for(self):
        assert expected_gaps(gaps_by_network()) == DEMO_GAPS

    def test_rete_contatto_misses_two_sub_areas(self):
        gaps = gaps_by_network()["rete-contatto"]
        assert sorted(gap.missing["area"] for gap in gaps if gap.rule == "coverage") == [
            "Sub-ambito 4 (illustrativo)",
            "Sub-ambito 6 (illustrativo)",
        ]

    def test_the_training_cohort_is_one_administrator_short(self):
        (gap,) = gaps_by_network()["fare-legami"]
        assert (gap.rule, gap.missing["found"], gap.missing["min"]) == ("quota", 9, 10)
        assert "9 su 10" in gap.message

    def test_tavolo_sia_has_an_expired_membership_never_closed(self):
        (gap,) = gaps_by_network()["tavolo-sia"]
        membership = Membership.objects.get(pk=gap.missing["membership"])
        assert gap.missing["state"] == "expired"
        assert membership.end_date < timezone.localdate()
        assert membership.end_reason == ""

    def test_attendance_is_recorded_on_the_demo_minutes_and_is_valid(self):
        recorded = Attendance.objects.select_related("meeting", "membership")
        assert recorded.exists()
        assert {a.meeting.meeting_body.slug for a in recorded} == {
            "ufficio-di-piano",
            "tavolo-sia",
        }
        for attendance in recorded:
            attendance.full_clean()
        udp_minutes = MinutesPage.objects.filter(meeting_body__slug="ufficio-di-piano")
        assert all(minutes.attendance.exists() for minutes in udp_minutes)

    def test_every_demo_membership_and_rule_is_valid(self):
        for membership in Membership.objects.all():
            membership.full_clean()
        for rule in CompositionRule.objects.all():
            rule.full_clean()

    def test_people_are_fictitious_with_reserved_private_contacts(self):
        for person in Person.objects.all():
            assert person.private_email.endswith("@esempio.invalid"), person.private_email
            assert person.private_phone.startswith("0000"), person.private_phone
            assert person.role_email == "" or person.role_email.endswith("example.org")

    def test_invented_bodies_say_they_are_demo_data(self):
        invented = Organisation.objects.filter(kind__in=["cooperative", "employment_agency"])
        assert invented.exists()
        assert all(body.name.endswith("(demo)") for body in invented)

    def test_the_coordinatore_user_coordinates_only_rete_contatto(self):
        user = get_user_model().objects.get(username="coordinatore")
        rete = Network.objects.get(slug="rete-contatto")

        assert user.is_staff and not user.is_superuser
        assert user.check_password("demo-admin-2026")
        assert user.groups.filter(pk=rete.coordinators_id).exists()
        assert coordinated_network_ids(user) == {rete.pk}

    def test_the_anti_violence_operator_is_listed_without_her_name(self):
        html = self.client.get("/reti/rete-contatto/").content.decode()
        api = self.client.get("/api/v3/registry/networks/rete-contatto/").content.decode()

        assert "Valentina Oldrati" in html and "Valentina Oldrati" in api
        assert "Referente per Associazione Donne" in html
        assert "Sabrina Ghidotti" not in html and "Sabrina Ghidotti" not in api

    def test_the_networks_page_is_reached_from_the_menu_and_lists_every_network(self):
        index = NetworkIndexPage.objects.get()
        assert index.live and index.url == "/reti/"
        # The menu's "Amministrazione" lists it as the model's "Organi di governo".
        administration = self.client.get("/amministrazione/").content.decode()
        assert 'href="/reti/" data-element="management-category-link">Organi di governo' in (
            administration
        )

        html = self.client.get("/reti/").content.decode()
        for slug in Network.objects.values_list("slug", flat=True):
            assert f'href="/reti/{slug}/"' in html
            assert self.client.get(f"/reti/{slug}/").status_code == 200


@pytest.mark.django_db
def test_the_demo_gaps_stay_the_same_when_loaded_later():
    later = timezone.now() + timedelta(days=400)

    DemoLoader(later).run()

    gaps = gaps_by_network(timezone.localdate(later))
    assert expected_gaps(gaps) == DEMO_GAPS
