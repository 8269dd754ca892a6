"""Browser tests: Playwright driving Debian's Chromium against a real server with the demo.

The server is gunicorn in a process of its own, on a database of its own (a SQLite file, or a
``test_<name>_browser`` database next to the PostgreSQL one in ``DATABASE_URL``), migrated and
filled by ``load_demo`` once for the whole package. The suite's own test database is never
touched, so these tests need no ``db`` fixture and behave the same on both databases.

Chromium is the Debian package (``apt-get install chromium``), never a browser downloaded by
Playwright. Without it the tests are skipped, except where the ``CI`` variable is set: there a
missing browser (or a missing ``make assets``) is a failure.

Screenshots of the key steps go to ``test-artifacts/browser/<sqlite|postgresql>/<test>/``
(git-ignored), with a ``FAILED`` screenshot of every open page when a test fails, the axe
reports and the logs of the server and of its setup.
"""

import contextlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
POSTGRES_SCHEMES = ("postgres", "postgresql")
DATABASE_SCHEME = urlsplit(os.environ.get("DATABASE_URL", "")).scheme
# One folder per database, so that CI keeps the screenshots of both runs.
ARTIFACTS = (
    BASE_DIR
    / "test-artifacts"
    / "browser"
    / ("postgresql" if DATABASE_SCHEME in POSTGRES_SCHEMES else "sqlite")
)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
BOOTSTRAP_ITALIA_CSS = BASE_DIR / "assets" / "bootstrap-italia" / "css" / "bootstrap-italia.min.css"
SERVER_SETTINGS = "tests.browser.settings"
# Every demo user has this password (cms/demo/content.py).
DEMO_PASSWORD = "demo-admin-2026"
# Milliseconds: generous for a loaded CI machine, still a failure rather than a hang.
ACTION_TIMEOUT = 20_000
NAVIGATION_TIMEOUT = 45_000
EXPECT_TIMEOUT = 15_000
SETUP_SECONDS = 600
SERVER_START_SECONDS = 60


def unavailable(reason):
    """Skip on a developer's machine; fail in CI, where the browser tests must run."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason} (CI is set: the browser tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium against a live demo server")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


# --------------------------------------------------------------------------- the server


def server_database(workdir):
    """The database URL for the server, and a function that drops it afterwards."""
    parts = urlsplit(os.environ.get("DATABASE_URL", ""))
    if parts.scheme not in POSTGRES_SCHEMES:
        return f"sqlite:///{workdir / 'site.sqlite3'}", lambda: None

    import psycopg
    from psycopg import sql

    name = f"test_{parts.path.lstrip('/') or 'udp'}_browser"
    maintenance = urlunsplit(parts._replace(path="/postgres"))

    def execute(statement):
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(name)))

    execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    execute("CREATE DATABASE {}")
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: execute(
        "DROP DATABASE IF EXISTS {} WITH (FORCE)"
    )


def stop(process):
    """Stop a process started in a session of its own, with its children."""
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class DemoSite:
    """A database of its own with the demo (migrate, then load_demo) and gunicorn on it.

    The database is prepared in the background from the end of collection, while the rest
    of the suite runs (the browser tests come last: pytest-django runs tests without a
    database after the others), and served when the first browser test asks for it.
    """

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="udp-browser-site-"))
        self.database_url, self.drop_database = server_database(self.workdir)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SERVER_SETTINGS,
            "DATABASE_URL": self.database_url,
            "BROWSER_MEDIA_ROOT": str(self.workdir / "media"),
            "PYTHONUNBUFFERED": "1",
        }
        self.setup_log = ARTIFACTS / "setup.log"
        self.server_log = ARTIFACTS / "server.log"
        self.preparation = None
        self.server = None

    def prepare(self):
        manage = shlex.join([sys.executable, str(BASE_DIR / "manage.py")])
        with self.setup_log.open("w") as log:
            self.preparation = subprocess.Popen(
                ["/bin/sh", "-c", f"{manage} migrate --noinput && {manage} load_demo"],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def serve(self):
        """Wait for the database, start gunicorn on a free port, return its base URL."""
        if self.preparation is None:
            self.prepare()
        try:
            failed = self.preparation.wait(timeout=SETUP_SECONDS)
        except subprocess.TimeoutExpired:
            stop(self.preparation)
            failed = True
        if failed:
            raise RuntimeError(
                f"migrate/load_demo failed; see {self.setup_log}:\n"
                + self.setup_log.read_text()[-3000:]
            )
        with self.server_log.open("w") as log:
            self.server = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "cms.wsgi:application"),
                    *("--bind", "127.0.0.1:0", "--workers", "1"),
                    *("--worker-class", "gthread", "--threads", "4", "--timeout", "120"),
                    *("--access-logfile", "-"),
                ],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self.wait_until_serving()

    def wait_until_serving(self):
        deadline = time.monotonic() + SERVER_START_SECONDS
        base_url = None
        while time.monotonic() < deadline and self.server.poll() is None:
            if base_url is None:
                found = re.search(r"Listening at: (http://[\d.]+:\d+)", self.server_log.read_text())
                base_url = found.group(1) if found else None
            if base_url is not None:
                try:
                    with urllib.request.urlopen(f"{base_url}/healthz", timeout=5) as response:
                        if response.status == 200:
                            return base_url
                except (urllib.error.URLError, OSError):
                    pass
            time.sleep(0.2)
        raise RuntimeError(
            f"gunicorn did not start; see {self.server_log}:\n"
            + self.server_log.read_text()[-3000:]
        )

    def stop_server(self):
        stop(self.server)
        self.server = None

    def close(self):
        stop(self.preparation)
        self.stop_server()
        try:
            self.drop_database()
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)


SITE = pytest.StashKey[DemoSite]()


def browser_tests_can_run():
    return os.access(CHROMIUM, os.X_OK) and BOOTSTRAP_ITALIA_CSS.exists() and AXE_JS.exists()


def clean_artifacts():
    """Screenshots and logs of this run only."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return
    selected = any(item.get_closest_marker("browser") for item in session.items)
    if selected and browser_tests_can_run() and SITE not in session.config.stash:
        clean_artifacts()
        try:
            site = DemoSite()
        except Exception:  # the live_site fixture tries again, and reports the error
            return
        session.config.stash[SITE] = site
        site.prepare()


def pytest_unconfigure(config):
    site = config.stash.get(SITE, None)
    if site is not None:
        site.close()


@pytest.fixture(scope="package")
def live_site(pytestconfig):
    """Base URL of gunicorn serving its own database with the demo district."""
    if not BOOTSTRAP_ITALIA_CSS.exists() or not AXE_JS.exists():
        unavailable("Bootstrap Italia or axe-core missing: run `make assets` (npm ci)")
    site = pytestconfig.stash.get(SITE, None)
    if site is None:  # collection did not start it (e.g. Chromium appeared since)
        clean_artifacts()
        site = pytestconfig.stash[SITE] = DemoSite()
    try:
        yield site.serve()
    finally:
        site.stop_server()


# --------------------------------------------------------------------------- the browser


@pytest.fixture(scope="package")
def browser():
    """Debian's Chromium, headless. Package-scoped: Playwright's event loop must be gone
    before the rest of the suite talks to the database again."""
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        unavailable("the playwright package is missing (pip install -e '.[dev]')")
    expect.set_options(timeout=EXPECT_TIMEOUT)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Screenshots:
    """Numbered full-page screenshots in test-artifacts/browser/<database>/<test name>/."""

    def __init__(self, name):
        self.folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", name).strip("_")
        self.count = 0

    def __call__(self, page, step):
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shot(request):
    return Screenshots(request.node.name)


@pytest.fixture
def new_page(request, browser, live_site, shot):
    """``new_page()`` opens a page in a context of its own (its own cookies: one per user).

    A static file (stylesheet, script, font, icon) that the server does not deliver fails the
    test: without them the admin's menus and forms are missing and the public pages unstyled.
    """
    contexts = []
    broken_static = []

    def watch(response):
        if urlsplit(response.url).path.startswith("/static/") and response.status >= 400:
            broken_static.append(f"{response.status} {response.url}")

    def open_page():
        context = browser.new_context(
            base_url=live_site,
            locale="it-IT",
            timezone_id="Europe/Rome",
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        context.set_default_timeout(ACTION_TIMEOUT)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
        context.on("response", watch)
        contexts.append(context)
        return context.new_page()

    yield open_page
    failed = getattr(request.node, "browser_failed", False)
    for number, context in enumerate(contexts, 1):
        if failed:
            for page in context.pages:
                # A screenshot that cannot be taken must not hide the failure itself.
                with contextlib.suppress(Exception):
                    shot(page, f"FAILED-context{number}")
        context.close()
    if broken_static:
        pytest.fail("static files not served:\n" + "\n".join(sorted(set(broken_static))))


@pytest.fixture
def page(new_page):
    return new_page()


def login(page, username):
    """Log in through the admin's login form, as a person would."""
    page.goto("/admin/login/")
    page.get_by_label("Nome utente").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_url(re.compile(r"/admin/$"))
