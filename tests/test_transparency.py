"""Amministrazione trasparente (transparency/): the official tree made by the migration, the
sections that fill themselves (registry, calls, plan acts, grants), grants and the rule of
art. 26 c. 4 D.Lgs. 33/2013 (a beneficiary whose grant reveals hardship is published by
protocol number only), validation, query counts and who may do what."""

import html
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from cms.models import CallIndexPage, CallType, PlanApprovalStep, PlanIndexPage
from network.models import NetworkKind
from tests.factories import CallPageFactory, NetworkFactory, PlanPageFactory, add_published
from tests.registry_factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
)
from transparency import public, sections
from transparency.models import Grant, TransparencyIndexPage, TransparencySectionPage
from transparency.tree import ensure_tree

pytestmark = pytest.mark.django_db

# The official first level, in the order of the annex, and the sub-sections we fill.
FIRST_LEVEL = [
    ("Disposizioni generali", "disposizioni-generali"),
    ("Organizzazione", "organizzazione"),
    ("Consulenti e collaboratori", "consulenti-e-collaboratori"),
    ("Personale", "personale"),
    ("Bandi di concorso", "bandi-di-concorso"),
    ("Performance", "performance"),
    ("Enti controllati", "enti-controllati"),
    ("Attività e procedimenti", "attivita-e-procedimenti"),
    ("Provvedimenti", "provvedimenti"),
    ("Controlli sulle imprese", "controlli-sulle-imprese"),
    ("Bandi di gara e contratti", "bandi-di-gara-e-contratti"),
    (
        "Sovvenzioni, contributi, sussidi, vantaggi economici",
        "sovvenzioni-contributi-sussidi-vantaggi-economici",
    ),
    ("Bilanci", "bilanci"),
    ("Beni immobili e gestione patrimonio", "beni-immobili-e-gestione-patrimonio"),
    ("Controlli e rilievi sull'amministrazione", "controlli-e-rilievi-sullamministrazione"),
    ("Servizi erogati", "servizi-erogati"),
    ("Pagamenti dell'amministrazione", "pagamenti-dellamministrazione"),
    ("Opere pubbliche", "opere-pubbliche"),
    ("Pianificazione e governo del territorio", "pianificazione-e-governo-del-territorio"),
    ("Informazioni ambientali", "informazioni-ambientali"),
    ("Strutture sanitarie private accreditate", "strutture-sanitarie-private-accreditate"),
    ("Interventi straordinari e di emergenza", "interventi-straordinari-e-di-emergenza"),
    ("Altri contenuti", "altri-contenuti"),
]
SECOND_LEVEL = {
    "organizzazione": [
        (
            "Titolari di incarichi politici, di amministrazione, di direzione o di governo",
            "titolari-di-incarichi-politici-di-amministrazione-di-direzione-o-di-governo",
        ),
        ("Articolazione degli uffici", "articolazione-degli-uffici"),
    ],
    "provvedimenti": [
        ("Provvedimenti organi indirizzo politico", "provvedimenti-organi-indirizzo-politico")
    ],
    "sovvenzioni-contributi-sussidi-vantaggi-economici": [
        ("Criteri e modalità", "criteri-e-modalita"),
        ("Atti di concessione", "atti-di-concessione"),
    ],
}
BASE = "/amministrazione-trasparente/"
GOVERNING = BASE + "organizzazione/" + SECOND_LEVEL["organizzazione"][0][1] + "/"
OFFICES = BASE + "organizzazione/articolazione-degli-uffici/"
CONTRACTS = BASE + "bandi-di-gara-e-contratti/"
SUBSIDIES = BASE + "sovvenzioni-contributi-sussidi-vantaggi-economici/"
CRITERIA = SUBSIDIES + "criteri-e-modalita/"
GRANTS = SUBSIDIES + "atti-di-concessione/"
ACTS = BASE + "provvedimenti/provvedimenti-organi-indirizzo-politico/"

PROTECTED = "Rosina Riservatissima"


@pytest.fixture(autouse=True)
def no_response_cache(settings):
    settings.PAGE_RESPONSE_CACHE = False
    settings.API_RESPONSE_CACHE = False


def titles_and_slugs(page):
    return [(child.title, child.slug) for child in page.get_children().order_by("path")]


def make_grant(**fields):
    values = {
        "beneficiary_kind": "organisation",
        "beneficiary_name": "Cooperativa Aurora",
        "beneficiary_tax_code": "01234567890",
        "reveals_hardship": False,
        "amount": Decimal("1500.00"),
        "granted_on": date(2025, 3, 1),
        "legal_basis": "Determina n. 1/2025",
        "office": "Ufficio di Piano",
        "official": "Responsabile dell'Ufficio di Piano",
        "selection_method": "Avviso pubblico",
        **fields,
    }
    grant = Grant(**values)
    grant.full_clean()
    grant.save()
    grant.save_revision().publish()
    return grant


def protected_grant(**fields):
    return make_grant(
        beneficiary_kind="person",
        beneficiary_name=PROTECTED,
        beneficiary_tax_code="",
        reveals_hardship=True,
        protocol_number="2025/0001234",
        **fields,
    )


# --------------------------------------------------------------------------- the tree


def test_the_migration_builds_the_official_tree_under_the_home_page(home):
    index = TransparencyIndexPage.objects.get()
    assert index.get_parent().pk == home.pk
    assert (index.title, index.slug, index.live) == (
        "Amministrazione trasparente",
        "amministrazione-trasparente",
        True,
    )
    assert titles_and_slugs(index) == FIRST_LEVEL
    for slug, children in SECOND_LEVEL.items():
        assert titles_and_slugs(index.get_children().get(slug=slug)) == children
    assert Page.find_problems() == ([], [], [], [], [])
    assert TransparencySectionPage.objects.live().count() == len(FIRST_LEVEL) + 5


def test_the_migration_marks_the_sections_that_fill_themselves():
    automatic = dict(TransparencySectionPage.objects.values_list("slug", "automatic_content"))
    assert automatic[
        "titolari-di-incarichi-politici-di-amministrazione-di-direzione-o-di-governo"
    ] == (sections.GOVERNING_BODIES)
    assert automatic["articolazione-degli-uffici"] == sections.OFFICES
    assert automatic["bandi-di-gara-e-contratti"] == sections.CONTRACT_CALLS
    assert automatic["criteri-e-modalita"] == sections.GRANT_CALLS
    assert automatic["atti-di-concessione"] == sections.GRANTS
    assert automatic["provvedimenti-organi-indirizzo-politico"] == sections.PLAN_ACTS
    assert automatic["bilanci"] == ""


def test_the_migration_does_nothing_twice_nor_without_a_site():
    from importlib import import_module

    migration = import_module("transparency.migrations.0002_official_sections")
    pages = Page.objects.count()
    migration.create_sections(django_apps, None)
    assert Page.objects.count() == pages

    Page.objects.filter(pk=TransparencyIndexPage.objects.get().pk).delete()
    Site.objects.all().delete()
    migration.create_sections(django_apps, None)
    assert not TransparencyIndexPage.objects.exists()


def test_ensure_tree_rebuilds_a_missing_section_and_leaves_existing_pages_alone(home):
    index = TransparencyIndexPage.objects.get()
    bilanci = index.get_children().get(slug="bilanci").specific
    bilanci.intro = "Scritto dalla redazione."
    bilanci.save_revision().publish()
    index.get_children().get(slug="organizzazione").delete()

    _, created = ensure_tree(home)
    assert created == 3
    assert titles_and_slugs(TransparencyIndexPage.objects.get()) == FIRST_LEVEL
    assert TransparencySectionPage.objects.get(slug="bilanci").intro == "Scritto dalla redazione."
    assert ensure_tree(home)[1] == 0
    assert Page.find_problems() == ([], [], [], [], [])


def test_ensure_tree_builds_everything_under_a_home_made_after_the_migration(home):
    Page.objects.filter(pk=TransparencyIndexPage.objects.get().pk).delete()
    index, created = ensure_tree(home)
    assert created == 1 + len(FIRST_LEVEL) + 5
    assert index.get_parent().pk == home.pk
    assert index.get_latest_revision() is not None  # a real, published revision


def test_the_section_is_public_indexable_and_easy_to_find(client):
    response = client.get(BASE)
    text = response.content.decode()
    assert response.status_code == 200
    assert "noindex" not in text
    assert (
        'class="breadcrumb-container"' in text
        and 'aria-current="page">Amministrazione trasparente<' in text
    )
    for label, slug in FIRST_LEVEL:
        assert f'href="{BASE}{slug}/">{html.escape(label)}</a>' in text
    assert public.section_page().url == BASE
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{BASE}</loc>" in sitemap and f"{GRANTS}</loc>" in sitemap


def test_the_section_is_found_by_the_search_once_indexed(client):
    call_command("update_index", stdout=io.StringIO())
    response = client.get("/search/", {"q": "Amministrazione trasparente"})
    assert BASE in response.content.decode()


# --------------------------------------------------------------------------- registry


def test_governing_bodies_show_members_and_roles_without_contacts(client):
    assembly = NetworkFactory(name="Assemblea dei Sindaci", kind=NetworkKind.ASSEMBLY)
    table = NetworkFactory(name="Tavolo Anziani", kind=NetworkKind.TABLE)
    president = RoleFactory(name="Presidente", slug="presidente")
    person = PersonFactory(
        name="Giovanni Moretto",
        role_email="presidenza@example.org",
        private_email="giovanni@privato.example",
        private_phone="+39 333 123 4567",
    )
    MembershipFactory(network=assembly, person=person, role=president)
    MembershipFactory(network=table, person=PersonFactory(name="Lucia Tavolo"))
    MembershipFactory(
        network=assembly,
        person=PersonFactory(name="Ex Presidente"),
        role=president,
        start_date=date(2010, 1, 1),
        end_date=date(2015, 1, 1),
        end_reason="term",
    )

    text = client.get(GOVERNING).content.decode()
    assert "Assemblea dei Sindaci" in text and "Giovanni Moretto" in text and "Presidente" in text
    assert "Lucia Tavolo" not in text  # a table is an office, not a governing body
    assert "Ex Presidente" not in text  # not in office
    for contact in ("presidenza@example.org", "giovanni@privato.example", "333 123 4567"):
        assert contact not in text
    assert "Lucia Tavolo" in client.get(OFFICES).content.decode()


def test_a_hidden_person_is_shown_by_role_and_body_only(client):
    network = NetworkFactory(name="Rete antiviolenza", kind=NetworkKind.NETWORK)
    body = OrganisationFactory(name="Centro antiviolenza")
    role = RoleFactory(name="Referente", slug="referente")
    hidden = PersonFactory(name="Operatrice Nascosta", hidden_from_public=True)
    MembershipFactory(network=network, person=hidden, role=role, on_behalf_of=body)

    text = client.get(OFFICES).content.decode()
    assert "Operatrice" not in text and "Nascosta" not in text
    assert "Referente per Centro antiviolenza" in text


# --------------------------------------------------------------------------- calls and plans


def test_calls_are_listed_by_type_in_their_sections(client, home):
    calls = add_published(home, CallIndexPage(title="Bandi", slug="bandi"))
    now = timezone.now()
    CallPageFactory(
        parent=calls,
        title="Contributi affitto",
        call_type=CallType.GRANTS,
        opening=now - timedelta(days=3),
        application_deadline=now + timedelta(days=10),
    )
    CallPageFactory(
        parent=calls, title="Servizio mensa", call_type=CallType.SUPPLIES, cig="A1B2C3D4E5"
    )
    CallPageFactory(parent=calls, title="Co-progettazione ADI", call_type=CallType.CO_DESIGN)

    contracts = client.get(CONTRACTS).content.decode()
    criteria = client.get(CRITERIA).content.decode()
    assert "Servizio mensa" in contracts and "A1B2C3D4E5" in contracts
    assert "Co-progettazione ADI" in contracts and "Contributi affitto" not in contracts
    assert "Acquisizione di beni e servizi" in contracts and "Co-progettazione" in contracts
    assert "Contributi affitto" in criteria and "Servizio mensa" not in criteria
    assert "Aperto" in criteria


def test_plan_approval_acts_are_listed_as_provvedimenti(client, home):
    plans = add_published(home, PlanIndexPage(title="Piani", slug="piani"))
    assembly = NetworkFactory(name="Assemblea dei Sindaci", kind=NetworkKind.ASSEMBLY)
    PlanPageFactory(
        parent=plans,
        title="Piano Operativo 2026",
        approval_steps=[
            PlanApprovalStep(
                body=assembly, date=date(2026, 4, 20), act_reference="Delibera n. 3/2026"
            )
        ],
    )
    text = client.get(ACTS).content.decode()
    assert "Delibera n. 3/2026" in text and "Piano Operativo 2026" in text and "20/04/2026" in text


# --------------------------------------------------------------------------- grants


def test_grants_are_listed_by_year_with_totals(client):
    make_grant(amount=Decimal("1000.50"), granted_on=date(2025, 2, 1))
    make_grant(
        beneficiary_name="Associazione Bice", amount=Decimal("2000.00"), granted_on=date(2025, 6, 1)
    )
    make_grant(
        beneficiary_name="Fondazione Carla", amount=Decimal("700.00"), granted_on=date(2024, 6, 1)
    )
    draft = make_grant(beneficiary_name="Bozza Non Pubblicata")
    draft.unpublish()

    text = client.get(GRANTS).content.decode()
    assert text.index("Anno 2025") < text.index("Anno 2024")
    assert "€ 3.000,50" in text and "€ 700,00" in text
    assert "Associazione Bice" in text and "01234567890" in text
    assert "Bozza Non Pubblicata" not in text


def test_a_person_s_tax_data_is_never_recorded():
    with pytest.raises(ValidationError) as error:
        make_grant(beneficiary_kind="person", beneficiary_tax_code="RSSMRA80A01H501U")
    assert "dati fiscali" in str(error.value)


def test_a_hardship_grant_shows_only_its_protocol_number(client):
    grant = protected_grant()
    assert grant.public_beneficiary == "Beneficiario tutelato, protocollo n. 2025/0001234"
    text = client.get(GRANTS).content.decode()
    assert "2025/0001234" in text
    assert PROTECTED not in text and "Riservatissima" not in text


def test_the_protected_name_appears_nowhere_public(client, home):
    calls = add_published(home, CallIndexPage(title="Bandi", slug="bandi"))
    call = CallPageFactory(parent=calls, title="Contributi FNA", call_type=CallType.GRANTS)
    protected_grant(call=call)
    call_command("update_index", stdout=io.StringIO())

    urls = [page.url for page in Page.objects.live().public().specific() if page.url]
    urls += ["/sitemap.xml", "/api/v2/pages/?limit=100", "/api/v3/pages/?limit=100"]
    # Terms that would find the grant if it were indexed (the name itself would be echoed).
    for term in ("Determina", "tutelato", "Contributi FNA", "2025/0001234"):
        urls += [f"/search/?q={term}", f"/api/v3/search/?q={term}"]
    urls += [
        f"/api/v2/pages/{pk}/"
        for pk in TransparencySectionPage.objects.values_list("pk", flat=True)
    ]
    urls += ["/feed/", "/feed/bandi/"]
    seen = 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            continue
        seen += 1
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Riservatissima" not in body, url
    assert seen >= len(urls) - 4


def test_a_hardship_grant_needs_a_protocol_number_and_an_answer():
    with pytest.raises(ValidationError) as error:
        make_grant(reveals_hardship=True, protocol_number="")
    assert "protocollo" in error.value.message_dict["protocol_number"][0]
    with pytest.raises(ValidationError) as error:
        make_grant(reveals_hardship=None)
    assert "reveals_hardship" in error.value.message_dict


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"amount": Decimal("0")}, "amount", "maggiore di zero"),
        ({"amount": Decimal("-5")}, "amount", "maggiore di zero"),
        ({"granted_on": date.today() + timedelta(days=30)}, "granted_on", "futuro"),
        ({"granted_on": date(2010, 1, 1)}, "granted_on", "D.Lgs. 33/2013"),
    ],
)
def test_bad_grants_are_refused_with_an_italian_message(fields, field, message):
    with pytest.raises(ValidationError) as error:
        make_grant(**fields)
    assert message in " ".join(error.value.message_dict[field])
    assert not Grant.objects.exists()


def test_the_admin_form_requires_an_answer_to_the_hardship_question(admin_client):
    url = reverse("wagtailsnippets_transparency_grant:add")
    form = admin_client.get(url).content.decode()
    assert "stato di salute o il disagio economico-sociale" in form
    assert (
        'type="radio" name="reveals_hardship"' in form
        and "checked" not in form.split('name="reveals_hardship"')[1][:80]
    )
    data = {
        "beneficiary_kind": "person",
        "beneficiary_name": PROTECTED,
        "amount": "100",
        "granted_on": "01/03/2025",
        "legal_basis": "Determina",
        "office": "Ufficio",
        "official": "Responsabile",
        "selection_method": "Graduatoria",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200 and not Grant.objects.exists()
    assert "Rispondere sì o no" in response.content.decode()
    response = admin_client.post(url, {**data, "reveals_hardship": "True"})
    assert not Grant.objects.exists()
    assert "numero di protocollo" in response.content.decode()
    response = admin_client.post(
        url,
        {**data, "reveals_hardship": "True", "protocol_number": "7/2025", "action-publish": "1"},
    )
    assert response.status_code == 302
    grant = Grant.objects.get()
    assert grant.reveals_hardship is True and grant.live


def test_the_admin_export_names_the_beneficiary_for_staff(admin_client):
    protected_grant()
    url = reverse("wagtailsnippets_transparency_grant:list") + "?export=csv"
    response = admin_client.get(url)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert PROTECTED in body and "Beneficiario tutelato, protocollo n. 2025/0001234" in body


def test_a_grant_change_reaches_the_cached_page(client, settings):
    settings.PAGE_RESPONSE_CACHE = True
    assert "Cooperativa Zeta" not in client.get(GRANTS).content.decode()
    grant = make_grant(beneficiary_name="Cooperativa Zeta")
    assert "Cooperativa Zeta" in client.get(GRANTS).content.decode()
    # A grant saved alone (no revision, no page) is content too (cms/response_cache.py).
    grant.beneficiary_name = "Cooperativa Omega"
    grant.save()
    assert "Cooperativa Omega" in client.get(GRANTS).content.decode()


# --------------------------------------------------------------------------- queries


def queries_for(client, url):
    client.get(url)  # warm the remembered site structure
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def registry_rows(count, kind, offset):
    network = NetworkFactory(kind=kind)
    for number in range(count):
        MembershipFactory(network=network, person=PersonFactory(name=f"Persona {offset}-{number}"))


def test_query_counts_do_not_grow_with_rows(client, home):
    calls = add_published(home, CallIndexPage(title="Bandi", slug="bandi"))
    plans = add_published(home, PlanIndexPage(title="Piani", slug="piani"))
    assembly = NetworkFactory(kind=NetworkKind.ASSEMBLY)

    def add_rows(count, offset):
        registry_rows(count, NetworkKind.ASSEMBLY, offset)
        registry_rows(count, NetworkKind.TABLE, offset)
        for number in range(count):
            CallPageFactory(parent=calls, call_type=CallType.SUPPLIES)
            CallPageFactory(parent=calls, call_type=CallType.GRANTS)
            make_grant(beneficiary_name=f"Ente {offset}-{number}", call=None)
        PlanPageFactory(
            parent=plans,
            approval_steps=[
                PlanApprovalStep(body=assembly, date=date(2026, 1, n + 1)) for n in range(count)
            ],
        )

    urls = [GOVERNING, OFFICES, CONTRACTS, CRITERIA, GRANTS, ACTS]
    add_rows(1, 0)
    few = {url: queries_for(client, url) for url in urls}
    add_rows(9, 1)
    many = {url: queries_for(client, url) for url in urls}
    assert few == many


# --------------------------------------------------------------------------- demo


def test_the_demo_fills_the_section_and_protects_its_hardship_grant(client):
    from transparency.demo import PROTECTED_BENEFICIARY

    call_command("load_demo", verbosity=0)
    assert Grant.objects.filter(live=True).count() == 3
    grants_before = Grant.objects.count()
    call_command("load_demo", verbosity=0)
    assert Grant.objects.count() == grants_before
    assert TransparencyIndexPage.objects.count() == 1

    text = client.get(GRANTS).content.decode()
    assert "Cooperativa sociale Il Girasole (demo)" in text
    assert "2017/0004821" in text and PROTECTED_BENEFICIARY not in text


def test_editors_write_a_section_and_moderators_publish_it(client, editor, moderator):
    section = TransparencySectionPage.objects.get(slug="bilanci")
    url = reverse("wagtailadmin_pages:edit", args=[section.pk])
    data = {
        "title": "Bilanci",
        "slug": "bilanci",
        "intro": "Bilancio preventivo e consuntivo.",
        "body": '{"blocks": [], "entityMap": {}}',
        "automatic_content": "",
        **{
            f"{formset}-{field}": value
            for formset in ("attachments", "page_topics")
            for field, value in (
                ("TOTAL_FORMS", "0"),
                ("INITIAL_FORMS", "0"),
                ("MIN_NUM_FORMS", "0"),
                ("MAX_NUM_FORMS", "1000"),
            )
        },
    }
    client.force_login(editor)
    assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 302
    section.refresh_from_db()
    assert section.has_unpublished_changes and section.intro == ""

    client.force_login(moderator)
    assert client.post(url, {**data, "action-publish": "action-publish"}).status_code == 302
    section.refresh_from_db()
    assert section.intro == "Bilancio preventivo e consuntivo."
    client.logout()
    assert "Bilancio preventivo e consuntivo." in client.get(BASE + "bilanci/").content.decode()


def test_the_footer_links_the_section_on_a_fresh_installation(client):
    from cms.models import FooterLinks

    assert FooterLinks.objects.get().transparency_page_id == TransparencyIndexPage.objects.get().pk
    text = client.get("/").content.decode()
    footer = text[text.index("<footer") :]
    assert f'href="{BASE}"' in footer and "Amministrazione trasparente" in footer
