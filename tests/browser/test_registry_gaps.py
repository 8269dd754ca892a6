"""A coordinator closes a coverage gap of their network from the registry admin: the gap
disappears from the composition page and from the network's public page."""

import re

from playwright.sync_api import expect

from .conftest import login

NETWORK = "Rete ConTatto"
FILLED = "Sub-ambito 4 (illustrativo)"  # Soncino is one of its comuni (cms/demo/registry.py)
STILL_OPEN = "Sub-ambito 6 (illustrativo)"
NEW_MEMBER = "Comune di Soncino"


def gap(text):
    return re.compile(re.escape(f"{text} non è rappresentato"))


def public_gaps(page):
    return page.get_by_role("region", name="Lacune")


def test_coordinator_fills_a_coverage_gap(new_page, shot):
    visitor = new_page()
    visitor.goto("/reti/rete-contatto/")
    expect(public_gaps(visitor).get_by_text(gap(FILLED))).to_be_visible()
    expect(public_gaps(visitor).get_by_text(gap(STILL_OPEN))).to_be_visible()
    shot(visitor, "public-before")

    coordinator = new_page()
    login(coordinator, "coordinatore")
    # The dashboard lists the network's gaps and leads to its composition page.
    gaps_panel = coordinator.get_by_role("region", name="Lacune nelle reti")
    expect(gaps_panel.get_by_text(gap(FILLED))).to_be_visible()
    shot(coordinator, "dashboard-before")
    gaps_panel.get_by_role("link", name=NETWORK).click()
    coordinator.wait_for_url(re.compile(r"/admin/registro-reti/\d+/composizione/$"))
    composition_url = coordinator.url
    admin_gaps = coordinator.locator(".registry-gaps__message")
    expect(admin_gaps.filter(has_text=gap(FILLED))).to_have_count(1)
    shot(coordinator, "composition-before")

    # Registro reti → Appartenenze → Aggiungi appartenenza.
    coordinator.get_by_role("button", name="Registro reti").click()
    coordinator.get_by_role("link", name="Appartenenze", exact=True).click()
    coordinator.wait_for_url("**/admin/snippets/network/membership/")
    coordinator.get_by_role("link", name="Aggiungi appartenenza").click()
    coordinator.wait_for_url("**/admin/snippets/network/membership/add/")
    coordinator.locator("#id_network").select_option(label=NETWORK)

    organisation = coordinator.locator("#id_organisation-chooser")
    organisation.get_by_role("button", name="Scegli ente").click()
    chooser = coordinator.get_by_role("dialog")
    chooser.get_by_role("textbox", name="Cerca termine").fill("Soncino")
    chooser.get_by_role("link", name=NEW_MEMBER, exact=True).click()
    expect(coordinator.get_by_role("dialog")).to_have_count(0)
    expect(organisation).to_contain_text(NEW_MEMBER)

    coordinator.locator("#id_role-chooser").get_by_role("button", name="Scegli ruolo").click()
    coordinator.get_by_role("dialog").get_by_role("link", name="Componente", exact=True).click()
    expect(coordinator.get_by_role("dialog")).to_have_count(0)
    expect(coordinator.locator(".modal-backdrop")).to_have_count(0)
    expect(coordinator.locator("#id_role-chooser")).to_contain_text("Componente")
    shot(coordinator, "membership-form")

    coordinator.get_by_role("button", name="Salva", exact=True).click()
    coordinator.wait_for_url("**/admin/snippets/network/membership/")
    expect(coordinator.locator(".messages")).to_contain_text(NEW_MEMBER)
    shot(coordinator, "membership-saved")

    # The composition page no longer lists sub-area 4 among the gaps; sub-area 6 stays.
    coordinator.goto(composition_url)
    expect(admin_gaps.filter(has_text=gap(STILL_OPEN))).to_have_count(1)
    expect(admin_gaps.filter(has_text=gap(FILLED))).to_have_count(0)
    expect(coordinator.get_by_role("rowheader", name=NEW_MEMBER)).to_have_count(1)
    shot(coordinator, "composition-after")

    # And so does the public page, where Soncino now sits for sub-area 4.
    visitor.reload()
    expect(public_gaps(visitor).get_by_text(gap(STILL_OPEN))).to_be_visible()
    expect(public_gaps(visitor).get_by_text(gap(FILLED))).to_have_count(0)
    row = visitor.get_by_role("row", name=re.compile(re.escape(FILLED)))
    expect(row).to_contain_text("coperto")
    expect(row).not_to_contain_text("scoperto")
    shot(visitor, "public-after")
