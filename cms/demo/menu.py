"""The demo's main menu, arranged as AgID's municipal site model asks (audits C.SI.1.6 and
C.SI.1.7): Amministrazione, Novità, Servizi, Vivere il Cremasco, each listing the district's
own sections under the model's titles. It runs after every app's demo, so the sections it
lists (the networks' index, the transparency section, the topics) exist."""

from .content import html

# Model entry, title, slug, intro, entries: (title, target slug path, description, live role);
# a target "@documenti-e-dati" is the inner section below, built first.
INNER_SECTIONS = {
    "documenti-e-dati": {
        "title": "Documenti e dati",
        "intro": "Piani, verbali, bandi e atti dell'ambito, e i dati pubblicati per legge.",
        "entries": [
            ("", "piani", "Il Piano di Zona triennale e i Piani Operativi annuali.", ""),
            ("", "verbali", "Le sedute dell'Ufficio di Piano, degli organi e dei tavoli.", ""),
            ("Bandi e avvisi", "bandi", "Bandi e avvisi dell'ambito e di altri enti.", ""),
            ("", "amministrazione-trasparente", "I dati del D.Lgs. 33/2013.", ""),
            ("", "argomenti", "Tutti i contenuti, per argomento.", ""),
        ],
    },
}

MENU_SECTIONS = [
    {
        "model_entry": "management",
        "title": "Amministrazione",
        "slug": "amministrazione",
        "intro": "Gli organi di governo dell'ambito, l'Ufficio di Piano, i documenti e i dati.",
        "entries": [
            (
                "Organi di governo",
                "reti",
                "Assemblea dei Sindaci, Comitato ristretto, tavoli e reti: chi ne fa parte.",
                "",
            ),
            ("Uffici", "chi-siamo", "L'Ufficio di Piano: compiti, sede e contatti.", ""),
            ("", "@documenti-e-dati", "", ""),
        ],
    },
    {
        "model_entry": "news",
        "title": "Novità",
        "slug": "novita",
        "intro": "Notizie e avvisi dell'Ufficio di Piano.",
        "entries": [
            ("Notizie", "notizie", "Comunicazioni e aggiornamenti dell'Ufficio di Piano.", ""),
            ("Avvisi", "bandi", "Bandi e avvisi aperti, in scadenza e chiusi.", ""),
        ],
    },
    {
        "model_entry": "live",
        "title": "Vivere il Cremasco",
        "slug": "vivere-il-cremasco",
        "intro": "Il territorio dei 48 comuni dell'ambito e gli appuntamenti delle sue reti.",
        "entries": [
            ("Luoghi", "@luoghi", "I sub-ambiti e i comuni dell'ambito.", "places"),
            ("Eventi", "@eventi", "Sedute degli organi e scadenze dei bandi.", "events"),
        ],
    },
]

PLACES = {
    "title": "Luoghi",
    "slug": "luoghi",
    "intro": "L'Ambito distrettuale di Crema: i sub-ambiti e i 48 comuni che ne fanno parte.",
}
EVENTS = {
    "title": "Eventi",
    "slug": "eventi",
    "intro": "Le prossime sedute degli organi e delle reti dell'ambito e le scadenze dei bandi.",
}

# The sections the menu used to list directly: kept, out of the menu.
FORMER_MENU = [
    "piani",
    "verbali",
    "bandi",
    "notizie",
    "reti",
    "chi-siamo",
    "argomenti",
    "dichiarazione-di-accessibilita",
]


def load_menu(loader, home):
    """Builds the menu sections under ``home`` (a no-op for those already there) and puts
    the four model entries in the model's order, "Servizi" third."""
    from cms.models import EventsPage, MenuSectionLink, MenuSectionPage, PlacesPage

    children = {page.slug: page for page in home.get_children()}

    def target(slug):
        if slug.startswith("@"):
            return built[slug[1:]]
        return children.get(slug)

    def links(entries):
        return [
            MenuSectionLink(link_page=page, title=title, description=description, live_role=role)
            for title, slug, description, role in entries
            if (page := target(slug)) is not None
        ]

    built = {}
    created = not home.get_children().filter(slug="amministrazione").exists()
    for data in MENU_SECTIONS:

        def build(data=data):
            return MenuSectionPage(
                title=data["title"],
                intro=html(data["intro"]),
                model_entry=data["model_entry"],
                show_in_menus=True,
            )

        section = loader.add_page(home, data["slug"], "Sezioni del menu", build)
        if data["slug"] == "amministrazione":
            for slug, inner in INNER_SECTIONS.items():

                def build_inner(inner=inner):
                    page = MenuSectionPage(title=inner["title"], intro=html(inner["intro"]))
                    page.section_links = links(inner["entries"])
                    return page

                built[slug] = loader.add_page(section, slug, "Sezioni del menu", build_inner)
        if data["slug"] == "vivere-il-cremasco":
            built["luoghi"] = loader.add_page(
                section,
                PLACES["slug"],
                "Sezioni del menu",
                lambda: PlacesPage(title=PLACES["title"], intro=html(PLACES["intro"])),
            )
            built["eventi"] = loader.add_page(
                section,
                EVENTS["slug"],
                "Sezioni del menu",
                lambda: EventsPage(title=EVENTS["title"], intro=html(EVENTS["intro"])),
            )
        if not section.section_links.exists():
            section.section_links = links(data["entries"])
            section.save_revision(user=loader.admin).publish(user=loader.admin)

    if created:
        # A demo loaded before the menu sections existed listed the sections directly.
        for page in home.get_children().filter(slug__in=FORMER_MENU, show_in_menus=True):
            page = page.specific
            page.show_in_menus = False
            page.save_revision(user=loader.admin).publish(user=loader.admin)

    services = home.get_children().filter(slug="servizi").first()
    if services is not None:
        for slug in ("amministrazione", "novita"):
            page = home.get_children().get(slug=slug)
            services.refresh_from_db()
            if page.path > services.path:
                page.move(services, pos="left")
    return built
