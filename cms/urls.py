from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router, api_v3
from cms.views import healthz, media_image

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("media/<path:path>", media_image, name="media_image"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("search.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("feeds.urls")),
    path("", include("topics.urls")),
    path("", include("feedback.urls")),
    path("", include("transparency.urls")),
    path("", include("privacy.urls")),
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("", include(wagtail_urls)),
]
