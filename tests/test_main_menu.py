"""The main menu as AgID's municipal site model asks (audits C.SI.1.6 and C.SI.1.7): the
first-level entries and their hooks, the second-level entries of each section page and their
titles, the "Vivere" page's places and events, and the active entry of pages that a section
lists from elsewhere in the tree."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from cms.models import (
    EventsPage,
    MenuSectionLink,
    MenuSectionPage,
    PlacesPage,
    ServiceIndexPage,
    StandardPage,
)
from tests.agid_validator import SERVICE_TITLES
from tests.factories import CallPageFactory, add_published, republish
from tests.registry_factories import AreaFactory, SubareaFactory

# The validator's own lists (pa-website-validator-ng, src/audits/municipality_menu/menuItems.ts).
FIRST_LEVEL = [
    ("management", re.compile(r"^Amministrazione$", re.I)),
    ("news", re.compile(r"^Novità$", re.I)),
    ("all-services", re.compile(r"^Servizi$", re.I)),
    ("live", re.compile(r"^Vivere ", re.I)),
]
SECOND_LEVEL = {
    "management-category-link": {
        "aree amministrative",
        "documenti e dati",
        "enti e fondazioni",
        "organi di governo",
        "personale amministrativo",
        "politici",
        "uffici",
    },
    "news-category-link": {"avvisi", "comunicati", "notizie"},
    "service-category-link": SERVICE_TITLES,
}
HOOKED_LINK = re.compile(
    r'<a\s[^>]*?href="([^"]+)"[^>]*?data-element="([a-z-]+)"[^>]*>(.*?)</a>', re.S
)


def hooked_links(html, hooks):
    """(hook, href, text) of every link carrying one of ``hooks``, in page order."""
    found = []
    for href, hook, inner in HOOKED_LINK.findall(html):
        if hook in hooks:
            found.append((hook, href, re.sub(r"<[^>]+>", "", inner).strip()))
    return found


def menu_of(html):
    return html.split('id="main-nav"')[1].split("</nav>")[0]


class TestTheDemoMenu(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", verbosity=0)

    def get(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, url
        return response.content.decode()

    def test_the_first_level_is_the_models_four_entries_in_order_and_nothing_else(self):
        html = self.get("/")
        hooks = [hook for hook, _ in FIRST_LEVEL] + ["custom-submenu"]
        entries = hooked_links(html, hooks)

        assert [hook for hook, _, _ in entries] == [hook for hook, _ in FIRST_LEVEL]
        for (hook, href, text), (_, pattern) in zip(entries, FIRST_LEVEL, strict=True):
            assert pattern.match(text), (hook, text)
            assert href.startswith("/") and not href.startswith("//"), href
            assert self.client.get(href).status_code == 200
        # Only the header carries the hooks: the footer's list of sections has none.
        assert len(hooked_links(menu_of(html), hooks)) == 4

    def test_every_second_level_title_is_one_of_the_models(self):
        home = self.get("/")
        for hook, href, _ in hooked_links(home, ["management", "news", "all-services"]):
            category_hook = {
                "management": "management-category-link",
                "news": "news-category-link",
                "all-services": "service-category-link",
            }[hook]
            entries = hooked_links(self.get(href), [category_hook])
            assert entries, hook
            for _, target, text in entries:
                assert text.lower() in SECOND_LEVEL[category_hook], (hook, text)
                assert self.client.get(target).status_code == 200, target

    def test_the_live_page_leads_to_its_places_and_its_events(self):
        ((_, live, _),) = hooked_links(self.get("/"), ["live"])
        buttons = {
            hook: href
            for hook, href, _ in hooked_links(
                self.get(live), ["live-button-locations", "live-button-events"]
            )
        }

        places = self.get(buttons["live-button-locations"])
        events = self.get(buttons["live-button-events"])
        assert "Sub-ambito 1 (illustrativo)" in places and "Crema" in places
        assert "Prossimi eventi" in events and 'href="/calendario.ics"' in events

    def test_a_page_listed_by_a_section_lights_up_that_section(self):
        minutes = self.get("/verbali/")  # Amministrazione > Documenti e dati > Verbali
        calls = self.get("/bandi/")  # Novità > Avvisi, and deeper under Amministrazione

        assert 'class="nav-link active" href="/amministrazione/"' in menu_of(minutes)
        assert 'class="nav-link active" href="/novita/"' in menu_of(calls)
        assert menu_of(calls).count("nav-link active") == 1
        assert 'aria-current="page"' not in menu_of(calls)
        assert 'aria-current="page"' in menu_of(self.get("/novita/"))

    def test_the_home_page_explores_the_menu_entries_and_their_entries(self):
        explore = self.get("/").split('id="sezioni"')[1].split("</section>")[0]
        titles = re.findall(r'<h3 class="card-title h5"><a href="([^"]+)">([^<]+)</a>', explore)
        assert [title for _, title in titles] == [
            "Amministrazione",
            "Novità",
            "Servizi",
            "Vivere il Cremasco",
        ]
        for label in ("Organi di governo", "Documenti e dati", "Avvisi", "Luoghi", "Eventi"):
            assert f">{label}</a>" in explore, label
        # No hooks here: the validator counts only the header's entries.
        assert "data-element" not in explore

    def test_the_former_entries_stay_reachable_from_the_sections(self):
        administration = self.get("/amministrazione/")
        for path in ("/reti/", "/chi-siamo/", "/piani/", "/verbali/", "/bandi/"):
            assert f'href="{path}"' in administration, path

    def test_loading_the_demo_again_keeps_the_menu(self):
        call_command("load_demo", verbosity=0)
        html = self.get("/")
        assert [
            hook
            for hook, _, _ in hooked_links(
                html, ["management", "news", "all-services", "live", "custom-submenu"]
            )
        ] == [hook for hook, _ in FIRST_LEVEL]
        assert MenuSectionPage.objects.filter(slug="amministrazione").count() == 1


@pytest.mark.django_db
def test_an_extra_entry_is_marked_as_such(client, home):
    add_published(
        home,
        MenuSectionPage(
            title="Amministrazione",
            slug="amministrazione",
            model_entry="management",
            show_in_menus=True,
        ),
    )
    add_published(home, StandardPage(title="Chi siamo", slug="chi-siamo", show_in_menus=True))
    add_published(home, ServiceIndexPage(title="Servizi", slug="servizi", show_in_menus=True))

    html = client.get("/").content.decode()
    assert [
        (hook, text)
        for hook, _, text in hooked_links(html, ["management", "custom-submenu", "all-services"])
    ] == [
        ("management", "Amministrazione"),
        ("custom-submenu", "Chi siamo"),
        ("all-services", "Servizi"),
    ]


@pytest.mark.django_db
def test_a_new_entry_of_a_section_changes_its_page_and_the_active_entry(client, home):
    target = add_published(home, StandardPage(title="Organigramma", slug="organigramma"))
    section = add_published(
        home,
        MenuSectionPage(
            title="Amministrazione",
            slug="amministrazione",
            model_entry="management",
            show_in_menus=True,
        ),
    )
    assert "nav-link active" not in menu_of(client.get("/organigramma/").content.decode())

    section.section_links = [MenuSectionLink(link_page=target, title="Uffici")]
    republish(section)

    page = client.get("/amministrazione/").content.decode()
    assert hooked_links(page, ["management-category-link"]) == [
        ("management-category-link", "/organigramma/", "Uffici")
    ]
    menu = menu_of(client.get("/organigramma/").content.decode())
    assert 'class="nav-link active" href="/amministrazione/"' in menu


@pytest.mark.django_db
def test_a_link_to_the_home_page_does_not_swallow_the_site(client, home):
    other = add_published(home, StandardPage(title="Chi siamo", slug="chi-siamo"))
    section = add_published(
        home, MenuSectionPage(title="Novità", slug="novita", model_entry="news", show_in_menus=True)
    )
    section.section_links = [MenuSectionLink(link_page=home, title="Home")]
    republish(section)

    assert "nav-link active" not in menu_of(client.get("/chi-siamo/").content.decode())
    assert other.live


@pytest.mark.django_db
def test_a_places_or_events_role_belongs_to_the_live_section_only(home):
    section = add_published(
        home, MenuSectionPage(title="Novità", slug="novita", model_entry="news")
    )
    link = MenuSectionLink(page=section, link_page=home, live_role="places")
    with pytest.raises(ValidationError) as refused:
        link.full_clean()
    assert "live_role" in refused.value.message_dict


@pytest.mark.django_db
def test_the_places_page_lists_the_sub_areas_and_their_comuni(client, home):
    district = AreaFactory(name="Ambito di prova", kind="district")
    north = SubareaFactory(name="Sub-ambito Nord", parent=district)
    AreaFactory(name="Comune Alto", kind="municipality", parent=north)
    AreaFactory(name="Comune Sparso", kind="municipality", parent=district)
    add_published(home, PlacesPage(title="Luoghi", slug="luoghi"))

    html = client.get("/luoghi/").content.decode()
    assert html.index("Sub-ambito Nord") < html.index("Comune Alto")
    assert html.index("Altri comuni") < html.index("Comune Sparso")


@pytest.mark.django_db
def test_the_events_page_shows_coming_deadlines_and_recent_ones(client, home, call_index):
    now = timezone.now()
    CallPageFactory(
        parent=call_index, title="Bando futuro", application_deadline=now + timedelta(days=10)
    )
    CallPageFactory(
        parent=call_index, title="Bando appena chiuso", application_deadline=now - timedelta(days=3)
    )
    CallPageFactory(
        parent=call_index, title="Bando vecchio", application_deadline=now - timedelta(days=90)
    )
    add_published(home, EventsPage(title="Eventi", slug="eventi"))

    html = client.get("/eventi/").content.decode()
    coming, recent = html.split("Prossimi eventi")[1].split("Eventi degli ultimi giorni")
    assert "Scadenza bando: Bando futuro" in coming and "Bando appena chiuso" not in coming
    assert "Scadenza bando: Bando appena chiuso" in recent
    assert "Bando vecchio" not in html
