"""Keeping a network's membership current from another tool, with an API token
(``Authorization: Bearer <token>``): create, change and end memberships, and find the people
of the shared directory by name. The rules are the admin's (network/membership_changes.py):
a coordinator's token acts on their own network only. The operations join the read router of
network/api.py, so one path serves GET and POST.
"""

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status
from ninja.errors import HttpError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.utils.forms import FormValidationError

from .api import MembershipOut, membership_out, public_memberships, router
from .membership_changes import change_membership, create_membership, end_membership
from .models import Membership, Network, Person, Role


class MembershipChange(Schema):
    network: str | None = Field(None, description="Lo slug della rete.")
    person: int | None = Field(None, description="L'id della persona (oppure organisation).")
    organisation: int | None = Field(None, description="L'id dell'ente componente.")
    role: str | None = Field(None, description="Lo slug del ruolo.")
    on_behalf_of: int | None = Field(None, description="L'id dell'ente per conto del quale.")
    area: int | None = Field(None, description="L'id dell'area rappresentata.")
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    end_reason: str | None = Field(None, description="Il motivo della cessazione (codice).")
    appointing_act: str | None = Field(None, max_length=255)


class MembershipEnd(Schema):
    end_date: datetime.date
    end_reason: str = Field(
        description="term_ended, resigned, replaced, revoked, body_left o other."
    )


class PersonOut(Schema):
    id: int
    name: str
    role_email: str = ""
    hidden_from_public: bool


def _by_slug(model, field, slug):
    pk = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if pk is None:
        raise ValidationError({field: _("«%(slug)s» non esiste.") % {"slug": slug}})
    return pk


def _values(change: MembershipChange) -> dict:
    """The fields the client sent (null clears an optional one), as model field values."""
    sent = change.model_dump(exclude_unset=True)
    values = {}
    for name, value in sent.items():
        if name == "network":
            values["network_id"] = _by_slug(Network, "network", value) if value else None
        elif name == "role":
            values["role_id"] = _by_slug(Role, "role", value) if value else None
        elif name in ("person", "organisation", "on_behalf_of", "area"):
            values[f"{name}_id"] = value
        elif name in ("end_reason", "appointing_act"):
            values[name] = value or ""
        else:
            values[name] = value
    return values


def _located(error: ValidationError) -> FormValidationError:
    """The model's errors with the field each belongs to (``loc``), so a client can show
    them next to its own inputs; ``[]`` for errors of the whole membership."""
    if not hasattr(error, "error_dict"):
        return FormValidationError({(): [(m, error.code or "invalid") for m in error.messages]})
    return FormValidationError(
        {
            (() if field == "__all__" else ("body", field)): [
                (message, item.code or "invalid") for item in items for message in item.messages
            ]
            for field, items in error.error_dict.items()
        }
    )


def _applied(change, *args):
    try:
        return change(*args)
    except FormValidationError:
        raise
    except ValidationError as error:
        raise _located(error) from error


def _read_back(membership):
    return membership_out(public_memberships().get(pk=membership.pk))


@router.post(
    "/memberships/",
    response={201: MembershipOut},
    auth=BearerTokenAuth(),
    summary="Aggiungi un'appartenenza (coordinatori: solo nella propria rete)",
)
def add_membership(request: HttpRequest, change: MembershipChange):
    values = _applied(_values, change)
    missing = [name for name in ("network_id", "role_id") if not values.get(name)]
    if missing:
        raise _located(
            ValidationError(
                {name.removesuffix("_id"): _("Campo obbligatorio.") for name in missing},
                code="required",
            )
        )
    membership = _applied(create_membership, request.user, values)
    return Status(201, _read_back(membership))


@router.patch(
    "/memberships/{membership_id}/",
    response=MembershipOut,
    auth=BearerTokenAuth(),
    summary="Modifica un'appartenenza (coordinatori: solo nella propria rete)",
)
def update_membership(request: HttpRequest, membership_id: int, change: MembershipChange):
    membership = get_object_or_404(Membership, pk=membership_id)
    values = _applied(_values, change)
    if not values:
        raise HttpError(400, _("Nessun campo da modificare."))
    return _read_back(_applied(change_membership, request.user, membership, values))


@router.post(
    "/memberships/{membership_id}/end/",
    response=MembershipOut,
    auth=BearerTokenAuth(),
    summary="Chiudi un'appartenenza: ultimo giorno e motivo",
)
def close_membership(request: HttpRequest, membership_id: int, end: MembershipEnd):
    membership = get_object_or_404(Membership, pk=membership_id)
    return _read_back(
        _applied(end_membership, request.user, membership, end.end_date, end.end_reason)
    )


class PeopleQuery(Schema):
    q: str = Field(min_length=2, max_length=100, description="Parte del nome.")


@router.get(
    "/people/",
    response=list[PersonOut],
    auth=BearerTokenAuth(),
    summary="Cerca una persona dell'anagrafica per nome (serve un token con accesso)",
)
def find_people(request: HttpRequest, query: Query[PeopleQuery]):
    if not request.user.has_perm("network.view_person"):
        raise HttpError(403, _("Il tuo utente non può consultare l'anagrafica."))
    people = (
        Person.objects.filter(name__icontains=query.q)
        .only("id", "name", "role_email", "hidden_from_public")
        .order_by("name", "pk")[:20]
    )
    return [
        PersonOut(
            id=person.pk,
            name=person.name,
            role_email=person.role_email,
            hidden_from_public=person.hidden_from_public,
        )
        for person in people
    ]
