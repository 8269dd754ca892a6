"""Write a Blogger export into the site: one page per published post, all in one
transaction, each post in a savepoint of its own.

A post already imported (same Blogger id, or else same title and publication date among the
pages this importer made) is left alone when unchanged and gets a new published revision
when changed; so the same file, or two exports that overlap, can be imported again and
again. Old addresses become permanent redirects; links between posts of the blog are
pointed at the new pages.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, Site

from cms.models import (
    BodyIdentity,
    CallIndexPage,
    CallPage,
    HomePage,
    MinutesIndexPage,
    MinutesPage,
    NewsIndexPage,
    NewsPage,
    PlanIndexPage,
    PlanPage,
    StandardPage,
)
from imports.blogger_rules import CALL, MINUTES, NEWS, PLAN, Rule, active_rules, classify
from imports.models import ImportedItem
from imports.pages import PageWriter
from imports.redirects import RedirectBook, old_path
from imports.report import ImportAborted, ImportReport
from imports.richtext import RichText, clean_html, plain_text_to_html
from imports.tags import TagBook

from . import fields
from .reader import (
    COMMENT,
    LIVE,
    PAGE,
    POST,
    SETTINGS,
    TEMPLATE,
    Entry,
    normalise_host,
    read_export,
)

SOURCE = "blogger"
MODELS = {MINUTES: MinutesPage, PLAN: PlanPage, CALL: CallPage, NEWS: NewsPage}
SECTION_OF = {
    MinutesPage: MinutesIndexPage,
    PlanPage: PlanIndexPage,
    CallPage: CallIndexPage,
    NewsPage: NewsIndexPage,
    StandardPage: HomePage,
}
SKIPPED_KINDS = {
    COMMENT: "commenti",
    SETTINGS: "impostazioni del blog",
    TEMPLATE: "modello grafico",
}
DRAFTS = "bozze"
WITHDRAWN = "pagine ritirate dalla redazione (non aggiornate)"
IMAGES = "immagini non copiate, trasformate in link"
EMBEDS = "contenuti incorporati trasformati in link"
QUERY_URLS = "indirizzi con parametri (?…): nessun redirect possibile"
LINKS = "link a vecchi post puntati alle nuove pagine"
NEXT_MEETINGS = "verbali con la prossima seduta ricavata dal testo"
PLAN_NEWS = "notizie collegate al loro piano"
PAGE_LINK = 'linktype="page"'
OPEN_CALLS = "bandi senza scadenza riconosciuta nel testo (risultano aperti)"


class EntryError(Exception):
    """A post that cannot become a page; the message says why, in Italian."""


@dataclass
class Post:
    """A published post or page of the export, with what it becomes."""

    entry: Entry
    model: type
    rule: Rule
    path: str | None  # old path for the redirect; None if the address cannot be one
    checksum: str


def import_export(
    path,
    parent_path: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    rules: list[Rule] | None = None,
) -> ImportReport:
    """Import the Blogger export at ``path``; with ``dry_run`` count and roll back.

    Raises MalformedFileError for a file that cannot be read and ImportAborted when the
    pages would have nowhere to go; both before anything is written."""
    export = read_export(path)
    report = ImportReport(dry_run=dry_run)
    with transaction.atomic():
        _Importer(export, report, parent_path, progress, rules).run()
        if dry_run:
            transaction.set_rollback(True)
    return report


def checksum(entry: Entry, path: str | None) -> str:
    """A digest of what the page is made from: the same post in a classic export and in a
    Takeout feed has the same one."""
    data = [
        entry.kind,
        entry.title,
        entry.content,
        entry.content_type,
        entry.published.astimezone(UTC).isoformat(),
        sorted(entry.labels),
        path or "",
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


class _Importer:
    def __init__(self, export, report, parent_path, progress, rules):
        self.export = export
        self.report = report
        self.parent_path = parent_path
        self.progress = progress or (lambda done, total: None)
        self.rules = rules if rules is not None else active_rules()
        self.hosts = export.hosts
        self.writer = PageWriter(SECTION_OF)
        self.tags = TagBook()
        self.context = None
        self.parents = {}
        self.redirects = None
        self.pending_links: list[tuple[Post, int]] = []
        self.plan_news: list[tuple[Post, int]] = []
        self.planned_paths: set[str] = set()
        self._entry_has_pending = False

    # --- the run

    def run(self):
        posts = self.select()
        self.context = self.make_context(posts)
        posts = self.fall_back_for_missing_bodies(posts)
        self.parents = self.find_parents(posts)
        self.tags.prepare(label for post in posts for label in post.entry.labels)
        self.redirects = RedirectBook(stage=self.writer.stage)
        self.load_imported()
        self.planned_paths = {post.path for post in posts if post.path}
        with self.writer.paused_indexing():
            for done, post in enumerate(posts, 1):
                self.import_one(post)
                self.progress(done, len(posts))
            self.fix_pending_links()
            self.link_plans()
            self.writer.finish()
        if self.report.created:
            self.report.note(
                "Le pagine nuove sono pubblicate senza notifiche di pubblicazione (webhook, "
                "svuotamento della cache del proxy): vedi docs/imports.md."
            )

    def select(self) -> list[Post]:
        """The published posts and pages, oldest first (so a link to an older post finds it
        already written); everything else is counted as skipped or failed."""
        posts = []
        for entry in self.export.entries:
            if entry.kind not in (POST, PAGE):
                self.report.skip(SKIPPED_KINDS.get(entry.kind, "voci di altro tipo"))
                continue
            if entry.status != LIVE:
                self.report.skip(
                    DRAFTS if entry.status == "draft" else f"non pubblicati ({entry.status})"
                )
                continue
            if not entry.title:
                self.report.fail(entry.label, "manca il titolo")
                continue
            if entry.published is None:
                self.report.fail(entry.label, "manca la data di pubblicazione (published)")
                continue
            path = self.old_path(entry)
            if entry.kind == PAGE:
                model, rule = StandardPage, Rule("", "standard")
            else:
                rule = classify(entry.title, self.rules)
                model = MODELS.get(rule.page_type)
                if model is None:
                    raise ImportAborted(
                        f"La tabella delle regole usa il tipo {rule.page_type!r}, che non esiste "
                        f"(tipi ammessi: {', '.join(MODELS)}). Nessuna modifica."
                    )
            posts.append(Post(entry, model, rule, path, checksum(entry, path)))
        # The same post twice (two exports in one file): the later edit is written last.
        posts.sort(
            key=lambda post: (post.entry.published, post.entry.updated or post.entry.published)
        )
        return posts

    def old_path(self, entry):
        if not entry.url:
            return None
        path = old_path(entry.url)
        if path is None:
            self.report.counts[QUERY_URLS] += 1
            self.report.note(
                f"{entry.label}: {entry.url} (indirizzo con parametri: nessun redirect)"
            )
        return path

    def make_context(self, posts):
        slugs = {post.rule.options.get("body") for post in posts if post.model is MinutesPage}
        from network.models import Network

        networks = {
            network.slug: network for network in Network.objects.filter(slug__in=slugs - {None})
        }
        identity = BodyIdentity.objects.first()
        return fields.Context(
            networks=networks, issuer=identity.name if identity else "Ufficio di Piano"
        )

    def fall_back_for_missing_bodies(self, posts):
        """Minutes whose network is not in the registry are imported as news (a MinutesPage
        needs its body); the report says how many and which network to create."""
        missing = {}
        for post in posts:
            body = post.rule.options.get("body")
            if post.model is MinutesPage and body not in self.context.networks:
                post.model = NewsPage
                missing[body] = missing.get(body, 0) + 1
        for body, count in missing.items():
            self.report.note(
                f"La rete «{body}» non è nel registro: {count} verbali importati come notizie "
                "(crearla prima di importare per averli come verbali)."
            )
        return posts

    def find_parents(self, posts):
        """The page each type goes under: ``--parent``, or the live section index under the
        home page of the default site. A missing one stops the import before any write."""
        needed = {post.model for post in posts}
        if self.parent_path is not None:
            parent = self.page_at(self.parent_path)
            for model in sorted(needed, key=lambda m: m.__name__):
                if not model.can_exist_under(parent):
                    self.report.note(
                        f"{model._meta.verbose_name_plural}: il tipo di pagina non è previsto "
                        f"sotto «{parent.title}», importati lì comunque (--parent)."
                    )
            return dict.fromkeys(needed, parent)
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise ImportAborted("Nessun sito predefinito: impossibile trovare la home page.")
        home = site.root_page
        parents, missing = {}, []
        for model in needed:
            section = SECTION_OF[model]
            if section is HomePage:
                parents[model] = home
                continue
            parent = section.objects.child_of(home).live().first()
            if parent is None:
                count = sum(post.model is model for post in posts)
                missing.append(f"«{section._meta.verbose_name}» (per {count} post)")
            else:
                parents[model] = parent
        if missing:
            raise ImportAborted(
                "Mancano sotto la home page, pubblicate, le sezioni "
                + ", ".join(missing)
                + ": crearle o indicare --parent. Nessuna modifica."
            )
        return parents

    def page_at(self, path):
        """The page at ``path`` on the default site ("/notizie/archivio/", "/" for the home
        page), or a page id."""
        if str(path).isdigit():
            page = Page.objects.filter(pk=int(path)).first()
        else:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            root = site.root_page if site else Page.objects.get(depth=1)
            wanted = root.url_path + "/".join(part for part in str(path).split("/") if part)
            wanted = wanted.rstrip("/") + "/"
            page = Page.objects.filter(url_path=wanted).first()
        if page is None:
            raise ImportAborted(f"Nessuna pagina in {path} (--parent). Nessuna modifica.")
        return page.specific

    def load_imported(self):
        """What earlier runs imported: by Blogger id, and by (title, publication date)."""
        self.items = {
            item.external_id: item
            for item in ImportedItem.objects.filter(source=SOURCE).only(
                "external_id", "page_id", "checksum"
            )
        }
        self.digests = {item.page_id: item.checksum for item in self.items.values() if item.page_id}
        # The type of each page already imported: an unchanged post is recognised
        # without loading its page.
        self.known_pages = dict(
            Page.objects.filter(
                pk__in=ImportedItem.objects.filter(source=SOURCE).values("page")
            ).values_list("pk", "content_type_id")
        )
        self.by_title_date = {
            (title, published): page_id
            for page_id, title, published in ImportedItem.objects.filter(
                source=SOURCE, page__isnull=False
            ).values_list("page_id", "page__title", "page__first_published_at")
        }

    # --- one post

    def import_one(self, post):
        written = {}
        try:
            with self.writer.item():
                self.write(post, written)
        except EntryError as error:
            self.report.fail(post.entry.label, str(error))
            self.forget(written)
        except ValidationError as error:
            self.report.fail(post.entry.label, "; ".join(error.messages))
            self.forget(written)
        except Exception as error:  # a database refusal or a bug: this post only
            self.report.fail(post.entry.label, f"{type(error).__name__}: {error}")
            self.forget(written)

    def forget(self, written):
        """Undo in memory what a rolled-back post had noted."""
        if "redirect" in written:
            self.redirects.forget(written["redirect"])
        if "item" in written:
            self.items.pop(written["item"], None)

    def write(self, post, written):
        entry = post.entry
        external_id = entry.external_id or f"senza-id:{post.checksum[:32]}"
        key = (entry.title[: fields.TITLE_LENGTH], entry.published)
        known = self.items.get(external_id)
        page_id = known.page_id if known else None
        if page_id is None:
            page_id = self.by_title_date.get(key)
        page, outcome = None, None
        if page_id is not None and self.digests.get(page_id) == post.checksum:
            outcome, model = "unchanged", self.model_of(page_id)
            page = Page(pk=page_id)  # no need to load it: only its id is used
        elif page_id is not None:
            page = Page.objects.filter(pk=page_id).first()
        if page is None:
            outcome, page = "created", self.create(post)
            model = type(page)
        elif outcome != "unchanged":
            page = page.specific
            model = type(page)
            if page.live:
                outcome = "updated"
                self.update(post, page)
            else:
                outcome = "withdrawn"
                self.report.skip(WITHDRAWN)
        if outcome != "withdrawn" and post.path:
            result = self.redirects.add(post.path, page)
            if result == "created":
                written["redirect"] = post.path
                self.report.redirects += 1
            elif result == "taken":
                self.report.note(
                    f"{entry.label}: il redirect da {post.path} esiste già verso un'altra "
                    "pagina ed è stato lasciato com'è."
                )
        if known is None:
            written["item"] = external_id
        self.remember(external_id, known, page, "" if outcome == "withdrawn" else post.checksum)
        label = str(model._meta.verbose_name_plural)
        if outcome == "created":
            self.report.created[label] += 1
        elif outcome == "updated":
            self.report.updated[label] += 1
        elif outcome == "unchanged":
            self.report.unchanged[label] += 1
        self.by_title_date[key] = page.pk
        self.known_pages[page.pk] = model

    def model_of(self, page_id):
        model = self.known_pages[page_id]
        if isinstance(model, int):
            model = ContentType.objects.get_for_id(model).model_class()
        return model

    def remember(self, external_id, known, page, digest):
        """Which page ``external_id`` became (a new row is inserted with the others at the
        end of the run)."""
        if digest:
            self.digests[page.pk] = digest
        if known is None:
            item = ImportedItem(source=SOURCE, external_id=external_id, page=page, checksum=digest)
            self.writer.stage(item)
            self.items[external_id] = item
        elif (known.page_id, known.checksum) != (page.pk, digest):
            known.page, known.checksum = page, digest
            if known.pk is not None:
                known.save(update_fields=["page", "checksum", "imported_at"])

    def content(self, post) -> RichText:
        self._entry_has_pending = False
        if post.entry.content_type == "text":
            rich = plain_text_to_html(post.entry.content)
        else:
            rich = clean_html(post.entry.content, self.link_target)
        return rich

    def values(self, post, model, rich):
        values = fields.page_values(
            model,
            post.entry.title,
            post.entry.published,
            rich.html,
            rich.text,
            post.rule.options,
            self.context,
        )
        if model is MinutesPage and values.get("next_meeting_date"):
            self.report.counts[NEXT_MEETINGS] += 1
        if model is CallPage and values.get("application_deadline") is None:
            self.report.counts[OPEN_CALLS] += 1
        return values

    def count_rich(self, rich):
        links = rich.html.count(PAGE_LINK)
        if links:
            self.report.counts[LINKS] += links
        if rich.images:
            self.report.counts[IMAGES] += rich.images
        if rich.embeds:
            self.report.counts[EMBEDS] += rich.embeds

    def create(self, post):
        rich = self.content(post)
        values = self.values(post, post.model, rich)
        page = post.model(**values)
        parent = self.parents[post.model]
        page.slug = self.writer.tree.unique_slug(parent, self.slug_hint(post), fallback="post")
        self.writer.create(parent, page, post.entry.published, self.tags.tags(post.entry.labels))
        self.count_rich(rich)
        if self._entry_has_pending:
            self.pending_links.append((post, page.pk))
        self.note_plan_news(post, page)
        return page

    def update(self, post, page):
        model = type(page)
        if model is not post.model:
            self.report.note(
                f"{post.entry.label}: resta {model._meta.verbose_name} (le regole ora dicono "
                f"{post.model._meta.verbose_name})."
            )
        rich = self.content(post)
        values = (
            self.values(post, model, rich)
            if model in SECTION_OF
            else {"title": post.entry.title[:255]}
        )
        for name, value in values.items():
            setattr(page, name, value)
        self.writer.update(page, post.entry.published, self.tags.tags(post.entry.labels))
        self.count_rich(rich)
        if self._entry_has_pending:
            self.pending_links.append((post, page.pk))
        self.note_plan_news(post, page)

    def slug_hint(self, post):
        if post.path:
            name = posixpath.basename(post.path)
            stem = name.rsplit(".", 1)[0] if name.endswith((".html", ".htm")) else name
            if stem:
                return stem
        return post.entry.title

    # --- links between posts

    def link_target(self, href):
        """The id of the new page for a link to an old post of the same blog, if known."""
        try:
            parts = urlsplit(href)
        except ValueError:
            return None
        if parts.netloc:
            if normalise_host(parts.hostname or "") not in self.hosts:
                return None
        elif not parts.path.startswith("/"):
            return None
        path = old_path(parts.path)
        if path is None:
            return None
        page_id = self.redirects.page_id(path)
        if page_id is None and path in self.planned_paths:
            self._entry_has_pending = True
        return page_id

    def fix_pending_links(self):
        """Posts linking to posts written after them: their bodies again, now that every
        page exists (in place: the import's own revision, not a new one)."""
        for post, page_id in self.pending_links:
            page = Page.objects.filter(pk=page_id).first()
            if page is None:  # its post was rolled back after the page was saved
                continue
            page = page.specific
            rich = self.content(post)
            if hasattr(page, "body") and rich.html != page.body:
                self.report.counts[LINKS] += rich.html.count(PAGE_LINK) - page.body.count(PAGE_LINK)
                self.writer.replace_content(page, body=rich.html)

    # --- news about a plan

    def note_plan_news(self, post, page):
        if isinstance(page, NewsPage) and post.rule.options.get("related_plan"):
            self.plan_news.append((post, page.pk))

    def link_plans(self):
        """News about a plan written by this run point to it (``related_plan``), once every
        plan of the run exists; a plan an editor already chose is kept."""
        if not self.plan_news:
            return
        plans = list(PlanPage.objects.live().values_list("pk", "kind", "start_year", "end_year"))
        for post, page_id in self.plan_news:
            plan_id = fields.plan_for_news(
                post.entry.title, fields.local_date(post.entry.published), plans
            )
            if plan_id is None:
                continue
            page = NewsPage.objects.filter(pk=page_id).first()
            if page is not None and page.related_plan_id is None:
                self.writer.replace_content(page, related_plan_id=plan_id)
                self.report.counts[PLAN_NEWS] += 1
