"""Bodies the JSON API accepts: a JSON object, or nothing. Wagtail's API v3 answers a body
that is valid JSON but not an object (``[]``, ``3``) with a 500 (an AttributeError in its
schema resolution); a client error must be a 4xx, so such bodies are refused here first."""

import json

from django.http import JsonResponse

API_PREFIX = "/api/"
WRITES = {"POST", "PUT", "PATCH"}


def json_object_bodies(get_response):
    def middleware(request):
        if (
            request.method in WRITES
            and request.path.startswith(API_PREFIX)
            and request.content_type == "application/json"
            and request.body.strip()
        ):
            try:
                data = json.loads(request.body)
            except ValueError:
                return problem("Il corpo della richiesta non è JSON valido.")
            if not isinstance(data, dict):
                return problem("Il corpo della richiesta deve essere un oggetto JSON.")
        return get_response(request)

    return middleware


def problem(detail):
    return JsonResponse(
        {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": detail},
        status=400,
        content_type="application/problem+json",
    )
