"""Demo topics: the "Argomenti" page under the home page, and topics on the demo's pages.

Idempotent: the page is created once; a page gets topics only while its latest revision has
none, so a second run (or an editor's own choice) changes nothing.
"""

from django.utils.translation import gettext as _

INTRO = (
    "<p>I contenuti del sito raccolti per argomento, con il vocabolario condiviso dai siti "
    "dei Comuni italiani (Modello Comuni di Designers Italia).</p>"
)

# Topics by page type, then by tag and call type: the district's work is social assistance;
# its minutes are published for transparency.
BY_TYPE = {
    "planpage": ["Assistenza sociale", "Integrazione sociale"],
    "minutespage": ["Trasparenza amministrativa", "Assistenza sociale"],
    "callpage": ["Assistenza sociale"],
    "newspage": ["Comunicazione istituzionale"],
    "standardpage": ["Comunicazione istituzionale"],
}
BY_TAG = {
    "FNA": "Assistenza agli invalidi",
    "ISEE": "Assistenza sociale",
    "SIA": "Integrazione sociale",
    "PON": "Integrazione sociale",
    "antiviolenza": "Integrazione sociale",
    "piano di zona": "Assistenza sociale",
    "welfare di comunità": "Associazioni",
    "assistenti familiari": "Lavoro",
}
BY_CALL_TYPE = {"co_design": "Associazioni", "supplies": "Imprese"}
BY_SLUG = {"dichiarazione-di-accessibilita": ["Accesso all'informazione"]}


def demo_topic_names(page) -> list[str]:
    """The names of the topics a demo page gets, without repeats, in a stable order."""
    names = list(BY_SLUG.get(page.slug, BY_TYPE.get(page._meta.model_name, [])))
    names += [BY_TAG[tag.name] for tag in page.tags.all() if tag.name in BY_TAG]
    if getattr(page, "call_type", None) in BY_CALL_TYPE:
        names.append(BY_CALL_TYPE[page.call_type])
    return list(dict.fromkeys(names))


def load_demo(now):
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from cms.models import CallPage, HomePage, MinutesPage, NewsPage, PlanPage, StandardPage

    from .models import PageTopic, Topic, TopicIndexPage

    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    lines = []

    home = HomePage.objects.first()
    if home is not None:
        if TopicIndexPage.objects.exists():
            lines.append(_("Pagina degli argomenti: già presente"))
        elif home.get_children().filter(slug="argomenti").exists():
            lines.append(_("Pagina degli argomenti: indirizzo /argomenti/ già usato, non creata"))
        else:
            index = TopicIndexPage(title="Argomenti", slug="argomenti", intro=INTRO)
            home.add_child(instance=index)
            index.save_revision(user=user).publish(user=user)
            lines.append(_("Pagina degli argomenti: creata"))

    topics = {topic.name: topic for topic in Topic.objects.all()}
    pages = Page.objects.type(CallPage, MinutesPage, NewsPage, PlanPage, StandardPage)
    given = kept = 0
    for page in pages.specific().order_by("path"):
        if page.live and page.has_unpublished_changes:
            kept += 1  # someone's draft: publishing it is not the demo's call
            continue
        latest = page.get_latest_revision_as_object()
        if latest.page_topics.all():
            kept += 1
            continue
        chosen = [topics[name] for name in demo_topic_names(latest) if name in topics]
        if not chosen:
            continue
        latest.page_topics = [
            PageTopic(topic=topic, sort_order=position) for position, topic in enumerate(chosen)
        ]
        revision = latest.save_revision(user=user, log_action=False)
        if page.live:
            revision.publish(user=user, log_action=False)
            # Keep the demo's publication dates: the topics are not news.
            Page.objects.filter(pk=page.pk).update(
                first_published_at=page.first_published_at,
                last_published_at=page.last_published_at,
            )
        given += 1
    lines.append(
        _("Argomenti assegnati: %(given)d pagine, %(kept)d già con argomenti")
        % {"given": given, "kept": kept}
    )
    return lines
