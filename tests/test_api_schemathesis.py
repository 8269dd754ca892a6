"""Property-based test of the API v3 with schemathesis: its OpenAPI document is loaded through
Django's WSGI app (no server), and a bounded, derandomized number of generated requests to
the GET operations of the search, pages and registry paths must never give a 5xx, and must answer with
the content types and bodies the document declares.

Our search endpoints must also answer only the status codes they declare (200). Wagtail's
pages endpoints document only their 200, yet rightly answer 404 (no such page), 401
(revisions need a token) and 422 (contradictory filters): that check is left out for them.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import CallPageFactory, NewsPageFactory, StandardPageFactory
from tests.registry_factories import (
    MembershipFactory,
    NetworkFactory,
    RuleFactory,
    SubareaFactory,
)

pytestmark = pytest.mark.django_db

PATHS = r"^/api/v3/(search|pages|registry)/"
# Wagtail 8.0.1's own 500, not ours to fix: /api/v3/pages/find/?site=a:b:c&html_path=/ ends
# in ValueError "Field 'port' expected a number" (wagtail/api/validators.py, site_obj).
WAGTAIL_SERVER_ERRORS = ["/api/v3/pages/find/"]
# Needs a token: every generated call is a 401, which says nothing about the schema.
TOKEN_ONLY = ["/api/v3/registry/people/"]


@pytest.fixture
def connection_kept():
    """The WSGI handler closes the database connection at the end of each request, which on
    PostgreSQL ends the test's transaction: keep it open, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def published(connection_kept, home, news_index, call_index):
    """A few published pages for the search and the pages listing to find."""
    NewsPageFactory(parent=news_index, title="Nuove soglie ISEE", body="<p>ISEE e FNA</p>")
    CallPageFactory(parent=call_index, title="Bando voucher ISEE")
    StandardPageFactory(parent=home, title="Sportello sociale")
    network = NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")
    RuleFactory(network=network)
    MembershipFactory(network=network, area=SubareaFactory())


# Loaded at collection through the WSGI app: the OpenAPI document reads no database.
# (schemathesis.pytest.from_fixture would load it in a fixture, but schemathesis 4.32 reads
# the test node's ``_nodeid``, which pytest 9 no longer has.)
schema = (
    schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
    .include(method="GET", path_regex=PATHS)
    .exclude(path=WAGTAIL_SERVER_ERRORS + TOKEN_ONLY)
)


@schema.parametrize()
@settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_v3_get_operations_conform_to_their_schema(case, published):
    checks = [not_a_server_error, content_type_conformance, response_schema_conformance]
    if case.operation.path.startswith("/api/v3/search/"):
        checks.append(status_code_conformance)
    # Schemathesis's WSGI transport does not decode gzip (cms/compression.py compresses the
    # anonymous API for clients that ask, tests/test_compression.py): ask for plain bytes.
    case.call_and_validate(checks=checks, headers={"Accept-Encoding": "identity"})
