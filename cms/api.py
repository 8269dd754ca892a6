"""The JSON APIs: Wagtail's API v3 (`/api/v3/`, django-ninja, OpenAPI at
`/api/v3/openapi.json`, interactive docs at `/api/v3/docs/`), which carries our registry and
search routers too, and the read API v2 (`/api/v2/`), kept for existing front ends."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cms.api_content import router as content_router
from cms.api_preview import router as preview_router
from cms.api_workflow import router as workflow_router
from network import api_write  # noqa: F401  (adds the write operations to that router)
from network.api import router as registry_router
from search.api import router as search_router

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

api_v3.add_router("/content/", content_router)
api_v3.add_router("/workflow/", workflow_router)
api_v3.add_router("/preview/", preview_router)
api_v3.add_router("/search/", search_router)
api_v3.add_router("/registry/", registry_router)

__all__ = ["api_router", "api_v3"]
