"""What AgID's site validator measures in a real browser, on every public page type of the demo:
no request to another host, the kit's fonts self-hosted and used for every heading and paragraph
(C.SI.1.1), Bootstrap Italia 2 in use (C.SI.1.2), only technical first-party cookies for a new
visitor (C.SI.3.1), and visit statistics that wait for consent.
"""

import functools
import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .conftest import BOOTSTRAP_ITALIA_CSS, login
from .test_accessibility import PAGES

PATHS = [path for _name, path, _status in PAGES] + [
    "/note-legali/",
    "/informativa-privacy/",
    "/faq/",
    "/mappa-del-sito/",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# The validator's fonts (src/audits/municipality_font/allowedFonts.ts).
FONTS = ["Titillium Web", "Lora", "Roboto Mono"]
# Cookies a visitor may get without consent: technical ones only (Django's CSRF token, on a
# page with a form that posts). Anything else fails the test.
TECHNICAL_COOKIES = {"csrftoken"}
TRACKER = "http://statistiche.example.org/"

# Every heading and paragraph, and what is inside them, has one of the fonts as its first
# family: the validator's own check (src/audits/font/index.ts).
WRONG_FONTS_JS = """(allowed) => {
    const first = (e) => getComputedStyle(e).fontFamily.split(",", 1)[0].replace(/^"|"$/g, "");
    const wrong = [];
    for (const e of document.body.querySelectorAll("h1, h2, h3, h4, h5, h6, p")) {
        for (const element of [e, ...e.querySelectorAll("*")]) {
            if (!allowed.includes(first(element))) {
                wrong.push(`${element.tagName.toLowerCase()}: ${first(element)}`);
            }
        }
    }
    return wrong;
}"""


@functools.cache
def kit_classes():
    """Every class name Bootstrap Italia's stylesheet defines."""
    css = BOOTSTRAP_ITALIA_CSS.read_text()
    return frozenset(re.findall(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)", css))


def outside(url):
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob") and parts.hostname not in LOOPBACK


def public_paths(page):
    """The demo's page types, and every page of the site the menu and the footer link to (the
    transparency section, topics, the report form... as other apps add them)."""
    page.goto("/")
    linked = page.eval_on_selector_all(
        "header nav a[href^='/'], footer a[href^='/']", "links => links.map(a => a.pathname)"
    )
    skipped = ("/admin/", "/api/", "/documents/", "/feed/", "/sitemap.xml")
    return list(dict.fromkeys(PATHS + [p for p in linked if not p.startswith(skipped)]))


def test_public_pages_ask_nothing_of_any_other_host(page, shot):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    for path in public_paths(page):
        page.goto(path)
        page.wait_for_load_state("networkidle")

    assert requested
    assert [url for url in requested if outside(url)] == []
    shot(page, "last-page")


def test_a_new_visitor_gets_only_technical_cookies_of_the_site(page):
    for path in public_paths(page):
        page.goto(path)

    cookies = page.context.cookies()
    assert {cookie["domain"] for cookie in cookies} <= LOOPBACK
    assert {cookie["name"] for cookie in cookies} <= TECHNICAL_COOKIES


def test_the_kits_fonts_come_from_the_site_and_every_text_uses_them(page):
    fonts = []
    page.on(
        "response",
        lambda response: (
            fonts.append((response.url, response.status))
            if response.request.resource_type == "font"
            else None
        ),
    )
    for path in PATHS:
        page.goto(path)
        page.evaluate("document.fonts.ready")
        assert page.evaluate(WRONG_FONTS_JS, FONTS) == [], path

    # Lora and Roboto Mono load when a text asks for them: ask, and see them load.
    for family in FONTS:
        faces = page.evaluate(
            'async (family) => (await document.fonts.load(`16px "${family}"`))'
            ".map(face => [face.family.replace(/\"/g, ''), face.status])",
            family,
        )
        assert [family, "loaded"] in [list(face) for face in faces], family
    assert fonts
    for url, status in fonts:
        assert urlsplit(url).path.startswith("/static/bootstrap-italia/fonts/"), url
        assert status == 200, url
    loaded = set(
        page.evaluate(
            "Array.from(document.fonts).filter(f => f.status === 'loaded')"
            ".map(f => f.family.replace(/\"/g, ''))"
        )
    )
    assert set(FONTS) <= loaded


def test_bootstrap_italia_2_is_in_use(page):
    for path in PATHS:
        page.goto(path)
        version = page.evaluate(
            "getComputedStyle(document.documentElement)"
            ".getPropertyValue('--bootstrap-italia-version')"
        )
        assert int(version.strip().strip("'\"").split(".")[0]) >= 2, path
        # The validator reads it from the body too.
        assert page.evaluate(
            "getComputedStyle(document.body).getPropertyValue('--bootstrap-italia-version')"
        ).strip()
        used = set(
            page.evaluate(
                "[...new Set([...document.querySelectorAll('[class]')]"
                ".flatMap(e => [...e.classList]))]"
            )
        )
        from_kit = used & kit_classes()
        # The validator wants at least 30% of the classes to be the kit's.
        assert len(from_kit) / len(used) >= 0.8, (path, sorted(used - kit_classes()))


def test_statistics_load_only_after_the_visitor_accepts_them(new_page, shot):
    """An editor turns statistics on in Impostazioni; a visitor sees the cookie bar, nothing
    goes to the tracker until "Accetta", and the choice is one first-party cookie."""
    editor = new_page()
    login(editor, "admin")
    settings_url = "/admin/settings/cms/webanalytics/"

    def configure(url, site_id):
        editor.goto(settings_url)
        editor.get_by_role("textbox", name="Indirizzo del tracker Matomo").fill(url)
        editor.get_by_role("textbox", name="ID del sito in Matomo").fill(site_id)
        editor.get_by_role("button", name="Salva", exact=True).click()
        expect(editor.locator(".messages")).to_contain_text("aggiornat")

    configure(TRACKER, "7")
    try:
        visitor = new_page()
        tracker_requests = []
        visitor.on(
            "request",
            lambda request: (
                tracker_requests.append(request.url) if request.url.startswith(TRACKER) else None
            ),
        )
        visitor.route(
            f"{TRACKER}**",
            lambda route: route.fulfill(
                status=200, content_type="text/javascript", body="window.trackerLoaded = true;"
            ),
        )
        visitor.goto("/")
        bar = visitor.locator("#cookiebar")
        expect(bar).to_be_visible()
        visitor.goto("/notizie/")
        visitor.wait_for_load_state("networkidle")
        assert tracker_requests == []
        assert visitor.context.cookies() == []
        shot(visitor, "cookie-bar")

        bar.get_by_role("button", name="Accetta i cookie di statistica").click()
        expect(bar).to_be_hidden()
        visitor.wait_for_function("window.trackerLoaded === true")
        assert tracker_requests == [f"{TRACKER}matomo.js"]
        cookies = {cookie["name"]: cookie for cookie in visitor.context.cookies()}
        assert cookies["cookies_consent"]["value"] == "true"
        assert cookies["cookies_consent"]["domain"] in LOOPBACK

        # Next page: no bar, the tracker starts at once; the footer reopens the choice.
        visitor.goto("/piani/")
        expect(bar).to_be_hidden()
        visitor.wait_for_function("window.trackerLoaded === true")
        visitor.locator("footer").get_by_role("link", name="Preferenze sui cookie").click()
        expect(bar).to_be_visible()
        bar.get_by_role("button", name="Rifiuta i cookie di statistica").click()
        visitor.goto("/")
        assert not visitor.evaluate("window.trackerLoaded === true")
        cookies = {cookie["name"]: cookie for cookie in visitor.context.cookies()}
        assert cookies["cookies_consent"]["value"] == "false"

        refused = new_page()
        refused.goto("/")
        refused.locator("#cookiebar").get_by_role(
            "button", name="Rifiuta i cookie di statistica"
        ).click()
        refused.goto("/verbali/")
        expect(refused.locator("#cookiebar")).to_be_hidden()
        refused.wait_for_load_state("networkidle")
        assert not refused.evaluate("window.trackerLoaded === true")
    finally:
        configure("", "")
