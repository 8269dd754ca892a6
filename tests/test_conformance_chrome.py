"""What AgID's site validator (italia/pa-website-validator-ng, "Modello Comuni") reads from the
chrome of every page: the footer's links and their data-element hooks, the breadcrumb and page
header hooks, the service metadata (R.SI.1.1), the legal notes' licence (C.SI.3.3), cookies
(C.SI.3.1) and the publiccode.yml of the repository.

The expected texts and keys are the validator's own (src/audits/license/legalNotes.ts,
src/audits/municipality_metatag/index.ts, the label checks of the FAQ and inefficiency audits).
"""

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms.models import BodyIdentity, FooterLinks, StandardPage, WebAnalytics
from cms.models.settings import validate_link
from network.models import NetworkIndexPage
from tests.factories import (
    CallPageFactory,
    CallRecipientFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    StandardPageFactory,
    add_published,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent

# src/audits/license/legalNotes.ts
LICENCE_TITLE = "Licenza dei contenuti"
LICENCE_TEXT = (
    "In applicazione del principio open by default ai sensi dell’articolo 52 del decreto "
    "legislativo 7 marzo 2005, n. 82 (CAD) e salvo dove diversamente specificato (compresi i "
    "contenuti incorporati di terzi), i dati, i documenti e le informazioni pubblicati sul sito "
    "sono rilasciati con licenza CC-BY 4.0. Gli utenti sono quindi liberi di condividere "
    "(riprodurre, distribuire, comunicare al pubblico, esporre in pubblico), rappresentare, "
    "eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare "
    "(trasformare il materiale e utilizzarlo per opere derivate) per qualsiasi fine, anche "
    "commerciale con il solo onere di attribuzione, senza apporre restrizioni aggiuntive."
)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def hook(soup, name, within=None):
    return (within or soup).select(f'[data-element="{name}"]')


def metatag_of(soup):
    """The JSON-LD block the validator reads, as it reads it (the script's inner text)."""
    scripts = hook(soup, "metatag")
    assert len(scripts) == 1
    assert scripts[0].name == "script" and scripts[0]["type"] == "application/ld+json"
    return json.loads(scripts[0].string)


def missing_metatag_keys(data):
    """The keys of the validator's JSON schema (R.SI.1.1) that ``data`` lacks or leaves empty."""
    required = {
        "name": data.get("name"),
        "serviceType": data.get("serviceType"),
        "serviceOperator.name": data.get("serviceOperator", {}).get("name"),
        "areaServed.name": data.get("areaServed", {}).get("name"),
        "audience.audienceType": data.get("audience", {}).get("audienceType"),
    }
    channel = data.get("availableChannel", {})
    location = channel.get("serviceLocation", {})
    address = location.get("address", {})
    required.update(
        {
            "availableChannel.serviceUrl": channel.get("serviceUrl"),
            "availableChannel.serviceLocation.name": location.get("name"),
            "availableChannel.serviceLocation.address.streetAddress": address.get("streetAddress"),
            "availableChannel.serviceLocation.address.postalCode": address.get("postalCode"),
            "availableChannel.serviceLocation.address.addressLocality": address.get(
                "addressLocality"
            ),
        }
    )
    return [key for key, value in required.items() if not (isinstance(value, str) and value)]


@pytest.fixture
def identity(db):
    identity = BodyIdentity.load()
    identity.name = "Ufficio di Piano di Crema"
    identity.address = "Via Manini 21"
    identity.postal_code = "26013"
    identity.locality = "Crema (CR)"
    identity.area_served = "Ambito distrettuale di Crema"
    identity.tax_code = "00000000000"
    identity.pec = "udp@pec.example.org"
    identity.accessibility_statement_url = "https://form.agid.gov.it/view/prova"
    identity.save()
    return identity


@pytest.fixture
def footer_pages(home):
    return {
        "privacy": StandardPageFactory(parent=home, title="Informativa privacy", slug="privacy"),
        "legal_notes": StandardPageFactory(
            parent=home, title="Note legali", slug="note-legali", standard_section="content_licence"
        ),
        "faq": StandardPageFactory(parent=home, title="FAQ", slug="faq"),
        "site_map": StandardPageFactory(
            parent=home, title="Mappa del sito", slug="mappa-del-sito", standard_section="site_map"
        ),
    }


@pytest.fixture
def footer_links(identity, footer_pages):
    links = FooterLinks.load()
    for kind, page in footer_pages.items():
        setattr(links, f"{kind}_page", page)
    links.transparency_url = "/amministrazione-trasparente/"
    links.report_inefficiency_url = "/segnala-disservizio/"
    links.save()
    return links


# --------------------------------------------------------------------------- footer


def test_the_footer_carries_every_required_link_with_its_hook(client, footer_links):
    footer = soup_of(client, "/").footer

    def link(name):
        found = hook(footer, name, footer)
        assert len(found) == 1, name
        return found[0]

    assert link("privacy-policy-link")["href"] == "/privacy/"
    assert link("legal-notes")["href"] == "/note-legali/"
    assert link("faq")["href"] == "/faq/"
    assert "faq" in link("faq").get_text().lower()  # municipality_faq: label with "faq"
    # municipality_inefficiency_report_audit: exactly one of its three labels.
    assert link("report-inefficiency").get_text().strip().lower() == "segnala disservizio"
    assert link("report-inefficiency")["href"] == "/segnala-disservizio/"
    assert link("accessibility-link")["href"] == "https://form.agid.gov.it/view/prova"
    by_text = {a.get_text().strip(): a["href"] for a in footer.find_all("a")}
    assert by_text["Amministrazione trasparente"] == "/amministrazione-trasparente/"
    assert by_text["Mappa del sito"] == "/mappa-del-sito/"


def test_the_footer_shows_the_body_name_address_tax_code_and_pec(client, identity):
    text = " ".join(soup_of(client, "/").footer.get_text(" ").split())

    assert "Ufficio di Piano di Crema" in text
    assert "Via Manini 21, 26013 Crema (CR)" in text
    assert "00000000000" in text
    assert "udp@pec.example.org" in text


def test_a_footer_link_changed_in_the_settings_shows_on_the_next_request(
    client, footer_links, footer_pages, home
):
    assert hook(soup_of(client, "/note-legali/"), "privacy-policy-link")[0]["href"] == "/privacy/"

    other = StandardPageFactory(parent=home, title="Privacy e cookie", slug="privacy-e-cookie")
    footer_links.privacy_page = other
    footer_links.save()

    assert hook(soup_of(client, "/note-legali/"), "privacy-policy-link")[0]["href"] == (
        "/privacy-e-cookie/"
    )


def test_a_page_wins_over_an_address_and_an_unpublished_page_gives_way_to_it(
    client, footer_links, footer_pages
):
    footer_links.faq_url = "https://www.example.org/faq/"
    footer_links.save()
    assert hook(soup_of(client, "/"), "faq")[0]["href"] == "/faq/"

    footer_pages["faq"].unpublish()

    assert hook(soup_of(client, "/"), "faq")[0]["href"] == "https://www.example.org/faq/"


def test_a_link_with_neither_page_nor_address_is_not_shown(client, identity):
    footer = soup_of(client, "/").footer

    assert not hook(footer, "faq", footer)
    assert not hook(footer, "privacy-policy-link", footer)
    assert hook(footer, "accessibility-link", footer)  # from the body's identity


def test_a_footer_address_is_a_site_path_or_a_web_url():
    validate_link("/segnala-disservizio/")
    validate_link("https://trasparenza.example.org/")
    for bad in ("javascript:alert(1)", "//evil.example.org/", "segnala", "ftp://x.org/"):
        with pytest.raises(ValidationError):
            validate_link(bad)


# --------------------------------------------------------------------------- page hooks


@pytest.fixture
def network_index(home):
    return add_published(home, NetworkIndexPage(title="Reti", slug="reti", intro="Le reti."))


def public_pages(request):
    """One address per public page type, with the hooks its header must carry."""
    home = request.getfixturevalue("home")
    plan_index = request.getfixturevalue("plan_index")
    minutes_index = request.getfixturevalue("minutes_index")
    call_index = request.getfixturevalue("call_index")
    news_index = request.getfixturevalue("news_index")
    network_index = request.getfixturevalue("network_index")
    for index in (plan_index, minutes_index, call_index, news_index):
        index.intro = "<p>Le pubblicazioni della sezione.</p>"
        index.save_revision().publish()
    NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")
    return {
        "standard": StandardPageFactory(parent=home).url,
        "news": NewsPageFactory(parent=news_index).url,
        "plan": PlanPageFactory(parent=plan_index, intro="Il piano dell'anno.").url,
        "minutes": MinutesPageFactory(parent=minutes_index, intro="Seduta ordinaria.").url,
        "call": CallPageFactory(parent=call_index, intro="Contributi alle famiglie.").url,
        "plan_index": plan_index.url,
        "minutes_index": minutes_index.url,
        "call_index": call_index.url,
        "news_index": news_index.url,
        "network_index": network_index.url,
        "network_detail": "/reti/tavolo-sia/",
    }


def test_every_inner_page_has_breadcrumb_title_description_and_last_update(client, request):
    for kind, url in public_pages(request).items():
        soup = soup_of(client, url)

        breadcrumb = hook(soup, "breadcrumb")
        assert len(breadcrumb) == 1, kind
        steps = [li.get_text(" ").strip() for li in breadcrumb[0].find_all("li")]
        assert steps[0].startswith("Home") and len(steps) >= 2, kind
        name = hook(soup, "page-name")
        assert len(name) == 1 and name[0].name == "h1", kind
        assert steps[-1] == name[0].get_text().strip(), kind
        assert hook(soup, "page-description")[0].get_text().strip(), kind
        metadata = " ".join(hook(soup, "metadata")[0].get_text(" ").split())
        assert re.fullmatch(r"(Ultimo aggiornamento:|Situazione al) \d{1,2} \w+ \d{4}", metadata), (
            kind,
            metadata,
        )


def test_the_search_page_has_breadcrumb_and_title(client, home):
    soup = soup_of(client, "/search/?q=ISEE")

    steps = [li.get_text(" ").strip() for li in hook(soup, "breadcrumb")[0].find_all("li")]
    assert steps == ["Home /", "Cerca"]
    assert hook(soup, "page-name")[0].get_text().strip() == "Cerca nel sito"


# --------------------------------------------------------------------------- metadata


def test_a_call_describes_itself_with_every_key_of_the_validators_schema(
    client, call_index, identity
):
    call = CallPageFactory(
        parent=call_index, title="Contributi per l'affitto", issuer="Comune di Crema"
    )
    call.recipients.add(CallRecipientFactory(name="Famiglie"))
    call.save_revision().publish()

    data = metatag_of(soup_of(client, call.url))

    assert missing_metatag_keys(data) == []
    assert data["name"] == "Contributi per l'affitto"
    assert data["serviceType"] == "Agevolazioni, finanziamenti, contributi"
    assert data["serviceOperator"]["name"] == "Comune di Crema"
    assert data["areaServed"]["name"] == "Ambito distrettuale di Crema"
    assert data["audience"]["audienceType"] == "Famiglie"
    assert data["availableChannel"]["serviceUrl"] == f"http://localhost{call.url}"
    assert data["availableChannel"]["serviceLocation"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Via Manini 21",
        "postalCode": "26013",
        "addressLocality": "Crema (CR)",
    }


def test_the_metadata_cannot_break_out_of_its_script(client, call_index, identity):
    title = 'Bando </script><script>alert("x")</script> <!-- & co'
    call = CallPageFactory(parent=call_index, title=title)

    html = client.get(call.url).content.decode()
    script = html[html.index('data-element="metatag"') :]
    script = script[: script.index("</script>")]

    assert "<" not in script.split(">", 1)[1]
    assert "&" not in script and "--" in script  # & escaped, the rest left as JSON text
    assert metatag_of(BeautifulSoup(html, "html.parser"))["name"] == title


def test_a_page_that_describes_a_service_carries_its_metadata(client, home, identity):
    page = StandardPageFactory(
        parent=home,
        title="Segretariato sociale",
        describes_service=True,
        service_type="Segretariato sociale",
        service_audience="Cittadini",
    )

    data = metatag_of(soup_of(client, page.url))

    assert missing_metatag_keys(data) == []
    assert data["serviceOperator"]["name"] == "Ufficio di Piano di Crema"
    assert data["audience"]["audienceType"] == "Cittadini"


def test_an_ordinary_page_carries_no_service_metadata(client, home, identity):
    page = StandardPageFactory(parent=home)

    assert not hook(soup_of(client, page.url), "metatag")


def test_a_service_page_needs_its_type_and_audience(home):
    page = StandardPage(title="Servizio", slug="servizio", describes_service=True)

    with pytest.raises(ValidationError) as raised:
        page.full_clean()

    assert {"service_type", "service_audience"} <= set(raised.value.message_dict)


# --------------------------------------------------------------------------- legal notes, map


def test_the_legal_notes_carry_the_licence_in_the_validators_words(client, footer_links):
    """As audit C.SI.3.3 reads it: the section's title, then the text of every body hook joined
    by spaces, lower-cased, spaces collapsed, apostrophes as typographic ones."""
    legal_notes = hook(soup_of(client, "/"), "legal-notes")[0]["href"]
    soup = soup_of(client, legal_notes)

    section = hook(soup, "legal-notes-section")
    assert [s.get_text().strip().lower() for s in section] == [LICENCE_TITLE.lower()]
    text = " ".join(element.get_text() for element in hook(soup, "legal-notes-body"))
    text = re.sub(r"\s+", " ", text.strip().lower()).replace("'", "’")
    assert text == LICENCE_TEXT.lower()


def test_the_site_map_lists_every_public_section_and_its_pages(client, footer_links, home):
    chi_siamo = StandardPageFactory(parent=home, title="Chi siamo", slug="chi-siamo")
    StandardPageFactory(parent=chi_siamo, title="Organigramma", slug="organigramma")
    hidden = StandardPageFactory(parent=home, title="Bozza", slug="bozza")
    hidden.unpublish()

    links = {a.get_text().strip(): a["href"] for a in soup_of(client, "/mappa-del-sito/").main("a")}

    assert links["Chi siamo"] == "/chi-siamo/"
    assert links["Organigramma"] == "/chi-siamo/organigramma/"
    assert links["Note legali"] == "/note-legali/"
    assert "Bozza" not in links


# --------------------------------------------------------------------------- cookies, analytics


def test_a_public_page_sets_no_cookie_and_names_no_other_host(client, footer_links, home):
    for url in ("/", "/note-legali/", "/mappa-del-sito/", "/search/?q=piano"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
        policy = response["Content-Security-Policy"]
        assert "http" not in policy.replace("https://", "http://").split("report-uri")[0], url
        assert 'id="cookiebar"' not in response.content.decode()


@pytest.fixture
def analytics(db):
    setting = WebAnalytics.load()
    setting.matomo_url = "https://ingestion.webanalytics.italia.it"
    setting.matomo_site_id = "42"
    setting.save()
    return setting


def test_configured_analytics_wait_in_a_cookie_bar_and_only_their_host_is_allowed(
    client, analytics, footer_links
):
    response = client.get("/")
    soup = BeautifulSoup(response.content.decode(), "html.parser")

    bar = soup.select_one("#cookiebar.cookiebar")
    assert bar["data-matomo-url"] == "https://ingestion.webanalytics.italia.it/"
    assert bar["data-matomo-site"] == "42"
    assert {b["data-consent"] for b in bar("button")} == {"true", "false"}
    assert bar.find("a")["href"] == "/privacy/"
    # Nothing of the tracker is in the page itself: only the consent script may load it.
    assert "matomo.js" not in response.content.decode()
    assert soup.select_one('script[src*="consent"]')
    assert not response.cookies
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    for directive in ("script-src", "img-src", "connect-src"):
        assert "https://ingestion.webanalytics.italia.it" in policy[directive]
    assert "webanalytics" not in policy["style-src"] + policy["frame-src"]


def test_analytics_need_both_the_tracker_and_the_site_id(client, analytics, home):
    analytics.matomo_site_id = ""
    analytics.save()

    response = client.get("/")

    assert 'id="cookiebar"' not in response.content.decode()
    assert "webanalytics" not in response["Content-Security-Policy"]


def test_the_admin_policy_never_names_the_tracker(admin_client, analytics):
    response = admin_client.get("/admin/")

    assert "webanalytics" not in response["Content-Security-Policy"]


# --------------------------------------------------------------------------- demo, publiccode


def test_the_demo_links_every_footer_page(db):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    links = FooterLinks.load()

    for kind in ("privacy", "legal_notes", "faq", "site_map"):
        page = getattr(links, f"{kind}_page")
        assert page is not None and page.live and not page.show_in_menus, kind
    assert links.legal_notes_page.specific.standard_section == "content_licence"
    before = Page.objects.count()
    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == before


def test_publiccode_yml_describes_the_software_for_the_reuse_catalogue():
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))

    assert data["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "platforms", "categories", "developmentStatus", "softwareType"):
        assert data[key], key
    assert data["softwareType"] == "standalone/web"
    assert "web" in data["platforms"]
    assert data["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert data["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    # An OSI-approved licence, the one whose text is in LICENSE.
    assert data["legal"]["license"] == "EUPL-1.2"
    assert (
        (ROOT / "LICENSE")
        .read_text(encoding="utf-8")
        .startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    )
    assert data["localisation"]["availableLanguages"] == ["it"]
    italian = data["description"]["it"]
    assert len(italian["shortDescription"]) <= 150
    assert len(italian["longDescription"]) >= 150
    assert italian["features"]
    assert isinstance(data["releaseDate"], (str, date)) or "releaseDate" not in data
