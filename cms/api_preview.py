"""`/api/v3/preview/`: the draft shown in the admin preview, for a headless front end
(cms/headless_preview.py). The admin sends the editor to the front end with
``?content_type=cms.newspage&token=...``; the front end asks for that draft here and gets it
in the shape of `/api/v3/pages/<id>/`. The token is signed by the site and lives as long as
the stored preview (a day or two); anything else is refused."""

from django.apps import apps
from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from ninja import Router
from ninja.errors import HttpError
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms import headless_preview

router = Router(tags=["preview"])


@router.get(
    "/",
    response=PageDetailSchema,
    summary="La bozza in anteprima, per un front end headless (token di anteprima)",
)
def preview(request: HttpRequest, response: HttpResponse, content_type: str, token: str):
    if not headless_preview.enabled():
        raise HttpError(404, "Anteprima headless non attiva.")
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, HeadlessPreviewMixin):
        raise HttpError(404, "Tipo di pagina sconosciuto.")
    try:
        page = model.get_page_from_preview_token(token)
    except BadSignature:
        raise HttpError(403, "Token di anteprima non valido.") from None
    if page is None:
        raise HttpError(404, "Anteprima non trovata o scaduta.")
    if page.pk is None:  # a page not saved yet: the schema wants an id
        page.id = page.pk = 0
    # A draft: never kept by a browser, a proxy or the server-side cache.
    patch_cache_control(response, private=True, no_store=True)
    return page
