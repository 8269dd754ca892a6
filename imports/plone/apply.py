"""Writing a read Plone export (imports/plone/reader.py) into the site.

- Folder and Document → StandardPage, keeping the tree (under the home page or ``parent``);
- News Item → NewsPage in the news section; Event → MinutesPage when its title names one of
  our networks (the meeting's body), else NewsPage; Bando → CallPage in the calls section;
- File and Image → documents (collection "Importati da Plone"); a file inside a page (or a
  Bando's "approfondimento" folder) becomes an attachment of that page;
- ``review_state`` "published" (or no workflow) → live, anything else → a draft that never
  shows; ``effective`` becomes the first publication date; ``subjects`` become tags;
- each old path redirects (301) to the new page or document;
- UIDs make a second run update what changed and leave the rest alone.

Each item is written in its own savepoint: a bad one is reported and the others go on. The
whole run is one transaction, rolled back for ``dry_run``.
"""

from __future__ import annotations

import hashlib
import json

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site

from cms.models import (
    CallIndexPage,
    CallPage,
    CallRecipient,
    MinutesIndexPage,
    MinutesPage,
    NewsIndexPage,
    NewsPage,
    PageAttachment,
    StandardPage,
)
from imports.models import ImportedItem
from imports.report import ImportReport

from . import fields
from .reader import SITE_TYPES, Export, Item, read_export

SOURCE = "plone"
TREE_TYPES = {"Folder", "Document"}
FILE_TYPES = {"File", "Image"}
# Folders inside a Bando that only hold its attachments
ATTACHMENT_FOLDERS = {"Bando Folder Deepening"}
COLLECTION_NAME = "Importati da Plone"
LABELS = {
    StandardPage: "pagine",
    NewsPage: "notizie",
    MinutesPage: "verbali",
    CallPage: "bandi",
}


def import_plone(path, parent_path: str | None = None, dry_run: bool = False) -> ImportReport:
    """Import the export at ``path``; raises MalformedFileError (nothing written) when it
    cannot be read at all."""
    export = read_export(path)
    report = ImportReport(dry_run=dry_run)
    with transaction.atomic():
        _Importer(export, report, parent_path, dry_run).run()
        if dry_run:
            transaction.set_rollback(True)
    return report


def checksum(item: Item) -> str:
    return hashlib.sha256(json.dumps(item.data, sort_keys=True, default=str).encode()).hexdigest()


class _Importer:
    def __init__(self, export: Export, report: ImportReport, parent_path, dry_run):
        self.export = export
        self.report = report
        self.dry_run = dry_run
        self.records = {
            record.external_id: record
            for record in ImportedItem.objects.filter(source=SOURCE).select_related("page")
        }
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise ValueError("Nessun sito predefinito: crearne uno prima di importare.")
        self.home = site.root_page
        self.tree_root = self._find_parent(parent_path) if parent_path else self.home
        self.sections = {
            model: model.objects.descendant_of(self.home).first()
            for model in (NewsIndexPage, MinutesIndexPage, CallIndexPage)
        }
        self.pages: dict[str, Page] = {}  # Plone path -> our page (for children)
        self.documents: dict[str, object] = {}  # Plone path -> document
        self.networks = self._networks()
        self.collection = None

    def _find_parent(self, url_path):
        """The page at ``url_path`` ("/chi-siamo/") of the default site."""
        wanted = url_path.strip("/")
        full = f"{self.home.url_path}{wanted}/" if wanted else self.home.url_path
        page = Page.objects.filter(url_path=full).first()
        if page is None:
            raise ValueError(f"Nessuna pagina all'indirizzo /{wanted}/ (opzione --parent).")
        return page.specific

    def _networks(self):
        from network.models import Network

        return sorted(Network.objects.all(), key=lambda network: -len(network.name))

    # -- the run ---------------------------------------------------------------------------

    def run(self):
        if self.export.comments:
            self.report.skip("commenti (non importati)", self.export.comments)
        if self.export.principals:
            self.report.skip(
                "utenti e gruppi (mai importati: né password né email)", self.export.principals
            )
        for folder, page in self.export.default_pages.items():
            self.report.note(
                f"{folder}: in Plone mostrava «{page}» come pagina predefinita; qui resta una "
                "pagina con le sue sottopagine."
            )
        items = sorted(self.export.items, key=lambda item: (item.depth, item.order, item.path))
        # Files first, so each page is saved once with its attachments.
        for item in items:
            if item.type in FILE_TYPES:
                self._guarded(item, self._document)
            elif isinstance(item.data.get("image"), dict):
                self._guarded(_lead_image(item), self._document)
        for item in items:
            if item.type not in FILE_TYPES:
                self._guarded(item, self._content)

    def _guarded(self, item: Item, action):
        try:
            with transaction.atomic():
                action(item)
        except Exception as error:  # noqa: BLE001 - one bad item must not stop the others
            self.report.fail(f"{item.type} {item.path}", _reason(error))

    def _content(self, item: Item):
        data = item.data
        if item.type in SITE_TYPES:
            self.report.skip("radice del sito Plone (i suoi blocchi vanno riportati a mano)")
        elif item.type in TREE_TYPES:
            parent = self.pages.get(item.parent_path, self.tree_root)
            if not isinstance(parent.specific, StandardPage) and parent.pk != self.tree_root.pk:
                parent = self.tree_root
            self._page(item, StandardPage, parent, {"body": fields.body_of(data)})
        elif item.type == "News Item":
            self._page(item, NewsPage, self._section(NewsIndexPage), self._news_values(item))
        elif item.type == "Event":
            network = self._network_in(item.title)
            start = fields.moment(data.get("start"))
            if network is not None and start is not None:
                values = {
                    "meeting_body": network,
                    "meeting_date": start.date(),
                    "meeting_time": None
                    if data.get("whole_day")
                    else start.timetz().replace(tzinfo=None),
                    "place": str(data.get("location") or "")[:255],
                    "body": fields.body_of(data),
                }
                self._page(item, MinutesPage, self._section(MinutesIndexPage), values)
            else:
                self._page(item, NewsPage, self._section(NewsIndexPage), self._news_values(item))
        elif item.type == "Bando":
            values = fields.call_values(data, default_issuer=self._issuer())
            values["recipients"] = [
                CallRecipient.objects.get_or_create(name=name)[0]
                for name in fields.recipients(data)
            ]
            self._page(item, CallPage, self._section(CallIndexPage), values)
        elif item.type in ATTACHMENT_FOLDERS:
            if item.parent_path in self.pages:
                self.pages[item.path] = self.pages[item.parent_path]
            self.report.skip("cartelle di approfondimento (i file sono allegati al bando)")
        else:
            self.report.skip(f"tipo non importato: {item.type}")

    def _section(self, model):
        section = self.sections.get(model)
        if section is None:
            raise ValueError(f"manca la sezione «{model._meta.verbose_name}» sotto la home")
        return section

    def _issuer(self):
        from cms.models import BodyIdentity

        identity = BodyIdentity.load()
        return getattr(identity, "name", "") or "Ente non indicato"

    def _network_in(self, title):
        folded = title.casefold()
        return next((n for n in self.networks if n.name.casefold() in folded), None)

    def _news_values(self, item):
        when = fields.moment(item.data.get("effective")) or fields.moment(item.data.get("created"))
        values = {"body": fields.body_of(item.data)}
        if when:
            values["date"] = when.date()
        return values

    # -- pages -----------------------------------------------------------------------------

    def _page(self, item: Item, model, parent, values):
        if not item.title:
            raise ValueError("senza titolo")
        record = self.records.get(item.uid)
        digest = checksum(item)
        label = LABELS[model]
        existing = record.page.specific if record and record.page_id else None
        if existing is not None and record.checksum == digest:
            self.report.unchanged[label] += 1
            self.pages[item.path] = existing
            return existing
        if existing is not None and not isinstance(existing, model):
            raise ValueError(
                f"era stato importato come {type(existing)._meta.verbose_name}, ora sarebbe "
                f"{model._meta.verbose_name}: cambiare il tipo a mano"
            )
        live = item.data.get("review_state") in (None, "published")
        page = existing or model(title=item.title)
        page.title = item.title[:255]
        page.intro = str(item.data.get("description") or "")
        page.search_description = page.intro[:255]
        for name, value in values.items():
            if name == "recipients":
                page.recipients.set(value)
            else:
                setattr(page, name, value)
        page.tags.set(fields.subjects(item.data))
        attachments = [
            self.documents[file_path]
            for file_path in self._files_of(item)
            if file_path in self.documents
        ]
        if existing is None:
            page.slug = _unique_slug(parent, item.slug)
            page.live = False
            for number, document in enumerate(attachments):
                page.attachments.add(PageAttachment(document=document, sort_order=number))
            parent.add_child(instance=page)
        else:
            known = {attachment.document_id for attachment in page.attachments.all()}
            for document in attachments:
                if document.pk not in known:
                    page.attachments.add(PageAttachment(document=document, sort_order=len(known)))
                    known.add(document.pk)
        revision = page.save_revision(clean=True)
        if live:
            revision.publish()
            self._keep_dates(page, item)
            self._redirect(item.path, page=page)
        elif page.live:
            page.unpublish()
        (self.report.created if existing is None else self.report.updated)[label] += 1
        if not live:
            self.report.note(
                f"{item.path}: «{item.data.get('review_state')}» in Plone, resta bozza"
            )
        self._remember(item, digest, page=page)
        self.pages[item.path] = page
        return page

    def _files_of(self, item: Item):
        """Plone paths of the files inside ``item``, or inside its attachment folders."""
        holders = {item.path} | {
            other.path
            for other in self.export.items
            if other.type in ATTACHMENT_FOLDERS and other.parent_path == item.path
        }
        return [f"{item.path}#image"] + [
            other.path
            for other in sorted(self.export.items, key=lambda i: (i.order, i.path))
            if other.type in FILE_TYPES and other.parent_path in holders
        ]

    def _keep_dates(self, page, item):
        first = fields.moment(item.data.get("effective")) or fields.moment(item.data.get("created"))
        last = fields.moment(item.data.get("modified")) or first
        if first:
            Page.objects.filter(pk=page.pk).update(
                first_published_at=first, last_published_at=max(first, last)
            )

    # -- documents -------------------------------------------------------------------------

    def _document(self, item: Item):
        blob = self.export.blob(item, "file" if item.type == "File" else "image")
        if blob is None:
            raise ValueError("nessun file nell'esportazione")
        content = blob.read()
        if blob.size is not None and blob.size != len(content):
            raise ValueError(
                f"il file ha {len(content)} byte, l'esportazione ne dichiara {blob.size}"
            )
        record = self.records.get(item.uid)
        digest = checksum(item)
        document = record.document if record and record.document_id else None
        if document is not None and record.checksum == digest:
            self.report.unchanged["documenti"] += 1
            self.documents[item.path] = document
            return
        if self.dry_run:
            (self.report.created if document is None else self.report.updated)["documenti"] += 1
            return
        Document = get_document_model()
        created = document is None
        document = document or Document(collection=self._collection())
        document.title = (item.title or blob.filename)[:255]
        document.file.save(blob.filename, ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
        (self.report.created if created else self.report.updated)["documenti"] += 1
        self._remember(item, digest, document=document)
        self.documents[item.path] = document
        if "#" not in item.path:
            self._redirect(item.path, link=document.url)

    def _collection(self):
        if self.collection is None:
            root = Collection.get_first_root_node()
            self.collection = root.get_children().filter(
                name=COLLECTION_NAME
            ).first() or root.add_child(name=COLLECTION_NAME)
        return self.collection

    # -- bookkeeping -----------------------------------------------------------------------

    def _remember(self, item, digest, page=None, document=None):
        record, _ = ImportedItem.objects.update_or_create(
            source=SOURCE,
            external_id=item.uid,
            defaults={"checksum": digest, "page": page, "document": document},
        )
        self.records[item.uid] = record

    def _redirect(self, old_path, page=None, link=""):
        old = Redirect.normalise_path(old_path)
        if old in ("", "/"):
            return
        if page is not None and Redirect.normalise_path(page.url or "") == old:
            return  # the new page answers at the old address itself
        redirect, created = Redirect.objects.update_or_create(
            old_path=old,
            site=None,
            defaults={"redirect_page": page, "redirect_link": link, "is_permanent": True},
        )
        if created:
            self.report.redirects += 1


def _lead_image(item: Item) -> Item:
    """The lead image of a page (News Item, Event...) as an Image item of its own, attached
    to that page."""
    return Item(
        uid=f"{item.uid}#image",
        type="Image",
        path=f"{item.path}#image",
        parent_path=item.path,
        title=f"Immagine: {item.title}"[:255],
        data={"image": item.data["image"], "id": item.slug},
        order=item.order,
    )


def _unique_slug(parent, wanted):
    base = slugify(wanted.replace(".", "-"), allow_unicode=True)[:200] or "pagina"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _reason(error: Exception) -> str:
    messages = getattr(error, "message_dict", None)
    if messages:
        return "; ".join(f"{field}: {' '.join(texts)}" for field, texts in messages.items())
    return str(error) or type(error).__name__
