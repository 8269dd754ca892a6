"""An Italian corpus of our own for the relevance suite: thirty pages of the district's kinds
(plans, minutes, calls, news, generic pages) written the way the district writes, with the
words people search for: ISEE, SIA, FNA, PON, assistenti familiari, centri antiviolenza,
Rivolta d'Adda, perché. Every page has a key, which is also its slug.

The texts are chosen so each query of the suite has a known answer: the verb "sia" appears
beside the measure SIA, "piano" and "operativo" appear apart as well as together, singular
and plural forms are spread over different pages.
"""

from datetime import date

from cms.models import AgendaItem, PlanKind, PlanObjective
from tests.factories import (
    CallPageFactory,
    MinutesPageFactory,
    NetworkFactory,
    NewsPageFactory,
    PlanPageFactory,
    StandardPageFactory,
)

PLANS = {
    "piano-di-zona-2021": (
        "Piano di Zona 2021-2023",
        "Il Piano di Zona programma per tre anni i servizi sociali dei 48 comuni dell'Ambito "
        "di Crema: domiciliarità per gli anziani, inclusione, politiche giovanili.",
        [
            "Sostenere le famiglie che assistono persone anziane non autosufficienti",
            "Rafforzare la rete dei centri antiviolenza",
        ],
    ),
    "piano-operativo-2017": (
        "Piano Operativo 2017",
        "Il piano operativo annuale elenca gli obiettivi numerati del 2017 e le risorse del "
        "Fondo Nazionale Politiche Sociali.",
        ["Consolidare il servizio di tutela minori"],
    ),
    "piano-poverta": (
        "Piano territoriale per il contrasto alla povertà",
        "Attua il SIA e poi il Reddito di Inclusione con le risorse del PON Inclusione e della "
        "Quota servizi del Fondo Povertà.",
        [],
    ),
    "programma-fna-2022": (
        "Programma operativo FNA 2022",
        "Il Fondo per le Non Autosufficienze finanzia la misura B2: buoni per i caregiver e "
        "voucher per assistenti familiari regolarmente assunte.",
        [],
    ),
}

# key: (meeting body, title, notes, [(agenda item, discussion)])
MINUTES = {
    "verbale-assemblea-marzo": (
        "Assemblea dei Sindaci",
        "Verbale dell'Assemblea dei Sindaci del 14 marzo 2023",
        "",
        [
            (
                "Approvazione del Piano di Zona 2021-2023",
                "I sindaci approvano all'unanimità il documento di programmazione.",
            ),
            ("Riparto del Fondo FNA", "Il riparto segue il numero dei residenti."),
        ],
    ),
    "verbale-tavolo-sia": (
        "Tavolo per l'inclusione",
        "Verbale del Tavolo SIA del 9 maggio 2017",
        "Il tavolo ha esaminato le domande di Sostegno per l'Inclusione Attiva presentate a "
        "Rivolta d'Adda e a Pandino.",
        [],
    ),
    "verbale-tavolo-fragilita": (
        "Tavolo fragilità e disabilità",
        "Verbale del tavolo fragilità",
        "",
        [
            (
                "Sportello per le assistenti familiari: primo bilancio",
                "In sei mesi lo sportello ha incontrato novanta famiglie.",
            ),
            ("Domiciliarità", "Cresce la richiesta di assistenza domiciliare per l'anziano."),
        ],
    ),
    "verbale-consulta": (
        "Consulta del Terzo Settore",
        "Verbale della Consulta del 20 giugno",
        "I consiglieri hanno discusso il bando regionale per i centri antiviolenza.",
        [],
    ),
    "verbale-ufficio-ottobre": (
        "Ufficio di Piano",
        "Verbale dell'Ufficio di Piano del 3 ottobre",
        "Qualunque sia l'esito della gara, il servizio di assistenza domiciliare prosegue.",
        [],
    ),
}

# key: (issuer, title, text)
CALLS = {
    "registro-assistenti-familiari": (
        "Comune di Crema",
        "Avviso per il registro delle assistenti familiari",
        "Possono iscriversi al registro distrettuale le assistenti familiari con almeno "
        "160 ore di formazione.",
    ),
    "bando-centri-antiviolenza": (
        "Regione Lombardia",
        "Bando regionale per i centri antiviolenza",
        "Contributi per i centri antiviolenza e le case rifugio della rete territoriale.",
    ),
    "contributi-affitto-2023": (
        "Comune di Crema",
        "Contributi per l'affitto 2023",
        "Possono presentare domanda le famiglie residenti con ISEE fino a 26.000 euro.",
    ),
    "avviso-pon-equipe": (
        "Ministero del Lavoro",
        "Avviso PON Inclusione: équipe multidisciplinari",
        "Finanzia le équipe che seguono i beneficiari del SIA.",
    ),
    "voucher-anziani": (
        "Ufficio di Piano",
        "Voucher per anziani non autosufficienti",
        "Il voucher della misura B2 sostiene le persone anziane che vivono a casa propria.",
    ),
    "trasporto-sociale": (
        "Ufficio di Piano",
        "Trasporto sociale: manifestazione di interesse",
        "Perché il servizio raggiunga tutti i comuni, cerchiamo associazioni di volontariato.",
    ),
}

# key: (title, text)
NEWS = {
    "sportello-assistenti-familiari": (
        "Apre lo sportello per le assistenti familiari",
        "A Crema lo sportello aiuta le famiglie a trovare un'assistente familiare formata.",
    ),
    "soglie-isee": (
        "Nuove soglie ISEE per i contributi",
        "Le domande si presentano con l'attestazione ISEE in corso di validità.",
    ),
    "tavolo-sia-criteri": (
        "Il Tavolo SIA approva i criteri",
        "Il tavolo distrettuale ha approvato i criteri di selezione dei casi.",
    ),
    "iscrizioni-centri-estivi": (
        "Calendario delle iscrizioni ai centri estivi",
        "Qualunque sia la scuola frequentata, la domanda va presentata entro marzo.",
    ),
    "sportello-rivolta": (
        "Sportello sociale a Rivolta d'Adda",
        "Lo sportello decentrato è aperto il martedì mattina in municipio.",
    ),
    "perche-piano-di-zona": (
        "Perché un Piano di Zona",
        "Spieghiamo come i comuni programmano insieme i servizi sociali.",
    ),
    "fna-termini": (
        "FNA: riaperti i termini della misura B2",
        "Le domande per i buoni della misura B2 si presentano fino al 30 novembre.",
    ),
    "centro-antiviolenza-numero": (
        "Centro antiviolenza: un nuovo numero",
        "Il centro antiviolenza del distretto risponde anche di notte.",
    ),
    "citta-dei-bambini": (
        "La città dei bambini",
        "Un progetto educativo rende la città più accogliente per i più piccoli.",
    ),
    "isee-corrente": (
        "Come aggiornare l'indicatore",
        "Le informazioni sull'ISEE corrente si chiedono al CAF convenzionato.",
    ),
    "incontro-consigliere": (
        "Incontro con la consigliera delegata",
        "La consigliera delegata alle politiche sociali ha incontrato le associazioni.",
    ),
    "settimana-anziana": (
        "Una settimana per la persona anziana",
        "Visite, musica e laboratori nei centri diurni del distretto.",
    ),
    "bilancio-2017": (
        "Bilancio 2017",
        "Un operativo dell'ufficio ha rivisto il piano dei conti nel 2017.",
    ),
}

# key: (title, intro, text)
STANDARD = {
    "chi-siamo": (
        "Chi siamo",
        "L'Ufficio di Piano dell'Ambito distrettuale di Crema.",
        "Coordina i servizi sociali per i 48 comuni del distretto.",
    ),
    "contatti": (
        "Contatti e sportelli",
        "Dove trovarci.",
        "Sportelli a Crema, Rivolta d'Adda, Pandino e Soncino.",
    ),
    "glossario": (
        "Glossario delle sigle",
        "Le sigle che si incontrano nei documenti.",
        "ISEE: Indicatore della Situazione Economica Equivalente. SIA: Sostegno per "
        "l'Inclusione Attiva. FNA: Fondo per le Non Autosufficienze. PON: Programma "
        "Operativo Nazionale.",
    ),
}


def html(text):
    return f"<p>{text}</p>" if text else ""


def build(home, plan_index, minutes_index, call_index, news_index):
    """Publish the corpus; returns every live page of the site by key (sections included)."""
    pages = {
        "home": home,
        "piani": plan_index,
        "verbali": minutes_index,
        "bandi": call_index,
        "notizie": news_index,
    }
    for key, (title, body, objectives) in PLANS.items():
        pages[key] = PlanPageFactory(
            parent=plan_index,
            title=title,
            slug=key,
            kind=PlanKind.PIANO_OPERATIVO,
            body=html(body),
            objectives=[
                PlanObjective(number=n, title=text) for n, text in enumerate(objectives, 1)
            ],
        )
    for key, (body_name, title, notes, items) in MINUTES.items():
        pages[key] = MinutesPageFactory(
            parent=minutes_index,
            title=title,
            slug=key,
            meeting_body=NetworkFactory(name=body_name),
            meeting_date=date(2023, 3, 14),
            place="",
            body=html(notes),
            agenda_items=[
                AgendaItem(title=item, discussion=html(discussion)) for item, discussion in items
            ],
        )
    for key, (issuer, title, body) in CALLS.items():
        pages[key] = CallPageFactory(
            parent=call_index, title=title, slug=key, issuer=issuer, body=html(body)
        )
    for key, (title, body) in NEWS.items():
        pages[key] = NewsPageFactory(
            parent=news_index, title=title, slug=key, intro="", body=html(body)
        )
    for key, (title, intro, body) in STANDARD.items():
        pages[key] = StandardPageFactory(
            parent=home, title=title, slug=key, intro=intro, body=html(body)
        )
    return pages
