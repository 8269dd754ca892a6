"""The privacy guard on every way a page goes live: the admin edit view (blocked, confirm
without a reason refused, confirm with a reason publishes and logs), workflow approval (from
the edit view and from the dashboard), the admin's bulk publish (the clean pages published,
the others named in a message), scheduled publishing (held), direct and API publishing
(refused), minutes items and attachments, clean text, and the moderators' report with its
CSV."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.models import AgendaItem, PageAttachment, StandardPage
from privacy.detectors import mask
from privacy.guard import HOLD_ACTION, UnconfirmedPersonalData, findings_for
from privacy.models import Confirmation
from search.models import DocumentText
from tests.factories import DocumentFactory, MinutesPageFactory, NetworkFactory, StandardPageFactory

TAX_CODE = "RSSMRA80A01H501U"


def edit_data(client, page):
    """The edit form as the browser would send it back."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    form = soup.find("form", attrs={"data-edit-form": True}) or soup.find(
        "form", id="page-edit-form"
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, intro="Chi siamo.")


def publish_with(client, page, **changes):
    data = edit_data(client, page)
    data.update(changes)
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_publishing_text_with_a_tax_code_is_blocked_with_the_findings_listed(
    client, superuser, page
):
    client.force_login(superuser)
    response = publish_with(client, page, intro=f"Il sig. Mario Rossi, C.F. {TAX_CODE}.")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Codice fiscale" in html
    errors = html[html.index('class="errorlist"') :].split("</ul>")[0]
    assert f"Il sig. Mario Rossi, C.F. [{mask(TAX_CODE)}]" in errors
    assert TAX_CODE not in errors
    page.refresh_from_db()
    assert page.intro == "Chi siamo."
    assert not Confirmation.objects.exists()


def test_a_confirmation_without_a_reason_is_refused(client, superuser, page):
    client.force_login(superuser)
    response = publish_with(
        client, page, intro=f"C.F. {TAX_CODE}", privacy_confirm="on", privacy_reason=" "
    )

    assert response.status_code == 200
    assert "Indicare il motivo" in response.content.decode()
    page.refresh_from_db()
    assert page.intro == "Chi siamo."
    assert not Confirmation.objects.exists()


def test_a_confirmation_with_a_reason_publishes_and_is_logged(client, superuser, page):
    client.force_login(superuser)
    response = publish_with(
        client,
        page,
        intro=f"C.F. {TAX_CODE}",
        privacy_confirm="on",
        privacy_reason="Art. 15 D.Lgs. 33/2013: incarico di consulenza.",
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert TAX_CODE in page.intro
    confirmation = Confirmation.objects.get()
    assert confirmation.user == superuser
    assert confirmation.reason.startswith("Art. 15")
    assert confirmation.kinds == "Codice fiscale"
    assert confirmation.revision == page.live_revision
    assert TAX_CODE not in str(confirmation.findings)
    assert confirmation.expires_at == timezone.localdate().replace(
        year=timezone.localdate().year + 5
    )
    entry = PageLogEntry.objects.get(page=page, action="privacy.confirm_findings")
    assert entry.user == superuser
    assert entry.data["reason"].startswith("Art. 15")
    # A later edit elsewhere in the page needs no new confirmation.
    response = publish_with(client, page, title="Chi siamo (aggiornato)")
    assert response.status_code == 302


def test_clean_text_publishes_normally(client, superuser, page):
    client.force_login(superuser)
    response = publish_with(client, page, intro="Il Piano di Zona 2025-2027 è approvato.")

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.intro.startswith("Il Piano di Zona")


def test_approving_a_workflow_task_with_unconfirmed_findings_is_blocked(client, superuser, page):
    page.intro = f"C.F. {TAX_CODE}"
    page.save_revision(user=superuser)
    page.get_workflow().start(page, superuser)
    client.force_login(superuser)
    data = edit_data(client, page)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})

    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 200
    assert "Codice fiscale" in response.content.decode()
    page.refresh_from_db()
    assert TAX_CODE not in page.intro


def test_publishing_from_code_or_a_bulk_action_with_unconfirmed_findings_is_refused(
    page, superuser
):
    page.intro = "Scrivere a mario.rossi72@gmail.com"
    revision = page.save_revision(user=superuser)

    with pytest.raises(UnconfirmedPersonalData):
        revision.publish(user=superuser)
    page.refresh_from_db()
    assert "gmail" not in page.intro


def test_scheduled_publishing_holds_a_revision_with_unconfirmed_findings(page):
    page.intro = "IBAN IT60X0542811101000000123456"
    page.go_live_at = timezone.now() - timedelta(minutes=1)
    revision = page.save_revision()
    revision.approved_go_live_at = page.go_live_at
    revision.save()

    call_command("publish_scheduled")

    page.refresh_from_db()
    revision.refresh_from_db()
    assert "IBAN" not in page.intro
    assert revision.approved_go_live_at is None
    assert PageLogEntry.objects.filter(page=page, action=HOLD_ACTION).exists()


def test_the_api_refuses_to_publish_unconfirmed_findings(client, page, superuser):
    from wagtail.models import APIToken

    page.intro = "Cellulare 333 1234567"
    page.save_revision(user=superuser)
    _token, raw = APIToken.create_token(user=superuser, name="strumento esterno")

    response = client.post(
        f"/api/v3/pages/{page.pk}/actions/publish/", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )

    assert response.status_code == 403
    assert "dati personali" in response.json()["detail"]
    page.refresh_from_db()
    assert "333" not in page.intro


def test_creating_and_publishing_a_new_page_records_the_confirmation(client, superuser, home):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=["cms", "standardpage", home.pk])
    response = client.get(url)
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    data = {}
    for field in soup.find("form", id="page-edit-form").find_all(["input", "textarea"]):
        name = field.get("name")
        if name and field.get("type") not in ("submit", "button", "file", "checkbox"):
            data[name] = field.text if field.name == "textarea" else field.get("value", "")
    data.update(title="Incarichi", slug="incarichi", intro=f"C.F. {TAX_CODE}")
    data["action-publish"] = "action-publish"

    blocked = client.post(url, data)
    assert blocked.status_code == 200
    assert not StandardPage.objects.filter(slug="incarichi").exists()

    data.update(privacy_confirm="on", privacy_reason="Art. 15 D.Lgs. 33/2013")
    created = client.post(url, data)
    assert created.status_code == 302
    page = StandardPage.objects.get(slug="incarichi")
    assert page.live
    assert Confirmation.objects.for_object(page).get().revision == page.live_revision


def test_minutes_items_are_scanned(minutes_index):
    minutes = MinutesPageFactory(parent=minutes_index, meeting_body=NetworkFactory())
    minutes.agenda_items.add(
        AgendaItem(
            title="Casi",
            discussion="<p>La sig.ra Anna Neri percepisce il reddito di cittadinanza.</p>",
        )
    )

    assert [f.kind for f in findings_for(minutes)] == ["hardship"]


def test_the_stored_text_of_an_attached_document_is_scanned(page):
    document = DocumentFactory(title="Graduatoria")
    DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "text": "Beneficiario: Giuseppe Verdi, IBAN IT60X0542811101000000123456",
            "status": "ok",
            "file_name": document.file.name,
            "extracted_at": timezone.now(),
        },
    )
    page.attachments.add(PageAttachment(document=document))

    kinds = sorted(f.kind for f in findings_for(page))
    assert kinds == ["hardship", "iban"]
    assert any("Graduatoria" in f.where for f in findings_for(page))


def test_moderators_see_the_report_and_its_csv(client, moderator, superuser, page):
    client.force_login(superuser)
    publish_with(
        client, page, intro=f"C.F. {TAX_CODE}", privacy_confirm="on", privacy_reason="Obbligo"
    )
    client.force_login(moderator)

    listing = client.get(reverse("privacy_confirmation:index"))
    assert listing.status_code == 200
    assert page.title in listing.content.decode()
    csv = client.get(reverse("privacy_confirmation:index") + "?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Obbligo" in body
    assert TAX_CODE not in body
    expired = client.get(reverse("privacy_confirmation:index") + "?status=expired")
    assert page.title not in expired.content.decode().split("listing")[-1]


def test_editors_do_not_see_the_report(client, editor):
    client.force_login(editor)
    assert client.get(reverse("privacy_confirmation:index")).status_code in (302, 403)


def test_every_page_type_is_guarded_and_shows_the_findings_panel():
    from wagtail.models import Page, get_page_models

    from privacy.forms import PrivacyFindingsPanel
    from privacy.publishing import PrivacyGuardedPage

    unguarded = [
        model.__name__
        for model in get_page_models()
        if model is not Page and not issubclass(model, PrivacyGuardedPage)
    ]
    assert unguarded == []
    without_panel = [
        model.__name__
        for model in get_page_models()
        if model is not Page
        and not any(isinstance(panel, PrivacyFindingsPanel) for panel in model.content_panels)
    ]
    assert without_panel == []
    assert StandardPage.base_form_class.__name__ == "PrivacyGuardPageForm"


def test_the_admin_publish_hook_stops_what_the_form_did_not_see(rf, superuser, page):
    from django.contrib.messages.storage.fallback import FallbackStorage

    from privacy.wagtail_hooks import guard_admin_publish

    request = rf.post("/")
    request.user = superuser
    request.session = {}
    request._messages = FallbackStorage(request)
    page.intro = f"C.F. {TAX_CODE}"

    response = guard_admin_publish(request, page)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "dati personali" in str(list(request._messages)[0])
    page.intro = "Chi siamo."
    assert guard_admin_publish(request, page) is None


# --------------------------------------------------------------------------- admin without a form


def draft(page, **changes):
    """Save a draft revision of ``page`` with ``changes`` (the live page stays as it was)."""
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision()


def bulk_publish_url(*pages, next_url):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"{reverse('wagtail_bulk_action', args=['wagtailcore', 'page', 'publish'])}?{ids}&next={next_url}"


def messages_of(response):
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def test_the_bulk_publish_confirmation_lists_the_pages_it_will_not_publish(client, superuser, home):
    clean = StandardPageFactory(parent=home, title="Orari")
    flagged = StandardPageFactory(parent=home, title="Incarichi")
    draft(clean, intro="Orari dello sportello.")
    draft(flagged, intro=f"C.F. {TAX_CODE}")
    client.force_login(superuser)

    response = client.get(bulk_publish_url(clean, flagged, next_url="/admin/"))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    warning = soup.find(attrs={"data-personal-data-pages": True})
    assert "non sarà pubblicata" in warning.text
    assert [a.text for a in warning.find_next("ul").find_all("a")] == ["Incarichi"]
    assert TAX_CODE not in response.content.decode()


def test_the_bulk_publish_publishes_the_clean_page_and_names_the_refused_one(
    client, superuser, home
):
    clean = StandardPageFactory(parent=home, title="Orari")
    flagged = StandardPageFactory(parent=home, title="Incarichi")
    draft(clean, intro="Orari dello sportello.")
    flagged_draft = draft(flagged, intro=f"C.F. {TAX_CODE}")
    listing = reverse("wagtailadmin_explore", args=[home.pk])
    client.force_login(superuser)

    response = client.post(bulk_publish_url(clean, flagged, next_url=listing), {})

    assert response.status_code == 302
    assert response.url == listing
    clean.refresh_from_db()
    flagged.refresh_from_db()
    assert clean.intro == "Orari dello sportello." and not clean.has_unpublished_changes
    assert TAX_CODE not in flagged.intro
    assert flagged.has_unpublished_changes
    assert flagged.get_latest_revision() == flagged_draft
    assert flagged.live_revision != flagged_draft
    assert not PageLogEntry.objects.filter(
        page=flagged, action="wagtail.publish", revision=flagged_draft
    ).exists()
    levels = messages_of(response)
    assert [level for level, _text in levels] == ["success", "error"]
    error = levels[1][1]
    assert "«Incarichi» non è stata pubblicata" in error
    assert "Codice fiscale" in error
    assert "Apri la pagina" in error
    assert reverse("wagtailadmin_pages:edit", args=[flagged.pk]) in error
    assert TAX_CODE not in error


def test_a_bulk_publish_of_refused_pages_only_publishes_nothing_and_says_why(
    client, superuser, home
):
    flagged = StandardPageFactory(parent=home, title="Incarichi")
    draft(flagged, intro="Scrivere a mario.rossi72@gmail.com")
    client.force_login(superuser)

    response = client.post(bulk_publish_url(flagged, next_url="/admin/"), {})

    assert response.status_code == 302
    flagged.refresh_from_db()
    assert "gmail" not in flagged.intro
    levels = messages_of(response)
    assert [level for level, _text in levels] == ["error"]
    assert "E-mail personale" in levels[0][1]


def test_a_bulk_publish_with_sub_pages_leaves_a_refused_draft_sub_page_as_it_was(
    client, superuser, home
):
    section = StandardPageFactory(parent=home, title="Servizi")
    draft(section, intro="I servizi del distretto.")
    clean_child = StandardPageFactory(parent=section, title="Assistenza domiciliare")
    flagged_child = StandardPageFactory(parent=section, title="Graduatoria")
    for child, intro in [(clean_child, "Come si chiede."), (flagged_child, f"C.F. {TAX_CODE}")]:
        child.unpublish()
        draft(child, intro=intro)
    client.force_login(superuser)

    response = client.post(
        bulk_publish_url(section, next_url="/admin/"), {"include_descendants": "on"}
    )

    assert response.status_code == 302
    for page in (section, clean_child, flagged_child):
        page.refresh_from_db()
    assert section.intro == "I servizi del distretto." and section.live
    assert clean_child.live and clean_child.intro == "Come si chiede."
    assert not flagged_child.live and TAX_CODE not in flagged_child.intro
    errors = [text for level, text in messages_of(response) if level == "error"]
    assert len(errors) == 1 and "«Graduatoria» non è stata pubblicata" in errors[0]


@pytest.fixture
def page_in_review(page, superuser):
    draft(page, intro=f"C.F. {TAX_CODE}")
    workflow_state = page.get_workflow().start(page, superuser)
    return page, workflow_state.current_task_state


@pytest.mark.parametrize("xhr", [True, False])
def test_approving_from_the_dashboard_with_unconfirmed_findings_leads_to_the_page_with_a_message(
    client, superuser, page_in_review, xhr
):
    page, task_state = page_in_review
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if xhr else {}
    client.force_login(superuser)

    response = client.post(url, {"comment": ""}, **headers)

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if xhr:
        assert response.status_code == 200
        assert response.json()["step"] == "success"
        assert response.json()["redirect"] == edit_url
    else:
        assert response.status_code == 302 and response.url == edit_url
    task_state.refresh_from_db()
    page.refresh_from_db()
    assert task_state.status == "in_progress"
    assert page.workflow_in_progress
    assert TAX_CODE not in page.intro
    [(level, text)] = messages_of(response)
    assert level == "error" and "non è stata pubblicata" in text and "Codice fiscale" in text


def test_approving_a_clean_page_from_the_dashboard_still_publishes_it(client, superuser, page):
    draft(page, intro="Orari dello sportello.")
    task_state = page.get_workflow().start(page, superuser).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.force_login(superuser)

    response = client.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    assert response.status_code == 200
    page.refresh_from_db()
    assert page.intro == "Orari dello sportello." and not page.workflow_in_progress
