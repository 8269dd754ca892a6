"""axe-core on every public page type of the demo: no serious or critical WCAG 2.1 A/AA
violation, and a footer that links to the accessibility statement.

axe is read from node_modules (package.json, `npm ci`) and evaluated in the page through the
DevTools protocol: the site's Content-Security-Policy allows no inline script, so a
``<script>`` tag added by Playwright would be refused, and turning the policy off
(``bypass_csp``) would audit a page other than the one visitors get. Every violation found,
of any impact, is written to test-artifacts/browser/axe/<page>.json, next to a screenshot.
"""

import functools
import json

import pytest
from playwright.sync_api import expect

from cms.demo.content import BODY_IDENTITY

from .conftest import ARTIFACTS, AXE_JS

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

# One page of each public type, from the demo (load_demo): (name, path, expected status).
PAGES = [
    ("home", "/", 200),
    ("sezione-piani", "/piani/", 200),
    ("piano", "/piani/piano-operativo-2017/", 200),
    ("sezione-verbali", "/verbali/", 200),
    ("verbale", "/verbali/verbale-ufficio-di-piano-2017-03-01/", 200),
    ("sezione-bandi", "/bandi/", 200),
    ("bando", "/bandi/contributi-fna-misura-b2/", 200),
    ("sezione-notizie", "/notizie/", 200),
    ("notizia", "/notizie/approvato-piano-operativo-2017/", 200),
    ("pagina-generica", "/chi-siamo/", 200),
    ("sezione-del-menu", "/amministrazione/", 200),
    ("sezione-vivere", "/vivere-il-cremasco/", 200),
    ("luoghi", "/vivere-il-cremasco/luoghi/", 200),
    ("eventi", "/vivere-il-cremasco/eventi/", 200),
    ("sezione-servizi", "/servizi/", 200),
    ("servizio", "/servizi/segretariato-sociale/", 200),
    ("servizio-sospeso", "/servizi/voucher-assistenza-domiciliare-fna/", 200),
    ("indice-reti", "/reti/", 200),
    ("rete", "/reti/rete-contatto/", 200),
    ("argomenti", "/argomenti/", 200),
    ("argomento", "/argomenti/assistenza-sociale/", 200),
    ("sezione-bandi-filtrata", "/bandi/?state=open", 200),
    ("ricerca", "/search/?q=piano", 200),
    ("ricerca-filtrata", "/search/?q=piano&type=bando", 200),
    ("ricerca-vuota", "/search/?q=zzzqqq", 200),
    ("pagina-non-trovata", "/questa-pagina-non-esiste/", 404),
]


@functools.cache
def axe_source():
    return AXE_JS.read_text()


def run_axe(page):
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        WCAG_TAGS,
    )


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.append(f"      {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[page[0] for page in PAGES])
def test_no_serious_accessibility_violations(page, name, path, status):
    response = page.goto(path)
    assert response.status == status
    expect(page.locator("main h1")).to_be_visible()
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)

    result = run_axe(page)

    violations = result["violations"]
    (folder / f"{name}.json").write_text(
        json.dumps(
            {"url": path, "axe": result["testEngine"]["version"], "violations": violations},
            indent=2,
            ensure_ascii=False,
        )
    )
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {path}:\n{describe(blocking)}"


def test_footer_links_the_accessibility_statement(page, shot):
    """The statement the body publishes on AgID's form (BodyIdentity.accessibility_statement_url)
    is one click away from every page: the footer of the home page and of a 404 alike. (The
    demo's page of the same name may be listed among the sections too.)"""
    statement = BODY_IDENTITY["accessibility_statement_url"]
    for path in ("/", "/questa-pagina-non-esiste/"):
        page.goto(path)
        links = page.locator("footer").get_by_role("link", name="Dichiarazione di accessibilità")
        expect(links.and_(page.locator(f'[href="{statement}"]'))).to_have_count(1)
    page.locator("footer").scroll_into_view_if_needed()
    shot(page, "footer")
