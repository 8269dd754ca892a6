"""Service cards (AgID audits C.SI.1.3 and C.SI.2.2): the page shows every section of the model
with the hooks AgID's validator reads, its page index in the validator's order, the service
metadata; editors create them in the admin; the APIs expose them. The "Servizi" section links
the model's categories that hold cards (audit C.SI.1.7) and filters by them."""

import json
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.http import QueryDict
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from cms.listing import parse_params
from cms.models import BodyIdentity, ServiceIndexPage, ServicePage, ServiceStatus
from cms.models.services import ServiceCategory
from tests.agid_validator import SERVICE_TITLES
from tests.factories import DocumentFactory, StandardPageFactory, add_published, republish
from topics.models import PageTopic, Topic

pytestmark = pytest.mark.django_db

# pa-website-validator-ng, src/storage/municipality/contentTypeItems.ts
VALIDATOR_INDEX = [
    "A chi è rivolto",
    "Come fare",
    "Cosa serve",
    "Cosa si ottiene",
    "Tempi e scadenze",
    "Accedi al servizio",
    "Condizioni di servizio",
    "Contatti",
]
# Index entry -> hooks, as the validator reads them: "paragraph" ones need 3+ characters of
# text, "exist" ones only need to be there (one of them is enough for the entry).
PARAGRAPH_HOOKS = {
    "A chi è rivolto": "service-addressed",
    "Come fare": "service-how-to",
    "Cosa serve": "service-needed",
    "Cosa si ottiene": "service-achieved",
    "Tempi e scadenze": "service-calendar-text",
}
EXIST_HOOKS = {
    "Tempi e scadenze": ["service-calendar-list"],
    "Accedi al servizio": [
        "service-generic-access",
        "service-booking-access",
        "service-online-access",
    ],
    "Condizioni di servizio": ["service-file"],
    "Contatti": ["service-area"],
}


def rich(text):
    return f"<p>{text}</p>"


SERVICE_FIELDS = {
    "intro": "Informazioni e orientamento sui servizi sociali.",
    "service_type": "Segretariato sociale",
    "service_audience": "Cittadini dell'Ambito",
    "audience": rich("Chi vive in uno dei comuni dell'Ambito."),
    "description": rich("Il primo punto di contatto con i servizi sociali."),
    "how_to": rich("Telefonare allo sportello del proprio comune."),
    "needed": rich("Un documento di identità."),
    "achieved": rich("Informazioni e aiuto a presentare la domanda."),
    "timing": rich("Il colloquio entro 10 giorni lavorativi."),
    "online_url": "https://servizi.example.org/domanda",
    "channels": rich("Allo sportello del servizio sociale del comune."),
    "conditions": rich("Il servizio è gratuito."),
    "office_name": "Ufficio di Piano - sportello sociale",
    "office_address": "Via Manini 21, 26013 Crema (CR)",
    "office_email": "ufficiodipiano@example.org",
}


@pytest.fixture
def identity(db):
    identity = BodyIdentity.load()
    identity.name = "Ufficio di Piano di Crema"
    identity.address = "Via Manini 21"
    identity.postal_code = "26013"
    identity.locality = "Crema (CR)"
    identity.area_served = "Ambito distrettuale di Crema"
    identity.email = "ufficiodipiano@example.org"
    identity.save()
    return identity


@pytest.fixture
def service_index(home):
    return add_published(home, ServiceIndexPage(title="Servizi", slug="servizi"))


def make_service(parent, topics=("Assistenza sociale",), **fields):
    page = ServicePage(
        title=fields.pop("title", "Segretariato sociale"),
        slug=fields.pop("slug", "segretariato-sociale"),
        **{**SERVICE_FIELDS, **fields},
    )
    page.page_topics = [
        PageTopic(topic=Topic.objects.get(name=name), sort_order=position)
        for position, name in enumerate(topics)
    ]
    page.clean()
    return add_published(parent, page)


@pytest.fixture
def service(service_index, identity):
    return make_service(service_index)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def hook(soup, name):
    return soup.select(f'[data-element="{name}"]')


def validator_findings(soup):
    """What src/audits/municipality_service/index.ts would list as missing or out of order."""
    entries = [a.get_text().strip() for a in soup.select('[data-element="page-index"] > li > a')]
    with_content = {
        key for key, name in PARAGRAPH_HOOKS.items() if len(hook(soup, name)[0].get_text()) >= 3
    } | {key for key, names in EXIST_HOOKS.items() if any(hook(soup, name) for name in names)}
    entries = [entry for entry in entries if entry in VALIDATOR_INDEX and entry in with_content]
    findings = [f"mancante: {key}" for key in VALIDATOR_INDEX if key not in entries]
    if entries != [key for key in VALIDATOR_INDEX if key in entries]:
        findings.append(f"ordine: {entries}")
    for name in ("service-title", "service-description", "service-area"):
        if len(" ".join(el.get_text() for el in hook(soup, name)).strip()) < 3:
            findings.append(name)
    if not hook(soup, "service-status"):
        findings.append("service-status")
    if not [el for el in hook(soup, "service-topic") if el.get_text().strip()]:
        findings.append("service-topic")
    crumbs = [
        re.sub(r"[^a-zA-Z0-9 ]", "", li.get_text().lower()).strip()
        for li in hook(soup, "breadcrumb")[0].find_all("li")
    ]
    if "servizi" not in crumbs or len(crumbs[crumbs.index("servizi") + 1 :][:1][0]) < 3:
        findings.append("breadcrumb")
    return findings


def test_a_service_card_has_every_hook_and_its_index_in_the_validators_order(client, service):
    soup = soup_of(client, service.url)

    assert validator_findings(soup) == []
    index = [a.get_text().strip() for a in soup.select('[data-element="page-index"] > li > a')]
    assert index == [*VALIDATOR_INDEX[:1], "Descrizione", *VALIDATOR_INDEX[1:]]
    # Each entry leads to its section, which holds the entry's hook.
    for link in soup.select('[data-element="page-index"] > li > a'):
        section = soup.find(id=link["href"][1:])
        assert section is not None and section.find("h2").get_text() == link.get_text()
    assert hook(soup, "service-title")[0].get_text() == "Segretariato sociale"
    assert hook(soup, "page-name")[0].name == "h1"
    assert hook(soup, "service-description")[0].get_text() == SERVICE_FIELDS["intro"]
    assert hook(soup, "service-status")[0].get_text().strip() == "Servizio attivo"
    assert [el.get_text().strip() for el in hook(soup, "service-topic")] == ["Assistenza sociale"]
    assert hook(soup, "service-online-access")[0]["href"] == SERVICE_FIELDS["online_url"]
    area = " ".join(hook(soup, "service-area")[0].get_text(" ").split())
    assert "Ufficio di Piano - sportello sociale" in area and "ufficiodipiano@example.org" in area
    assert soup.find("nav", attrs={"aria-labelledby": "indice-della-pagina"}) is not None


def test_the_index_leaves_out_an_empty_description_and_keeps_the_order(client, service_index):
    page = make_service(service_index, description="")

    soup = soup_of(client, page.url)

    index = [a.get_text().strip() for a in soup.select('[data-element="page-index"] > li > a')]
    assert index == VALIDATOR_INDEX
    assert soup.find(id="descrizione") is None


def test_the_conditions_document_carries_the_file_hook(client, service_index):
    document = DocumentFactory(title="Carta del servizio")
    page = make_service(service_index, conditions="", conditions_document=document)

    soup = soup_of(client, page.url)

    assert [el["href"] for el in hook(soup, "service-file")] == [document.url]
    assert validator_findings(soup) == []


def test_a_service_card_carries_the_service_metadata(client, service):
    soup = soup_of(client, service.url)

    scripts = hook(soup, "metatag")
    assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
    data = json.loads(scripts[0].string)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Segretariato sociale"
    assert data["serviceType"] == "Segretariato sociale"
    assert data["serviceOperator"]["name"] == "Ufficio di Piano di Crema"
    assert data["areaServed"]["name"] == "Ambito distrettuale di Crema"
    assert data["audience"]["audienceType"] == "Cittadini dell'Ambito"
    assert data["availableChannel"]["serviceUrl"] == f"http://localhost{service.url}"
    assert data["availableChannel"]["serviceLocation"]["address"]["streetAddress"] == (
        "Via Manini 21"
    )


def test_a_suspended_service_says_so_and_why(client, service_index):
    page = make_service(
        service_index,
        status=ServiceStatus.SUSPENDED,
        status_reason="Le domande riapriranno con il nuovo avviso.",
    )

    soup = soup_of(client, page.url)

    assert hook(soup, "service-status")[0].get_text().strip() == "Servizio sospeso"
    assert "Le domande riapriranno con il nuovo avviso." in soup.select_one(".alert").get_text()


def test_an_active_service_shows_no_suspension_notice(client, service):
    assert soup_of(client, service.url).select_one(".alert") is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": ServiceStatus.SUSPENDED, "status_reason": ""}, "status_reason"),
        ({"online_url": "", "channels": ""}, "channels"),
        ({"conditions": "", "conditions_document": None}, "conditions"),
        ({"how_to": "<p> </p>"}, "how_to"),
        ({"intro": ""}, "intro"),
    ],
)
def test_a_service_card_without_a_required_section_is_refused(service_index, changes, field):
    page = ServicePage(title="Servizio", slug="servizio", **{**SERVICE_FIELDS, **changes})

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert field in error.value.message_dict


def draftail(text):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                    "data": {},
                }
            ],
            "entityMap": {},
        }
    )


def test_an_editor_creates_a_service_card_in_the_admin(client, superuser, service_index):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=["cms", "servicepage", service_index.pk])
    assert client.get(url).status_code == 200
    data = {
        "title": "Voucher FNA",
        "slug": "voucher-fna",
        "intro": "Buoni e voucher per l'assistenza a casa.",
        "status": "attivo",
        "status_reason": "",
        "service_type": "Assistenza domiciliare",
        "service_audience": "Persone non autosufficienti",
        "office_name": "Ufficio di Piano",
        "online_url": "",
        "conditions_document": "",
        "category": ServiceCategory.WORK,
        "tags": "",
        "action-publish": "action-publish",
    }
    for name in ("audience", "how_to", "needed", "achieved", "timing", "channels", "conditions"):
        data[name] = draftail(f"Testo della sezione {name}.")
    data["description"] = draftail("")
    for formset in ("attachments", "page_topics", "comments"):
        data.update(
            {
                f"{formset}-TOTAL_FORMS": "0",
                f"{formset}-INITIAL_FORMS": "0",
                f"{formset}-MIN_NUM_FORMS": "0",
                f"{formset}-MAX_NUM_FORMS": "1000",
            }
        )

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = ServicePage.objects.get(slug="voucher-fna")
    assert page.live and page.get_parent().pk == service_index.pk
    assert "Testo della sezione how_to." in page.how_to
    assert page.category == ServiceCategory.WORK


def test_the_admin_refuses_a_suspension_without_a_reason(client, superuser, service):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[service.pk])
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    data = {}
    for field in soup.find("form", id="page-edit-form").find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file", "checkbox"):
            continue
        if field.name == "select":
            option = field.find("option", selected=True) or field.find("option")
            data[name] = option.get("value", "") if option else ""
        else:
            data[name] = field.text if field.name == "textarea" else field.get("value", "")
    data.update(status="sospeso", status_reason="")

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Indicare perché il servizio è sospeso." in response.content.decode()
    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_apis_expose_the_service_card(client, service, version):
    response = client.get(f"/api/{version}/pages/{service.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "attivo"
    assert data["service_type"] == "Segretariato sociale"
    assert data["office_name"] == "Ufficio di Piano - sportello sociale"
    for name in ("audience", "how_to", "needed", "achieved", "timing", "channels", "conditions"):
        assert data[name], name
    assert data["online_url"] == SERVICE_FIELDS["online_url"]


def test_the_services_section_lists_its_cards_with_the_validators_link_hook(
    client, service_index, identity
):
    active = make_service(service_index)
    suspended = make_service(
        service_index,
        title="Voucher FNA",
        slug="voucher-fna",
        status=ServiceStatus.SUSPENDED,
        status_reason="Avviso chiuso.",
    )

    soup = soup_of(client, service_index.url)
    links = {a["href"] for a in hook(soup, "service-link")}
    assert links == {active.url, suspended.url}

    only_suspended = soup_of(client, f"{service_index.url}?state=sospeso")
    assert [a["href"] for a in hook(only_suspended, "service-link")] == [suspended.url]


def category_links(soup):
    """What getSecondLevelPages (src/utils/municipality/utils.ts) reads on the "Servizi" page:
    the text and address of each service-category-link with an address."""
    return [
        (a.get_text().strip(), a["href"])
        for a in hook(soup, "service-category-link")
        if a.get("href") not in (None, "", "#")
    ]


def gathered_service_links(client, url):
    """What src/gatherers/services/index.ts counts on the services listing: its service-link
    addresses or, when it has a pager-link, only those of the page the first one opens."""
    soup = soup_of(client, url)
    links = [a["href"] for a in hook(soup, "service-link")]
    pagers = hook(soup, "pager-link")
    if pagers:
        links = [
            a["href"]
            for a in hook(soup_of(client, urljoin(url, pagers[0]["href"])), "service-link")
        ]
    return links


def links_through_pages(client, url):
    """The service-link addresses of a listing and of every page its pager-links reach."""
    seen, queue, links = set(), [url], []
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        soup = soup_of(client, current)
        links += [a["href"] for a in hook(soup, "service-link")]
        queue += [urljoin(current, a["href"]) for a in hook(soup, "pager-link")]
    return links


@pytest.fixture
def catalogue(service_index, identity):
    """Cards in two categories, and cards the public cannot see in a third."""
    cards = {
        "segretariato": make_service(service_index),
        "sil": make_service(service_index, title="SIL", slug="sil", category=ServiceCategory.WORK),
        "tirocini": make_service(
            service_index, title="Tirocini", slug="tirocini", category=ServiceCategory.WORK
        ),
    }
    draft = ServicePage(
        title="Trasporto",
        slug="trasporto",
        category=ServiceCategory.MOBILITY,
        live=False,
        **SERVICE_FIELDS,
    )
    service_index.add_child(instance=draft)
    private = make_service(
        service_index, title="Riservato", slug="riservato", category=ServiceCategory.TOURISM
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return cards


def test_the_services_section_links_each_category_with_cards_by_its_exact_label(
    client, service_index, catalogue
):
    soup = soup_of(client, service_index.url)

    assert category_links(soup) == [
        (
            "Salute, benessere e assistenza",
            f"{service_index.url}?categoria=salute-benessere-e-assistenza",
        ),
        ("Vita lavorativa", f"{service_index.url}?categoria=vita-lavorativa"),
    ]
    assert all(title.lower() in SERVICE_TITLES for title, _href in category_links(soup))
    counts = [link.parent.get_text(" ", strip=True) for link in hook(soup, "service-category-link")]
    assert counts == ["Salute, benessere e assistenza (1 servizio)", "Vita lavorativa (2 servizi)"]
    # The link to the whole list carries no hook: its title is not in the model's vocabulary.
    everything = soup.find("a", string="Tutti i servizi")
    assert everything["aria-current"] == "true" and not everything.get("data-element")
    assert not soup.select('[data-element="service-category-link"][aria-current]')


def test_the_model_names_all_its_categories_in_the_validators_words():
    assert {label.lower() for _key, label in ServiceCategory.choices} <= SERVICE_TITLES
    assert len(ServiceCategory.choices) == 15


def test_a_category_link_lists_only_that_categorys_cards_and_is_marked_current(
    client, service_index, catalogue
):
    soup = soup_of(client, f"{service_index.url}?categoria=vita-lavorativa")

    assert {a["href"] for a in hook(soup, "service-link")} == {
        catalogue["sil"].url,
        catalogue["tirocini"].url,
    }
    (current,) = soup.select('[data-element="service-category-link"][aria-current="true"]')
    assert current.get_text() == "Vita lavorativa"
    assert not soup.find("a", string="Tutti i servizi").get("aria-current")
    assert soup.select_one("#filter-category option[selected]")["value"] == "vita-lavorativa"
    # The other links still show every category with cards, with their full counts.
    assert len(category_links(soup)) == 2


def test_the_category_filter_combines_with_the_state_filter(client, service_index, catalogue):
    suspended = make_service(
        service_index,
        title="Borse lavoro",
        slug="borse-lavoro",
        category=ServiceCategory.WORK,
        status=ServiceStatus.SUSPENDED,
        status_reason="Avviso chiuso.",
    )

    soup = soup_of(client, f"{service_index.url}?categoria=vita-lavorativa&state=sospeso")

    assert [a["href"] for a in hook(soup, "service-link")] == [suspended.url]


def test_the_pages_of_a_category_keep_the_filter(client, service_index, catalogue, monkeypatch):
    monkeypatch.setattr(ServiceIndexPage, "per_page", 1)
    url = f"{service_index.url}?categoria=vita-lavorativa"

    soup = soup_of(client, url)

    assert [a["href"] for a in hook(soup, "pager-link")] == [
        "?categoria=vita-lavorativa&page=2"
    ] * 2
    assert set(links_through_pages(client, url)) == {
        catalogue["sil"].url,
        catalogue["tirocini"].url,
    }


@pytest.mark.parametrize(
    "value", ["non-esiste", "Vita lavorativa", "vita-lavorativa'--", "x" * 5000, "turismo%00"]
)
def test_an_unknown_category_lists_every_card_and_says_so(client, service_index, catalogue, value):
    response = client.get(service_index.url, {"categoria": value})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert len(hook(soup, "service-link")) == 3
    assert "La categoria richiesta non esiste" in soup.select_one(".alert-warning").get_text()
    assert not soup.select('[data-element="service-category-link"][aria-current]')


def test_a_model_category_without_cards_lists_nothing_without_a_warning(
    client, service_index, catalogue
):
    soup = soup_of(client, f"{service_index.url}?categoria=turismo")

    assert hook(soup, "service-link") == []
    assert soup.select_one(".alert-warning") is None
    assert "Nessun contenuto corrisponde ai filtri scelti." in soup.get_text()


def test_the_category_parameter_keeps_only_known_keys():
    keys = [key for key, _label in ServiceCategory.choices]

    assert parse_params(QueryDict("categoria=ambiente"), category_keys=keys).category == "ambiente"
    assert parse_params(QueryDict("categoria=Ambiente"), category_keys=keys).category == ""
    assert parse_params(QueryDict("categoria=ambiente")).category == ""
    params = parse_params(QueryDict("categoria=ambiente&state=x&page=3"), category_keys=keys)
    assert params.active and params.as_query() == "categoria=ambiente"


def test_a_service_card_names_its_category_and_links_its_listing(client, service_index, identity):
    page = make_service(service_index, category=ServiceCategory.EDUCATION)

    soup = soup_of(client, page.url)

    link = soup.find("a", string="Educazione e formazione")
    assert link["href"] == f"{service_index.url}?categoria=educazione-e-formazione"
    assert validator_findings(soup) == []


def test_the_demo_services_pass_the_validators_checks(client):
    call_command("load_demo", verbosity=0)
    index = ServiceIndexPage.objects.get(slug="servizi")
    services = ServicePage.objects.child_of(index).live()

    # C.SI.1.3: the validator finds at least 10 cards through the listing, and each passes.
    gathered = gathered_service_links(client, index.url)
    assert len(gathered) >= 10
    assert set(gathered) == set(links_through_pages(client, index.url))
    assert set(gathered) == {page.url for page in services}
    for page in services:
        soup = soup_of(client, page.url)
        assert validator_findings(soup) == [], page.title
    assert len({page.category for page in services}) >= 3
    assert ServicePage.objects.filter(status=ServiceStatus.SUSPENDED).exists()
    # C.SI.1.7, the "Servizi" part: every category link is a title of the model's list.
    titles = [title for title, _href in category_links(soup_of(client, index.url))]
    assert len(titles) >= 3
    assert all(title.lower() in SERVICE_TITLES for title in titles)
    # The service card replaced the generic page that described the same service.
    assert (
        not Page.objects.filter(slug="segretariato-sociale")
        .exclude(pk__in=services.values("pk"))
        .exists()
    )
    # C.SI.2.1 (and, in the validator's online scope, C.SI.1.2 and C.SI.3.1): the listing and
    # every card link an existing booking page with the appointment-booking hook.
    for url in [index.url, *(page.url for page in services)]:
        (booking,) = soup_of(client, url).select('[data-element="appointment-booking"]')
        assert booking["href"] == "/prenota-appuntamento/", url
    assert client.get("/prenota-appuntamento/").status_code == 200
    before = ServicePage.objects.count()
    call_command("load_demo", verbosity=0)
    assert ServicePage.objects.count() == before


def booking_links(client, url):
    return [
        link["href"] for link in soup_of(client, url).select('[data-element="appointment-booking"]')
    ]


def test_the_booking_link_leads_to_the_chosen_page_from_the_listing_and_every_card(
    client, service_index, service, home
):
    assert booking_links(client, service_index.url) == []
    assert booking_links(client, service.url) == []

    booking = StandardPageFactory(parent=home, title="Prenota", slug="prenota")
    service_index.booking_page = booking
    republish(service_index)

    assert booking_links(client, service_index.url) == ["/prenota/"]
    assert booking_links(client, service.url) == ["/prenota/"]


def test_an_unpublished_booking_page_gives_way_to_the_typed_address(
    client, service_index, service, home
):
    booking = StandardPageFactory(parent=home, title="Prenota", slug="prenota")
    service_index.booking_page = booking
    service_index.booking_url = "https://prenota.example.org/servizi-sociali"
    republish(service_index)
    booking.unpublish()

    assert booking_links(client, service.url) == ["https://prenota.example.org/servizi-sociali"]
    service_index.booking_url = ""
    republish(service_index)
    assert booking_links(client, service.url) == []
