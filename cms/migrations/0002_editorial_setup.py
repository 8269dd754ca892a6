"""Editorial set-up every installation needs, with or without demo content.

- the groups Redazione (write, submit) and Moderatori (approve, publish): Wagtail's default
  Editors and Moderators, renamed, so they keep the page and collection permissions Wagtail
  gives them, plus the permissions on our snippets and settings;
- the workflow "Revisione" on the whole tree: editors submit, moderators approve;
- a HomePage in place of Wagtail's placeholder "Welcome" page, as the default site's root.
"""

from django.db import migrations

EDITOR_MODEL_PERMS = {
    ("cms", "callrecipient"): ["add", "change", "view"],
    ("network", "network"): ["view"],
}
MODERATOR_MODEL_PERMS = {
    ("cms", "callrecipient"): ["add", "change", "delete", "view"],
    ("cms", "bodyidentity"): ["change", "view"],
    ("network", "network"): ["add", "change", "delete", "view"],
}
ROOT_PAGE_PERMS = {
    "Redazione": ["add_page", "change_page"],
    "Moderatori": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def model_permission(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def group_named(apps, italian, wagtail_default):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=italian).first()
    if group is None:
        group = Group.objects.filter(name=wagtail_default).first()
        if group is not None:
            group.name = italian
            group.save()
        else:
            group = Group.objects.create(name=italian)
    return group


def setup_groups(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    editors = group_named(apps, "Redazione", "Editors")
    moderators = group_named(apps, "Moderatori", "Moderators")
    root = Page.objects.get(depth=1)
    admin_access = model_permission(apps, "wagtailadmin", "admin", "access")
    for group, model_perms in ((editors, EDITOR_MODEL_PERMS), (moderators, MODERATOR_MODEL_PERMS)):
        group.permissions.add(admin_access)
        for (app_label, model), actions in model_perms.items():
            for action in actions:
                group.permissions.add(model_permission(apps, app_label, model, action))
        for codename in ROOT_PAGE_PERMS[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=model_permission(apps, "wagtailcore", "page", codename.split("_")[0]),
            )
    return editors, moderators


def setup_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    moderators = Group.objects.get(name="Moderatori")

    workflow = (
        Workflow.objects.filter(name="Revisione").first()
        or Workflow.objects.filter(name="Moderators approval").first()
        or Workflow(name="Revisione")
    )
    workflow.name = "Revisione"
    workflow.active = True
    workflow.save()

    task = (
        GroupApprovalTask.objects.filter(name="Approvazione dei moderatori").first()
        or GroupApprovalTask.objects.filter(name="Moderators approval").first()
    )
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask(content_type=content_type)
    task.name = "Approvazione dei moderatori"
    task.active = True
    task.save()
    task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def setup_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")
    if HomePage.objects.exists():
        return
    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    # Treebeard is not available on historical models: place the page by hand.
    siblings = Page.objects.filter(depth=2).order_by("-path")
    last = siblings.first()
    next_number = int(last.path[4:8], 36) + 1 if last else 1
    path = root.path + _base36(next_number).rjust(4, "0")
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.first(),
        live=True,
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page_id = home.pk
    site.site_name = site.site_name or "Ufficio di Piano"
    site.save()
    # Wagtail's placeholder "Welcome" page has no content: remove it once nothing points at it.
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def forwards(apps, schema_editor):
    setup_groups(apps, schema_editor)
    setup_workflow(apps, schema_editor)
    setup_home(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("network", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
