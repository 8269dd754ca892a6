"""The privacy guard's refusals in the admin screens that publish without the page's form:
the bulk action «Pubblica» of the page listing and «Approva» of a workflow from the dashboard.

Behind both, publishing goes through ``PrivacyGuardedPage.publish``, which refuses a page with
unconfirmed findings (``guard.UnconfirmedPersonalData``, a ``PermissionDenied``). Left alone,
Wagtail turns that into a bare 403 (the dashboard's dialog) or into "you do not have permission"
on the dashboard (the bulk form), and the bulk action, run in one transaction, publishes
nothing. Here they behave like Wagtail's bulk actions with the pages they cannot process:

- bulk «Pubblica»: the confirmation screen lists the pages that will not be published and why;
  the clean pages are published, each refused page (or draft sub-page, with "include
  descendants") is left exactly as it was (its own savepoint), and the user is back on the
  listing with one message per refused page saying to open it and fix or confirm the findings;
- «Approva» from the dashboard: nothing changes (the approval is one transaction, rolled back)
  and the user lands on the page's edit view, where the message says the same and the
  confirmation fields are.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet

from . import guard


def refusal_message(page, error) -> str:
    """What the editor reads when ``page`` was not published: which kinds of data, what to do.
    Kinds only: the findings' context stays in the page's own form."""
    kinds = ", ".join(sorted({finding.label for finding in error.findings}))
    return _(
        "«%(title)s» non è stata pubblicata: contiene dati personali non confermati (%(kinds)s). "
        "Apri la pagina e correggi il testo, oppure conferma i dati indicando il motivo della "
        "pubblicazione, poi pubblicala."
    ) % {"title": page.get_admin_display_title(), "kinds": kinds}


def report_refusal(request, page, error) -> None:
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    messages.error(
        request,
        refusal_message(page, error),
        buttons=[messages.button(edit_url, _("Apri la pagina"))],
    )


def publish_refusal(page):
    """The guard's refusal to publish ``page``'s latest revision (what bulk publishing would
    publish), or None."""
    revision = page.get_latest_revision()
    try:
        guard.ensure_publishable(revision.as_object() if revision else page.specific)
    except guard.UnconfirmedPersonalData as error:
        return error
    return None


def publish_latest(page, user, refused) -> bool:
    """Publish ``page``'s latest revision as Wagtail's bulk action does; on the guard's
    refusal leave the page as it was (savepoint), add ``(page, error)`` to ``refused``."""
    try:
        with transaction.atomic():
            revision = page.get_latest_revision() or page.specific.save_revision(user=user)
            revision.publish(user=user)
    except guard.UnconfirmedPersonalData as error:
        refused.append((page, error))
        return False
    return True


class GuardedPublishBulkAction(PublishBulkAction):
    """Wagtail's bulk «Pubblica» (registered in its place, wagtail_hooks.py): pages with
    unconfirmed findings are set aside like pages the user may not publish."""

    template_name = "privacy/confirm_bulk_publish.html"

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        self.refusals = []
        clean = []
        for page in objects:
            error = publish_refusal(page)
            if error is None:
                clean.append(page)
            else:
                self.refusals.append((page, error))
        flagged = [{"item": page.specific_deferred} for page, _error in self.refusals]
        return clean, {**context, "items_with_personal_data": flagged}

    def get_execution_context(self):
        self.refused_on_publish = []
        return {**super().get_execution_context(), "refused": self.refused_on_publish}

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, refused=None, **kwargs):
        """Wagtail's own loop, with each page published in its own savepoint."""
        refused = [] if refused is None else refused
        num_parent_objects = num_child_objects = 0
        for page in objects:
            if not publish_latest(page, user, refused):
                continue  # nor its draft sub-pages: as for a page that cannot be processed
            num_parent_objects += 1
            if not include_descendants:
                continue
            drafts = page.get_descendants().not_live().defer_streamfields().specific()
            for draft in drafts.iterator():
                if user is None or draft.permissions_for_user(user).can_publish():
                    num_child_objects += publish_latest(draft, user, refused)
        return num_parent_objects, num_child_objects

    def form_valid(self, form):
        response = super().form_valid(form)
        for page, error in [*self.refusals, *getattr(self, "refused_on_publish", [])]:
            report_refusal(self.request, page, error)
        return response

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None  # only refusals to report
        return super().get_success_message(num_parent_objects, num_child_objects)


class GuardedWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow action (the dashboard's «Approva»): a refusal of the guard leads to
    the page's edit view with the message, instead of a 403."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except guard.UnconfirmedPersonalData as error:
            report_refusal(request, self.object, error)
            edit_url = reverse("wagtailadmin_pages:edit", args=[self.object.pk])
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                # The dialog's "success" step sends the browser to ``redirect``.
                return self.render_modal_json(request, {"step": "success", "redirect": edit_url})
            return redirect(edit_url)


class GuardedPageViewSet(PageViewSet):
    """The admin views of every page type (registered for ``Page``, after Wagtail's default):
    Wagtail's, but for the workflow action. A viewset for one page type must subclass this."""

    workflow_action_view_class = GuardedWorkflowActionView
