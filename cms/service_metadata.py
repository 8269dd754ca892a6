"""The machine-readable description of a service (schema.org GovernmentService as JSON-LD)
that AgID's validator reads from ``<script type="application/ld+json" data-element="metatag">``
on calls and on pages that describe a service (audit R.SI.1.1: name, serviceType,
serviceOperator.name, areaServed.name, audience.audienceType, availableChannel with serviceUrl
and serviceLocation name and address)."""

import json

from django.utils.safestring import mark_safe

# What json_script escapes: the JSON can then never close the <script> element or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def service_metadata(*, name, service_type, operator, audience, url, identity) -> dict:
    """The JSON-LD object of one service; the body's identity gives the area and the office."""
    location = {"name": identity.name}
    address = {
        "streetAddress": identity.address,
        "postalCode": identity.postal_code,
        "addressLocality": identity.locality,
    }
    address = {key: value for key, value in address.items() if value}
    if address:
        location["address"] = {"@type": "PostalAddress", **address}
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": name,
        "serviceType": service_type,
        "serviceOperator": {"@type": "GovernmentOrganization", "name": operator},
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": identity.area_served or identity.locality or identity.name,
        },
        "audience": {"@type": "Audience", "audienceType": audience},
        "availableChannel": {
            "@type": "ServiceChannel",
            "serviceUrl": url,
            "serviceLocation": {"@type": "Place", **location},
        },
    }


def call_metadata(call, identity, url) -> dict:
    recipients = ", ".join(recipient.name for recipient in call.recipients.all())
    return service_metadata(
        name=call.title,
        service_type=call.get_call_type_display(),
        operator=call.issuer or identity.name,
        audience=recipients or "Cittadini",
        url=url,
        identity=identity,
    )


def standard_page_metadata(page, identity, url) -> dict:
    return service_metadata(
        name=page.title,
        service_type=page.service_type,
        operator=identity.name,
        audience=page.service_audience,
        url=url,
        identity=identity,
    )


def metatag_script(data: dict) -> str:
    """The ``<script>`` element carrying ``data``, escaped like Django's json_script."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json" data-element="metatag">{text}</script>')
