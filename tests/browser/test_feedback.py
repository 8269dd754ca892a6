"""A visitor without JavaScript rates a page with the form at its foot and is thanked; a
moderator then finds the rating in the admin's report for that page."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import ACTION_TIMEOUT, NAVIGATION_TIMEOUT, login

CALL_URL = "/bandi/ats-incremento-centri-antiviolenza-2017/"
CALL = "ATS Val Padana - bando per l'incremento dei centri antiviolenza"
COMMENT = "Manca l'orario dello sportello (prova senza JavaScript)"


@pytest.fixture
def page_without_javascript(browser, live_site):
    """A page in a context of its own with JavaScript turned off."""
    context = browser.new_context(
        base_url=live_site,
        java_script_enabled=False,
        locale="it-IT",
        timezone_id="Europe/Rome",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(ACTION_TIMEOUT)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
    yield context.new_page()
    context.close()


def test_a_visitor_without_javascript_rates_a_page_and_the_admin_reports_it(
    page_without_javascript, new_page, shot
):
    visitor = page_without_javascript
    visitor.goto(CALL_URL)
    feedback = visitor.get_by_role("region", name="Valutazione della pagina")
    expect(feedback.get_by_role("heading", level=2)).to_have_text(
        "Quanto sono chiare le informazioni su questa pagina?"
    )
    # Without JavaScript both follow-up questions are on screen.
    expect(feedback.get_by_text("Dove hai incontrato le maggiori difficoltà?")).to_be_visible()
    expect(feedback.get_by_text("Quali sono stati gli aspetti che hai preferito?")).to_be_visible()

    feedback.locator('[data-element="feedback-rate-2"]').click()
    expect(feedback.get_by_role("radio", name="Valuta 2 stelle su 5")).to_be_checked()
    feedback.get_by_text("A volte le indicazioni non erano complete", exact=True).click()
    feedback.get_by_label("Vuoi aggiungere altri dettagli? (facoltativo)").fill(COMMENT)
    shot(visitor, "rated")
    feedback.get_by_role("button", name="Invia la valutazione").click()

    visitor.wait_for_url(re.compile(r"\?valutazione=grazie"))
    thanks = visitor.get_by_role("region", name="Valutazione della pagina").get_by_role("status")
    expect(thanks).to_have_text("Grazie, il tuo parere ci aiuterà a migliorare il servizio!")
    assert visitor.context.cookies() == []
    shot(visitor, "thanked")

    moderator = new_page()
    login(moderator, "moderatore")
    moderator.get_by_role("link", name="Valutazioni delle pagine").first.click()
    moderator.wait_for_url(re.compile(r"/admin/page_feedback/$"))
    moderator.get_by_role("link", name=CALL).click()
    moderator.wait_for_url(re.compile(r"/admin/page_feedback/pagina/\d+/"))
    comments = moderator.locator("[data-page-comments]")
    row = comments.get_by_role("row").filter(has_text=COMMENT)
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(1)).to_have_text("2")
    expect(moderator.get_by_text("A volte le indicazioni non erano complete: 1")).to_be_visible()
    shot(moderator, "report")


def test_with_javascript_only_the_follow_up_of_the_chosen_rating_is_shown(page):
    """What AgID's validator checks after clicking each star (audit C.SI.2.5)."""
    page.goto(CALL_URL)
    positive = page.locator('[data-element="feedback-rating-positive"]')
    negative = page.locator('[data-element="feedback-rating-negative"]')
    expect(positive).to_be_hidden()
    expect(negative).to_be_hidden()
    for stars, shown, hidden in [
        (1, negative, positive),
        (3, negative, positive),
        (4, positive, negative),
        (5, positive, negative),
    ]:
        page.locator(f'[data-element="feedback-rate-{stars}"]').click()
        expect(shown).to_be_visible()
        expect(hidden).to_be_hidden()
    expect(page.get_by_text("(se hai dato 4 o 5 stelle)")).to_be_hidden()
