"""Demo content of the transparency section: the tree under the demo home, a few words in
the sections the district fills by hand, and grants, one of which protects its beneficiary
(art. 26 c. 4: the public sees its protocol number only). Idempotent."""

from datetime import date
from decimal import Decimal

from . import rules
from .tree import ensure_tree

INDEX_INTRO = (
    "Dati, documenti e informazioni pubblicati ai sensi del D.Lgs. 33/2013, organizzati "
    "secondo le sotto-sezioni previste dalla normativa."
)
SECTION_TEXTS = {
    "disposizioni-generali": (
        "Atti generali e programmazione dell'ambito distrettuale.",
        "<p>L'Ufficio di Piano opera in base all'Accordo di Programma per l'attuazione del "
        "Piano di Zona sottoscritto dai 48 comuni dell'ambito. Il Piano di Zona e i Piani "
        "Operativi sono pubblicati nella sezione Piani.</p>",
    ),
    "criteri-e-modalita": (
        "Criteri e modalità per la concessione di contributi: i bandi e gli avvisi in vigore.",
        "<p>I criteri sono stabiliti da ciascun bando, approvato dall'Assemblea dei Sindaci. "
        "Di seguito i bandi per agevolazioni, finanziamenti e contributi.</p>",
    ),
    "atti-di-concessione": (
        "Contributi concessi per importi superiori a mille euro (artt. 26 e 27).",
        "<p>Quando dalla concessione si possono ricavare informazioni sullo stato di salute o "
        "sul disagio economico-sociale della persona, il beneficiario è indicato solo con il "
        "numero di protocollo (art. 26, comma 4, D.Lgs. 33/2013).</p>",
    ),
}

# A fictitious person whose name must never appear on the public site (tests look for it).
PROTECTED_BENEFICIARY = "Rosalba Fittizia Tutelata"
GRANTS = [
    {
        "protocol_number": "",
        "beneficiary_kind": "organisation",
        "beneficiary_name": "Cooperativa sociale Il Girasole (demo)",
        "beneficiary_tax_code": "12345670196",
        "reveals_hardship": False,
        "amount": Decimal("18500.00"),
        "granted_on": date(2017, 6, 12),
        "legal_basis": "Bando ATS per l'incremento dei centri antiviolenza; Determina n. 41/2017",
        "office": "Ufficio di Piano",
        "official": "Responsabile dell'Ufficio di Piano",
        "selection_method": "Avviso pubblico con graduatoria",
        "call_slug": "ats-incremento-centri-antiviolenza-2017",
    },
    {
        "protocol_number": "",
        "beneficiary_kind": "organisation",
        "beneficiary_name": "Associazione Anziani Attivi Crema (demo)",
        "beneficiary_tax_code": "91012340193",
        "reveals_hardship": False,
        "amount": Decimal("4200.00"),
        "granted_on": date(2017, 9, 4),
        "legal_basis": "Regolamento distrettuale dei contributi, art. 5; Determina n. 63/2017",
        "office": "Ufficio di Piano",
        "official": "Responsabile dell'Ufficio di Piano",
        "selection_method": "Domanda a sportello, in ordine di arrivo",
        "call_slug": "",
    },
    {
        "protocol_number": "2017/0004821",
        "beneficiary_kind": "person",
        "beneficiary_name": PROTECTED_BENEFICIARY,
        "beneficiary_tax_code": "",
        "reveals_hardship": True,
        "amount": Decimal("2400.00"),
        "granted_on": date(2017, 10, 16),
        "legal_basis": "Fondo Non Autosufficienze, Misura B2; Determina n. 77/2017",
        "office": "Servizio sociale distrettuale",
        "official": "Responsabile del Servizio sociale distrettuale",
        "selection_method": "Valutazione multidimensionale e graduatoria ISEE",
        "call_slug": "contributi-fna-misura-b2",
    },
]


def load_demo(now):
    from wagtail.models import Site

    from cms.models import CallPage, HomePage

    from .models import Grant, TransparencySectionPage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        home = HomePage.objects.first()
    index, created = ensure_tree(home)
    if not index.intro:
        index.intro = INDEX_INTRO
        index.save_revision().publish()
    filled = 0
    for page in TransparencySectionPage.objects.filter(slug__in=SECTION_TEXTS):
        intro, body = SECTION_TEXTS[page.slug]
        if not page.intro and not page.body:
            page.intro, page.body = intro, body
            page.save_revision().publish()
            filled += 1

    calls = {
        call.slug: call
        for call in CallPage.objects.filter(slug__in=[g["call_slug"] for g in GRANTS])
    }
    new_grants = 0
    for data in GRANTS:
        data = dict(data)
        call = calls.get(data.pop("call_slug"))
        if Grant.objects.filter(
            beneficiary_name=data["beneficiary_name"], granted_on=data["granted_on"]
        ).exists():
            continue
        # The demo's acts are of 2017, whose legal publication period is over: the demo
        # publishes them as if their period started when the demo is loaded.
        grant = Grant(
            **data,
            call=call,
            live=False,
            expire_at=rules.legal_publication_end(now.date(), 5, "Europe/Rome"),
        )
        grant.full_clean()
        grant.save()
        grant.save_revision().publish()
        new_grants += 1
    return [
        f"Amministrazione trasparente: {created} pagine create, {filled} sezioni compilate",
        f"Atti di concessione: {new_grants} creati, {len(GRANTS) - new_grants} già presenti",
    ]
