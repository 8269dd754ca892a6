"""The guard on every way a page goes live.

- The admin's edit and create views: the page form (forms.PrivacyGuardPageForm) lists the
  findings and asks for a confirmation with a reason before "Pubblica" or "Approva".
- Everything that calls ``page.publish()`` / ``revision.publish()`` (create view, bulk
  publish, workflow approval from the dashboard, API v3 create/edit with publish, scheduled
  publishing) goes through ``PrivacyGuardedPage.publish``; API v3's ``actions/publish``
  takes the publish action from Wagtail's action registry, where wagtail_hooks.py puts
  ``GuardedPublishPageRevisionAction``.

With a person behind the request the refusal is a ``PermissionDenied`` naming the findings;
scheduled publishing has nobody in front, so the revision is held (its schedule cleared and
the hold logged) instead of stopping the job for every other page.
"""

from wagtail.actions.publish_page_revision import PublishPageRevisionAction

from . import guard
from .forms import PrivacyGuardPageForm


class GuardedPublishPageRevisionAction(PublishPageRevisionAction):
    def execute(self, skip_permission_checks=False):
        try:
            guard.ensure_publishable(self.object)
        except guard.UnconfirmedPersonalData as error:
            if self.user is None and self.revision.approved_go_live_at is not None:
                guard.hold(self.object, self.revision, error)
                return None
            raise
        return super().execute(skip_permission_checks=skip_permission_checks)


class PrivacyGuardedPage:
    """Mixin for page models (before ``Page`` in the bases): guarded publishing and the
    admin form that shows findings. Put ``PrivacyFindingsPanel()`` in ``content_panels``
    so the confirmation fields can be shown."""

    base_form_class = PrivacyGuardPageForm

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        return GuardedPublishPageRevisionAction(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        ).execute(skip_permission_checks=skip_permission_checks)
