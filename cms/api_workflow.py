"""`POST /api/v3/workflow/{page_id}/submit/`: send a draft to moderation from another tool.

Wagtail's API v3 creates and updates drafts and publishes (for users who may), but has no
action to submit to the workflow. This one does what the editor's "Invia a Revisione" does:
the same permission check, the same workflow, started on the latest revision.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import Page

router = Router(tags=["workflow"])


class Submitted(Schema):
    page_id: int
    workflow: str
    status: str
    current_task: str


@router.post(
    "/{page_id}/submit/",
    response=Submitted,
    auth=BearerTokenAuth(),
    summary="Invia una bozza alla revisione (workflow)",
)
def submit_for_moderation(request: HttpRequest, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    # Wagtail's can_submit_for_moderation() looks at the page and its workflow only: in the
    # admin, submitting is part of editing, so editing rights come first.
    if not permissions.can_edit():
        raise HttpError(403, "Non puoi modificare questa pagina.")
    if page.workflow_in_progress:
        raise HttpError(409, "La pagina è già in revisione.")
    workflow = page.get_workflow()
    if workflow is None:
        raise HttpError(409, "Questa pagina non ha un workflow.")
    if not permissions.can_submit_for_moderation():
        raise HttpError(403, "Non puoi inviare questa pagina alla revisione (è bloccata?).")
    if page.get_latest_revision() is None:
        page.save_revision(user=request.user)
    state = workflow.start(page, request.user)
    return Submitted(
        page_id=page.pk,
        workflow=workflow.name,
        status=state.status,
        current_task=state.current_task_state.task.name if state.current_task_state else "",
    )
