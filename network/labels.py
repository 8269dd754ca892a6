"""How the public names a seat: the member organisation, or a person's role and the body
they sit for. Never a person's name or contacts."""

from django.utils.translation import gettext as _


def public_label(
    role: str, organisation: str | None = None, on_behalf_of: str | None = None
) -> str:
    if organisation:
        return organisation
    if on_behalf_of:
        return _("%(role)s per %(body)s") % {"role": role, "body": on_behalf_of}
    return role
