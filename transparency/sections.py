"""The official tree of "Amministrazione trasparente" (D.Lgs. 33/2013, annex as amended by
D.Lgs. 97/2016 and ANAC delibera 1310/2016), as plain data.

Labels: AgID's controlled vocabulary of the section, which encodes the ANAC annex
(italia/daf-ontologie-vocabolari-controllati,
VocabolariControllati/classifications-for-transparency/transparency-titulus/
transparency-titulus.csv), and the first-level list of AgID's "Modello Comuni"
(italia/design-comuni-docs, modello-sito-comunale/amministrazione-trasparente.rst), which
also keeps "Controlli sulle imprese" (art. 25). ANAC's crawler follows links by these labels,
so they are written exactly; slugs are the labels made into addresses.

The data migration 0002 imports this module: it must stay plain data (no models).
"""

INDEX_TITLE = "Amministrazione trasparente"
INDEX_SLUG = "amministrazione-trasparente"

# What a section page can fill itself with (TransparencySectionPage.automatic_content).
GOVERNING_BODIES = "governing_bodies"
OFFICES = "offices"
CONTRACT_CALLS = "contract_calls"
GRANT_CALLS = "grant_calls"
GRANTS = "grants"
PLAN_ACTS = "plan_acts"

# (label, slug, automatic content, children)
SECTIONS = [
    ("Disposizioni generali", "disposizioni-generali", "", []),
    (
        "Organizzazione",
        "organizzazione",
        "",
        [
            (
                "Titolari di incarichi politici, di amministrazione, di direzione o di governo",
                "titolari-di-incarichi-politici-di-amministrazione-di-direzione-o-di-governo",
                GOVERNING_BODIES,
                [],
            ),
            ("Articolazione degli uffici", "articolazione-degli-uffici", OFFICES, []),
        ],
    ),
    ("Consulenti e collaboratori", "consulenti-e-collaboratori", "", []),
    ("Personale", "personale", "", []),
    ("Bandi di concorso", "bandi-di-concorso", "", []),
    ("Performance", "performance", "", []),
    ("Enti controllati", "enti-controllati", "", []),
    ("Attività e procedimenti", "attivita-e-procedimenti", "", []),
    (
        "Provvedimenti",
        "provvedimenti",
        "",
        [
            (
                "Provvedimenti organi indirizzo politico",
                "provvedimenti-organi-indirizzo-politico",
                PLAN_ACTS,
                [],
            ),
        ],
    ),
    ("Controlli sulle imprese", "controlli-sulle-imprese", "", []),
    ("Bandi di gara e contratti", "bandi-di-gara-e-contratti", CONTRACT_CALLS, []),
    (
        "Sovvenzioni, contributi, sussidi, vantaggi economici",
        "sovvenzioni-contributi-sussidi-vantaggi-economici",
        "",
        [
            ("Criteri e modalità", "criteri-e-modalita", GRANT_CALLS, []),
            ("Atti di concessione", "atti-di-concessione", GRANTS, []),
        ],
    ),
    ("Bilanci", "bilanci", "", []),
    ("Beni immobili e gestione patrimonio", "beni-immobili-e-gestione-patrimonio", "", []),
    (
        "Controlli e rilievi sull'amministrazione",
        "controlli-e-rilievi-sullamministrazione",
        "",
        [],
    ),
    ("Servizi erogati", "servizi-erogati", "", []),
    ("Pagamenti dell'amministrazione", "pagamenti-dellamministrazione", "", []),
    ("Opere pubbliche", "opere-pubbliche", "", []),
    (
        "Pianificazione e governo del territorio",
        "pianificazione-e-governo-del-territorio",
        "",
        [],
    ),
    ("Informazioni ambientali", "informazioni-ambientali", "", []),
    (
        "Strutture sanitarie private accreditate",
        "strutture-sanitarie-private-accreditate",
        "",
        [],
    ),
    (
        "Interventi straordinari e di emergenza",
        "interventi-straordinari-e-di-emergenza",
        "",
        [],
    ),
    ("Altri contenuti", "altri-contenuti", "", []),
]


def walk(sections=SECTIONS, depth=0):
    """Every section of the tree as (depth, label, slug, automatic content), parents first."""
    for label, slug, automatic, children in sections:
        yield depth, label, slug, automatic
        yield from walk(children, depth + 1)
