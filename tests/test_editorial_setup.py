"""Migration 0002's editorial set-up: two groups, their permissions, the review workflow, and
scheduled publishing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
)

from cms.models import StandardPage

pytestmark = pytest.mark.django_db


def root_permissions(group_name):
    return set(
        GroupPagePermission.objects.filter(
            group__name=group_name, page=Page.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )


def model_permissions(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


@pytest.fixture
def draft(home):
    page = StandardPage(title="Orari dello sportello", slug="orari", live=False)
    home.add_child(instance=page)
    return page


@pytest.fixture
def submitted(draft, editor):
    draft.title = "Orari dello sportello ISEE"
    draft.save_revision(user=editor)
    draft.get_workflow().start(draft, editor)
    draft.refresh_from_db()
    return draft


# -- groups


def test_the_editorial_groups_exist():
    assert {"Redazione", "Moderatori"} <= set(Group.objects.values_list("name", flat=True))


def test_wagtails_english_default_groups_are_renamed():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_editors_can_add_and_change_pages_from_the_root():
    assert root_permissions("Redazione") == {"add_page", "change_page"}


def test_moderators_can_also_publish_lock_and_unlock_from_the_root():
    assert root_permissions("Moderatori") == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }


@pytest.mark.parametrize("group_name", ["Redazione", "Moderatori"])
def test_both_groups_can_access_the_admin(group_name):
    group = Group.objects.get(name=group_name)
    assert group.permissions.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists()


@pytest.mark.parametrize("group_name", ["Redazione", "Moderatori"])
def test_both_groups_can_upload_and_choose_documents_in_the_root_collection(group_name):
    codenames = set(
        GroupCollectionPermission.objects.filter(
            group__name=group_name, collection=Collection.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_document", "change_document", "choose_document"} <= codenames


def test_an_editor_can_open_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_editors_may_only_view_the_networks():
    assert {p for p in model_permissions("Redazione") if p.endswith("_network")} == {"view_network"}


def test_moderators_manage_the_body_identity_and_only_view_the_networks():
    # The registry belongs to each network's coordinators (network migration 0003).
    permissions = model_permissions("Moderatori")
    assert {"change_bodyidentity", "view_bodyidentity"} <= permissions
    assert {p for p in permissions if p.endswith("_network")} == {"view_network"}


def test_editors_may_not_change_the_body_identity():
    assert "change_bodyidentity" not in model_permissions("Redazione")


# -- the workflow


def test_the_review_workflow_is_active_on_the_root():
    workflow_page = WorkflowPage.objects.get(page=Page.get_first_root_node())
    assert workflow_page.workflow.name == "Revisione"
    assert workflow_page.workflow.active


def test_the_review_workflow_has_one_group_task_approved_by_moderators():
    workflow = Workflow.objects.get(name="Revisione")
    tasks = [task.specific for task in workflow.tasks.all()]

    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert tasks[0].active
    assert [group.name for group in tasks[0].groups.all()] == ["Moderatori"]


def test_a_new_page_inherits_the_review_workflow(home):
    page = home.add_child(instance=StandardPage(title="Contatti", slug="contatti"))
    assert page.get_workflow().name == "Revisione"


def test_an_editor_can_edit_and_submit_a_page(draft, editor):
    permissions = draft.permissions_for_user(editor)

    assert permissions.can_edit()
    assert permissions.can_submit_for_moderation()


def test_an_editor_cannot_publish(draft, editor):
    assert not draft.permissions_for_user(editor).can_publish()


def test_a_moderator_can_publish(draft, moderator):
    assert draft.permissions_for_user(moderator).can_publish()


def test_a_submitted_page_waits_for_the_moderators(submitted):
    task_state = submitted.current_workflow_task_state
    assert task_state is not None
    assert task_state.task.name == "Approvazione dei moderatori"
    assert not submitted.live


def test_a_moderator_may_approve_a_submitted_page(submitted, moderator):
    task = submitted.current_workflow_task
    actions = [name for name, *_rest in task.get_actions(submitted, moderator)]
    assert "approve" in actions


def test_an_editor_may_not_approve_a_submitted_page(submitted, editor):
    task = submitted.current_workflow_task
    assert task.get_actions(submitted, editor) == []


def test_a_page_approved_by_a_moderator_goes_live_with_the_submitted_revision(submitted, moderator):
    submitted_revision = submitted.latest_revision
    submitted.current_workflow_task_state.approve(user=moderator)

    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.title == "Orari dello sportello ISEE"
    assert submitted.live_revision == submitted_revision
    assert submitted.current_workflow_state is None


def test_a_page_sent_back_by_a_moderator_stays_unpublished(submitted, moderator):
    workflow_state = submitted.current_workflow_state
    submitted.current_workflow_task_state.reject(user=moderator)

    submitted.refresh_from_db()
    workflow_state.refresh_from_db()
    assert not submitted.live
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


# -- scheduled publishing


def schedule(page, go_live_at):
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    revision.refresh_from_db()
    return revision


def test_publish_scheduled_publishes_a_revision_whose_go_live_time_has_passed(draft):
    revision = schedule(draft, timezone.now() + timedelta(days=1))
    draft.refresh_from_db()
    assert not draft.live
    # Time passes: the approved go-live instant is now in the past.
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = revision.approved_go_live_at.isoformat()
    revision.save()

    call_command("publish_scheduled")

    draft.refresh_from_db()
    assert draft.live
    assert draft.live_revision == revision


def test_publish_scheduled_leaves_a_revision_scheduled_for_later_alone(draft):
    schedule(draft, timezone.now() + timedelta(days=1))

    call_command("publish_scheduled")

    draft.refresh_from_db()
    assert not draft.live
    assert draft.scheduled_revision is not None
