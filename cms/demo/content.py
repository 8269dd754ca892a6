"""The demo district: Ufficio di Piano dell'Ambito distrettuale di Crema, early 2017.

Plain data (networks, plans, minutes, calls, news) and the helpers ``load_demo`` uses to
build it idempotently: a page already present under its parent (same slug) is left alone,
networks are matched by slug, recipients by name, documents by title, users by username.
Every text is demonstrative; no personal names are used.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")
PASSWORD = "demo-admin-2026"
PLACE = "Via Manini 21, Crema"
DEMO_NOTICE = "Contenuti dimostrativi"

MONTHS = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
]


def italian_date(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def rome(year, month, day, hour=12, minute=0):
    """An aware datetime in Rome time."""
    return datetime(year, month, day, hour, minute, tzinfo=ROME)


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=ROME)


def html(*paragraphs):
    """Plain paragraphs as rich text (no markup in the data)."""
    return "".join(f"<p>{p}</p>" for p in paragraphs if p)


def html_list(items, intro=""):
    return html(intro) + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# --------------------------------------------------------------------------- identity, users

BODY_IDENTITY = {
    "name": "Ufficio di Piano dell'Ambito distrettuale di Crema (demo)",
    "tagline": "Programmazione sociale dei 48 comuni del Cremasco - sito dimostrativo",
    "address": "Via Manini 21",
    "postal_code": "26013",
    "locality": "Crema (CR)",
    "area_served": "Ambito distrettuale di Crema (48 comuni)",
    "tax_code": "00000000000",
    "email": "ufficiodipiano@example.org",
    "pec": "ufficiodipiano.pec@example.org",
    "phone": "+39 0373 000000",
    "accessibility_statement_url": "https://form.agid.gov.it/",
    "is_demo": True,
}

# username, e-mail, superuser, group
USERS = [
    ("admin", "admin@example.org", True, None),
    ("redattore", "redattore@example.org", False, "Redazione"),
    ("moderatore", "moderatore@example.org", False, "Moderatori"),
]

HOME_INTRO = html(
    f"<b>{DEMO_NOTICE}.</b> Questo sito mostra come l'Ufficio di Piano dell'Ambito "
    "distrettuale di Crema (48 comuni) pubblica piani, verbali, bandi e notizie. "
    "Testi, date, importi e documenti sono esempi costruiti a partire da atti pubblici "
    "e non hanno valore ufficiale."
)

# --------------------------------------------------------------------------- networks

# slug, name, kind, purpose
NETWORKS = [
    (
        "ufficio-di-piano",
        "Ufficio di Piano",
        "planning_office",
        "Struttura tecnica dell'ambito: prepara il Piano di Zona e i Piani Operativi, "
        "istruisce gli atti per il Comitato ristretto e l'Assemblea dei Sindaci. "
        "Si riunisce di norma ogni due settimane, il mercoledì alle 9:00.",
    ),
    (
        "comitato-ristretto",
        "Comitato ristretto",
        "committee",
        "Organo di indirizzo ristretto dell'Assemblea dei Sindaci: esamina le proposte "
        "dell'Ufficio di Piano prima dell'approvazione in Assemblea.",
    ),
    (
        "assemblea-dei-sindaci",
        "Assemblea dei Sindaci",
        "assembly",
        "Un sindaco o un delegato per ciascuno dei 48 comuni dell'ambito: approva il Piano "
        "di Zona, i Piani Operativi e il riparto dei fondi.",
    ),
    (
        "cda-comunita-sociale-cremasca",
        "CdA di Comunità Sociale Cremasca",
        "board",
        "Consiglio di amministrazione di Comunità Sociale Cremasca (CSC), l'azienda "
        "speciale consortile che gestisce i servizi sociali associati del distretto.",
    ),
    (
        "tavolo-sia",
        "Tavolo SIA",
        "table",
        "Tavolo distrettuale per il Sostegno per l'Inclusione Attiva: CSC (servizio sociale "
        "distrettuale e SIL), un referente per sub-ambito, Provincia (ufficio lavoro e "
        "formazione), agenzie per il lavoro accreditate, un referente Caritas / centri di "
        "ascolto parrocchiali. Definisce quadro logico, criteri di selezione dei casi, "
        "monitoraggio e valutazione.",
    ),
    (
        "rete-contatto",
        "Rete ConTatto",
        "network",
        "Rete antiviolenza del territorio cremasco: intende coinvolgere tutti i comuni "
        "dell'ambito e promuovere l'apertura di un centro antiviolenza, con il "
        "coordinamento dell'Associazione Donne Contro la Violenza.",
    ),
    (
        "clac-cabina-di-regia",
        "CLAC cabina di regia",
        "steering",
        "Cabina di regia del progetto CLAC finanziato da una fondazione di comunità; "
        "la composizione è in attesa di un parere legale.",
    ),
    (
        "fare-legami",
        'Gruppo policy maker "Fare Legami"',
        "cohort",
        "Percorso formativo per policy maker del progetto Fare Legami: 10 amministratori "
        "locali che coprono tutti i sub-ambiti, 5 responsabili di associazioni indicati da "
        "Cisvol e 5 responsabili di cooperative indicati da Confcooperative.",
    ),
    (
        "sportello-assistenti-familiari",
        "Sportello assistenti familiari",
        "service",
        "Sportello di orientamento per famiglie e assistenti familiari, gestito con un "
        "patronato (ACLI) a Crema, con aperture decentrate a Castelleone, Soncino e "
        "Rivolta d'Adda, in convenzione con la Provincia.",
    ),
]

RECIPIENTS = [
    "Cittadini",
    "Comuni dell'ambito",
    "Enti del terzo settore",
    "Associazioni",
    "Cooperative sociali",
    "Imprese",
]

# --------------------------------------------------------------------------- sections, pages

# model name, title, slug, intro
SECTIONS = [
    (
        "PlanIndexPage",
        "Piani",
        "piani",
        "Il Piano di Zona triennale e i Piani Operativi annuali dell'ambito.",
    ),
    (
        "MinutesIndexPage",
        "Verbali",
        "verbali",
        "I verbali delle sedute dell'Ufficio di Piano e dei tavoli dell'ambito.",
    ),
    (
        "CallIndexPage",
        "Bandi",
        "bandi",
        "Bandi e avvisi dell'ambito e di altri enti rivolti al territorio cremasco.",
    ),
    ("NewsIndexPage", "Notizie", "notizie", "Comunicazioni e aggiornamenti dell'Ufficio di Piano."),
]

STANDARD_PAGES = [
    {
        "title": "Chi siamo",
        "slug": "chi-siamo",
        "intro": "L'Ufficio di Piano dell'Ambito distrettuale di Crema (contenuti dimostrativi).",
        "body": html(
            "L'Ambito distrettuale di Crema riunisce 48 comuni del Cremasco che programmano "
            "insieme i servizi sociali. L'Ufficio di Piano è la struttura tecnica che prepara "
            "il Piano di Zona triennale e i Piani Operativi annuali, coordina i tavoli "
            "tematici e cura i rapporti con ATS Val Padana e ASST Crema.",
            "Gli indirizzi sono dati dall'Assemblea dei Sindaci (un sindaco o un delegato per "
            "comune) e dal Comitato ristretto; i servizi associati sono gestiti da Comunità "
            "Sociale Cremasca (CSC).",
            "L'Ufficio di Piano si riunisce di norma ogni due settimane, il mercoledì alle "
            "9:00, in Via Manini 21 a Crema (indirizzo dimostrativo).",
        ),
    },
    {
        "title": "Dichiarazione di accessibilità",
        "slug": "dichiarazione-di-accessibilita",
        "intro": "Lo stato di conformità del sito ai requisiti di accessibilità.",
        "body": html(
            "L'ente si impegna a rendere il proprio sito accessibile, conformemente alla "
            "Legge 9 gennaio 2004, n. 4 e alle Linee guida AgID sull'accessibilità degli "
            "strumenti informatici.",
            'La dichiarazione di accessibilità è compilata e pubblicata sul <a href="'
            'https://form.agid.gov.it/">modulo AgID</a>. Per segnalare un problema di '
            "accessibilità scrivere a ufficiodipiano@example.org (indirizzo dimostrativo).",
        ),
    },
]

# --------------------------------------------------------------------------- plans

PDZ_SLUG = "piano-di-zona-2015-2017"
PO_SLUG = "piano-operativo-2017"

PO_OBJECTIVES = [
    (
        "Osservatorio permanente",
        "Costituire un osservatorio permanente sui bisogni e sull'offerta di servizi "
        "dell'ambito, con dati aggiornati per comune e per sub-ambito.",
        "in_progress",
    ),
    (
        "Credenziali di accesso al sistema informativo sociale",
        "Rilasciare agli operatori di tutti i comuni le credenziali per la cartella sociale "
        "informatizzata, così che i dati siano registrati in modo uniforme.",
        "achieved",
    ),
    (
        "Sistema di accesso unificato",
        "Definire un unico punto di accesso ai servizi sociali e sociosanitari, con "
        "criteri condivisi di accoglienza, orientamento e presa in carico (anche ISEE).",
        "in_progress",
    ),
    (
        "Patti generativi",
        "Sperimentare patti con i beneficiari di contributi (SIA, FNA) che prevedano "
        "attività restituite alla comunità.",
        "planned",
    ),
    (
        "Laboratori di comunità",
        "Avviare laboratori di comunità con enti del terzo settore, parrocchie e "
        "associazioni per progettare risposte locali ai bisogni emergenti.",
        "planned",
    ),
    (
        "Accoglienza dei richiedenti protezione (PON)",
        "Organizzare l'accoglienza diffusa dei richiedenti protezione internazionale con le "
        "risorse del PON, coordinando i comuni disponibili.",
        "in_progress",
    ),
    (
        "Gestione associata",
        "Estendere la gestione associata dei servizi tramite Comunità Sociale Cremasca, "
        "uniformando regolamenti e tariffe.",
        "in_progress",
    ),
    (
        "Fondo preventivo",
        "Istituire un fondo di ambito per interventi preventivi e per le emergenze dei "
        "comuni più piccoli, con regole di accesso trasparenti.",
        "planned",
    ),
    (
        "Modello di servizio sovracomunale",
        "Definire un modello di servizio sociale sovracomunale per sub-ambito, con "
        "referenti e orari condivisi.",
        "planned",
    ),
    (
        "Consolidamento dei servizi associati",
        "Consolidare i servizi già associati (tutela minori, SIL, assistenza domiciliare) "
        "e verificarne costi e risultati.",
        "in_progress",
    ),
]

PLANS = [
    {
        "slug": PDZ_SLUG,
        "title": "Piano di Zona 2015-2017",
        "kind": "pdz",
        "start_year": 2015,
        "end_year": 2017,
        "status": "approved",
        "intro": "Il piano triennale dei servizi sociali dei 48 comuni dell'Ambito di Crema, "
        "sottoscritto con Accordo di Programma.",
        "body": html(
            "Il Piano di Zona 2015-2017 è stato costruito secondo le linee di indirizzo "
            "regionali per la programmazione sociale a livello locale 2015-2017 (DGR n. "
            "X/2941 del 19 dicembre 2014) e sottoscritto da tutti i comuni dell'ambito con "
            "l'Accordo di Programma entro il termine regionale del 30 aprile 2015.",
            "Ogni anno il Piano è attuato da un Piano Operativo che ne declina gli obiettivi.",
        ),
        "objectives": [
            (
                "Ricomposizione delle risorse",
                "Leggere insieme risorse comunali, di ambito, sociosanitarie e del terzo "
                "settore (FNA, fondo sociale regionale, fondi europei).",
                "in_progress",
            ),
            (
                "Accesso e presa in carico",
                "Rendere omogeneo l'accesso ai servizi in tutti i comuni.",
                "in_progress",
            ),
            (
                "Welfare di comunità",
                "Sostenere reti e progetti che coinvolgano cittadini e terzo settore.",
                "in_progress",
            ),
        ],
        "steps": [
            ("ufficio-di-piano", date(2015, 3, 25), "Verbale dell'Ufficio di Piano del 25/03/2015"),
            ("comitato-ristretto", date(2015, 4, 8), "Verbale del Comitato ristretto n. 2/2015"),
            (
                "assemblea-dei-sindaci",
                date(2015, 4, 22),
                "Deliberazione dell'Assemblea dei Sindaci n. 3/2015 (approvazione del Piano "
                "e dell'Accordo di Programma)",
            ),
        ],
        "documents": [
            ("Piano di Zona 2015-2017 - documento di piano", "Documento di piano"),
            ("Accordo di Programma per il Piano di Zona 2015-2017", "Accordo di Programma"),
        ],
        "networks": ["ufficio-di-piano", "comitato-ristretto", "assemblea-dei-sindaci"],
        "tags": ["piano di zona"],
        "published_at": rome(2015, 4, 30),
    },
    {
        "slug": PO_SLUG,
        "title": "Piano Operativo 2017",
        "kind": "po",
        "start_year": 2017,
        "end_year": 2017,
        "status": "approved",
        "intro": "Le dieci azioni con cui l'ambito attua nel 2017 il Piano di Zona 2015-2017.",
        "body": html(
            "La bozza del Piano Operativo 2017 è stata pubblicata a fine gennaio per la "
            "consultazione, discussa nelle sedute dell'Ufficio di Piano e approvata in "
            "sequenza dall'Ufficio di Piano, dal Comitato ristretto e dall'Assemblea dei "
            "Sindaci.",
            "Il Piano elenca dieci obiettivi numerati, ciascuno con una breve descrizione e "
            "lo stato di avanzamento.",
        ),
        "objectives": PO_OBJECTIVES,
        "steps": [
            ("ufficio-di-piano", date(2017, 3, 29), "Verbale dell'Ufficio di Piano del 29/03/2017"),
            ("comitato-ristretto", date(2017, 4, 5), "Verbale del Comitato ristretto n. 2/2017"),
            (
                "assemblea-dei-sindaci",
                date(2017, 4, 20),
                "Deliberazione dell'Assemblea dei Sindaci n. 3/2017",
            ),
        ],
        "documents": [
            ("Piano Operativo 2017 - bozza per la consultazione", "Bozza (gennaio 2017)"),
            ("Piano Operativo 2017 - testo approvato", "Testo approvato"),
        ],
        "networks": [
            "ufficio-di-piano",
            "comitato-ristretto",
            "assemblea-dei-sindaci",
            "cda-comunita-sociale-cremasca",
        ],
        "tags": ["piano di zona", "piano operativo"],
        "published_at": rome(2017, 4, 21),
    },
]

# --------------------------------------------------------------------------- minutes

D = "discussed"
X = "decided"
P = "postponed"

UDP_MINUTES = [
    {
        "date": date(2017, 1, 18),
        "next": date(2017, 2, 1),
        "tags": ["SIA", "ISEE", "PON"],
        "documents": [
            ("Verbale dell'Ufficio di Piano del 18 gennaio 2017", "Verbale (PDF)"),
            ("Piano Operativo 2017 - bozza per la consultazione", "Bozza del PO 2017"),
        ],
        "items": [
            (
                "Piano Operativo 2017: prima bozza degli obiettivi",
                "L'Ufficio di Piano esamina la prima bozza dei dieci obiettivi del PO 2017, "
                "dall'osservatorio permanente al consolidamento dei servizi associati.",
                "La bozza sarà pubblicata sul sito entro fine gennaio e trasmessa al Comitato "
                "ristretto.",
                X,
            ),
            (
                "SIA: costituzione del Tavolo SIA di ambito",
                "Si definisce la composizione richiesta: CSC (servizio sociale distrettuale e "
                "SIL), un referente per ciascun sub-ambito, Provincia (ufficio lavoro e "
                "formazione), agenzie per il lavoro accreditate, un referente Caritas / centri "
                "di ascolto parrocchiali; altri enti pubblici o del terzo settore possono "
                "chiedere di aderire.",
                "Il Tavolo SIA è costituito; prima convocazione a febbraio con all'ordine del "
                "giorno quadro logico e criteri di selezione dei casi.",
                X,
            ),
            (
                "ISEE: soglie uniformi per le prestazioni agevolate",
                "Si confrontano le soglie ISEE applicate dai comuni per i servizi domiciliari "
                "e i contributi economici: le differenze tra sub-ambiti restano ampie.",
                "CSC predispone una proposta di soglie uniformi da presentare al Comitato "
                "ristretto.",
                D,
            ),
            (
                "PON Inclusione: candidatura dell'ambito",
                "Si fa il punto sulla candidatura al PON Inclusione e sulle risorse per "
                "rafforzare il servizio sociale professionale collegato al SIA.",
                "",
                D,
            ),
            (
                "Rete ConTatto: rappresentatività dei sub-ambiti",
                "Il punto non è trattato per mancanza di tempo.",
                "Rinviato alla seduta del 1 febbraio 2017.",
                P,
            ),
        ],
    },
    {
        "date": date(2017, 2, 1),
        "next": date(2017, 2, 15),
        "tags": ["FNA", "antiviolenza"],
        "items": [
            (
                "Rete ConTatto: composizione e rappresentatività",
                "La Rete ConTatto dovrebbe coinvolgere tutti i comuni dell'ambito, ma "
                "non tutti i sub-ambiti risultano rappresentati. L'Ufficio di Piano chiede "
                "chiarezza su titolarità, referente e rappresentatività di ciascun membro.",
                "Si chiede alla coordinatrice della rete (Associazione Donne Contro la "
                "Violenza) l'elenco aggiornato dei membri con i rispettivi referenti.",
                X,
            ),
            (
                "FNA 2016: misura B2 e residui",
                "Si esamina lo stato di utilizzo del Fondo per le non autosufficienze: "
                "una parte delle risorse della misura B2 non è stata assegnata.",
                "I residui FNA saranno riallocati; la proposta di riparto è rinviata alla "
                "verifica dei progetti in corso.",
                D,
            ),
            (
                "Sportello assistenti familiari",
                "Si presenta lo sportello gestito con ACLI a Crema, con aperture decentrate a "
                "Castelleone, Soncino e Rivolta d'Adda, in convenzione con la Provincia.",
                "Lo sportello deve essere comunicato a Regione Lombardia entro la scadenza "
                "regionale: l'Ufficio di Piano prepara la comunicazione.",
                X,
            ),
            (
                'Progetto "Fare Legami": gruppo dei policy maker',
                "Il percorso formativo prevede 10 amministratori locali che coprano tutti i "
                "sub-ambiti, 5 responsabili di associazioni indicati da Cisvol e 5 "
                "responsabili di cooperative indicati da Confcooperative.",
                "I comuni capofila dei sub-ambiti indicano gli amministratori entro fine febbraio.",
                X,
            ),
            (
                "CLAC: composizione della cabina di regia",
                "La composizione della cabina di regia del progetto CLAC richiede un parere "
                "legale.",
                "Rinviato in attesa del parere legale.",
                P,
            ),
        ],
    },
    {
        "date": date(2017, 2, 15),
        "next": date(2017, 3, 1),
        "tags": ["ISEE", "SIA"],
        "items": [
            (
                "Piano Operativo 2017: osservazioni sulla bozza",
                "Sono pervenute osservazioni da alcuni comuni e dal terzo settore sugli "
                "obiettivi relativi ai laboratori di comunità e al fondo preventivo.",
                "Le osservazioni saranno integrate nel testo da sottoporre all'approvazione.",
                D,
            ),
            (
                "Credenziali di accesso al sistema informativo sociale",
                "Diversi comuni non hanno ancora le credenziali per la cartella sociale "
                "informatizzata.",
                "CSC rilascia le credenziali mancanti entro marzo a un operatore per comune.",
                X,
            ),
            (
                "ISEE: controlli sulle DSU",
                "Si discute delle verifiche a campione sulle dichiarazioni sostitutive uniche "
                "presentate per le prestazioni agevolate.",
                "",
                D,
            ),
            (
                "SIA: prime domande e convocazione del Tavolo SIA",
                "Si illustrano i primi dati sulle domande SIA raccolte dai comuni e dai CPI.",
                "Il Tavolo SIA è convocato per il 22 febbraio 2017.",
                X,
            ),
            (
                "CLAC: composizione della cabina di regia",
                "Il parere legale non è ancora pervenuto.",
                "Rinviato alla prossima seduta.",
                P,
            ),
        ],
    },
    {
        "date": date(2017, 3, 1),
        "next": date(2017, 3, 15),
        "tags": ["antiviolenza", "FNA"],
        "documents": [
            ("Verbale dell'Ufficio di Piano del 1 marzo 2017", "Verbale (PDF)"),
            (
                "Prospetto di cofinanziamento del progetto antiviolenza",
                "Prospetto di cofinanziamento",
            ),
        ],
        "items": [
            (
                "Bando ATS Val Padana del 28 febbraio 2017 per l'incremento dei centri "
                "antiviolenza",
                "ATS Val Padana ha pubblicato il 28 febbraio 2017 un bando per aumentare il "
                "numero dei centri antiviolenza. La Rete ConTatto intende candidare un "
                "centro per il territorio cremasco.",
                "L'ambito aderisce alla candidatura con un cofinanziamento di circa 10.000 "
                "euro più circa 11.000 euro riallocati dal FNA.",
                X,
            ),
            (
                "FNA: riallocazione dei residui",
                "Si verifica la compatibilità della riallocazione di circa 11.000 euro di "
                "residui FNA con le regole regionali.",
                "La riallocazione è approvata; l'Assemblea dei Sindaci ne sarà informata.",
                X,
            ),
            (
                "Sportello assistenti familiari: comunicazione a Regione Lombardia",
                "La comunicazione è pronta; restano da confermare gli orari delle aperture "
                "di Castelleone, Soncino e Rivolta d'Adda.",
                "La comunicazione è inviata entro la scadenza con gli orari provvisori.",
                X,
            ),
            (
                "Rete ConTatto: risposta sulla rappresentatività",
                "L'elenco dei membri non è ancora arrivato.",
                "Rinviato alla seduta del 15 marzo 2017.",
                P,
            ),
        ],
    },
    {
        "date": date(2017, 3, 15),
        "next": date(2017, 3, 29),
        "tags": ["antiviolenza", "PON"],
        "items": [
            (
                "Rete ConTatto: verifica della rappresentatività",
                "L'elenco ricevuto conferma che non tutti i sub-ambiti sono rappresentati "
                "nella rete; per alcuni membri non è indicato il referente.",
                "Si chiede ai comuni capofila dei sub-ambiti scoperti di indicare un referente.",
                X,
            ),
            (
                "Bando ATS centri antiviolenza: preparazione della domanda",
                "Si definiscono i contenuti della domanda, il partenariato e il piano "
                "economico con il cofinanziamento deliberato il 1 marzo.",
                "La domanda sarà presentata dalla Rete ConTatto entro la scadenza del bando.",
                X,
            ),
            (
                "PON: accoglienza dei richiedenti protezione internazionale",
                "Si aggiornano i dati sui posti di accoglienza diffusa disponibili nei comuni "
                "e sulle risorse PON.",
                "",
                D,
            ),
            (
                "Fondo preventivo di ambito",
                "Si discutono criteri e dotazione del fondo preventivo previsto dal PO 2017.",
                "",
                D,
            ),
            (
                "Piano Operativo 2017: testo definitivo",
                "Il testo con le osservazioni integrate non è ancora completo.",
                "Rinviato alla seduta del 29 marzo 2017 per l'approvazione.",
                P,
            ),
        ],
    },
    {
        "date": date(2017, 3, 29),
        "next": date(2017, 4, 12),
        "tags": ["piano operativo", "SIA"],
        "items": [
            (
                "Piano Operativo 2017: approvazione",
                "L'Ufficio di Piano esamina il testo definitivo dei dieci obiettivi.",
                "Il PO 2017 è approvato e trasmesso al Comitato ristretto e all'Assemblea dei "
                "Sindaci.",
                X,
            ),
            (
                "CLAC: composizione della cabina di regia",
                "Il parere legale è pervenuto e consente la partecipazione dei soggetti proposti.",
                "La composizione della cabina di regia è approvata.",
                X,
            ),
            (
                "Bando ATS centri antiviolenza: domanda presentata",
                "La Rete ConTatto ha presentato la domanda nei termini.",
                "",
                D,
            ),
            (
                "Tavolo SIA: esiti della prima seduta",
                "Si riferisce sul quadro logico e sui criteri di selezione dei casi discussi "
                "al Tavolo SIA.",
                "",
                D,
            ),
        ],
    },
]

SIA_MINUTES = {
    "date": date(2017, 2, 22),
    "time": time(14, 30),
    "next": date(2017, 3, 22),
    "tags": ["SIA"],
    "items": [
        (
            "Composizione del Tavolo SIA",
            "Sono presenti CSC (servizio sociale distrettuale e SIL), i referenti dei "
            "sub-ambiti, la Provincia e un referente Caritas; le agenzie per il lavoro "
            "accreditate non hanno ancora indicato un rappresentante.",
            "Si sollecitano le agenzie per il lavoro accreditate.",
            D,
        ),
        (
            "Quadro logico del SIA di ambito",
            "Si condividono obiettivi, attività e indicatori del progetto SIA dell'ambito.",
            "Il quadro logico è approvato.",
            X,
        ),
        (
            "Criteri di selezione dei casi",
            "Si discutono i criteri per la presa in carico dei nuclei beneficiari, con il "
            "raccordo tra servizi sociali, CPI e SIL.",
            "Rinviato alla prossima seduta per approfondire il raccordo con i CPI.",
            P,
        ),
        (
            "Monitoraggio e valutazione",
            "Si propone un monitoraggio trimestrale sui progetti personalizzati.",
            "",
            D,
        ),
    ],
}


def minutes_summary(total, decided, postponed):
    """E.g. "5 punti all'ordine del giorno: 2 deliberati, 1 rimandato alla seduta successiva."."""

    def count(n, singular, plural):
        return f"{n} {singular if n == 1 else plural}"

    text = f"{count(total, 'punto', 'punti')} all'ordine del giorno"
    parts = [count(decided, "deliberato", "deliberati")] if decided else []
    if postponed:
        parts.append(count(postponed, "rimandato", "rimandati") + " alla seduta successiva")
    return text + (": " + ", ".join(parts) if parts else "") + "."


# --------------------------------------------------------------------------- calls


def calls(now):
    """The five demo calls, one per state; relative dates are computed from ``now``."""
    today = now.astimezone(ROME).date()
    days = timedelta(days=1)
    return [
        {
            "slug": "contributi-fna-misura-b2",
            "title": "Avviso per i contributi FNA - misura B2",
            "intro": "Buoni e voucher per persone non autosufficienti assistite a domicilio.",
            "issuer": "Ufficio di Piano dell'Ambito distrettuale di Crema",
            "call_type": "grants",
            "recipients": ["Cittadini"],
            "amount": Decimal("180000.00"),
            "opening": at(today - 10 * days, 9),
            "questions_deadline": at(today + 20 * days, 12),
            "application_deadline": at(today + 30 * days, 12),
            "closing_date": today + 90 * days,
            "body": html(
                "Contributi del Fondo per le non autosufficienze (FNA) a favore di persone "
                "non autosufficienti assistite al domicilio da familiari o da assistenti "
                "familiari.",
                "La domanda si presenta al servizio sociale del proprio comune con "
                "l'attestazione ISEE sociosanitaria in corso di validità.",
            ),
            "networks": ["ufficio-di-piano"],
            "tags": ["FNA", "ISEE"],
            "published_at": at(today - 10 * days, 9),
        },
        {
            "slug": "co-progettazione-laboratori-di-comunita",
            "title": "Manifestazione di interesse per la co-progettazione dei laboratori di "
            "comunità",
            "intro": "Enti del terzo settore cercasi per co-progettare i laboratori di comunità.",
            "issuer": "Comunità Sociale Cremasca",
            "call_type": "co_design",
            "recipients": ["Enti del terzo settore", "Associazioni", "Cooperative sociali"],
            "amount": Decimal("60000.00"),
            "opening": at(today + 20 * days, 9),
            "application_deadline": at(today + 50 * days, 12),
            "closing_date": today + 120 * days,
            "body": html(
                "Avviso per individuare enti del terzo settore disponibili a co-progettare i "
                "laboratori di comunità previsti dal Piano Operativo (obiettivo 5).",
            ),
            "networks": ["ufficio-di-piano", "fare-legami"],
            "tags": ["welfare di comunità"],
            "published_at": at(today - 2 * days, 10),
        },
        {
            "slug": "gestione-sportello-assistenti-familiari",
            "title": "Avviso per la gestione dello sportello assistenti familiari",
            "intro": "Gestione della sede di Crema e delle aperture decentrate.",
            "issuer": "Comunità Sociale Cremasca",
            "call_type": "supplies",
            "recipients": ["Enti del terzo settore", "Cooperative sociali", "Imprese"],
            "amount": Decimal("45000.00"),
            "opening": at(today - 45 * days, 9),
            "application_deadline": at(today - 5 * days, 12),
            "closing_date": today + 60 * days,
            "body": html(
                "Affidamento della gestione dello sportello assistenti familiari a Crema, con "
                "aperture decentrate a Castelleone, Soncino e Rivolta d'Adda, in convenzione "
                "con la Provincia.",
                "Le offerte pervenute sono in corso di valutazione.",
            ),
            "networks": ["sportello-assistenti-familiari"],
            "tags": ["assistenti familiari"],
            "published_at": at(today - 45 * days, 9),
        },
        {
            "slug": "ats-incremento-centri-antiviolenza-2017",
            "title": "ATS Val Padana - bando per l'incremento dei centri antiviolenza",
            "intro": "Bando pubblicato da ATS Val Padana il 28 febbraio 2017.",
            "issuer": "ATS Val Padana",
            "call_type": "grants",
            "recipients": ["Comuni dell'ambito", "Enti del terzo settore", "Associazioni"],
            "amount": None,
            "opening": rome(2017, 2, 28, 9),
            "questions_deadline": rome(2017, 3, 20, 12),
            "application_deadline": rome(2017, 3, 31, 12),
            "closing_date": date(2017, 6, 30),
            "awarded_on": date(2017, 5, 30),
            "body": html(
                "Bando di ATS Val Padana per aumentare il numero dei centri antiviolenza sul "
                "territorio. L'Ambito di Crema ha aderito alla candidatura della Rete ConTatto "
                "con un cofinanziamento di circa 10.000 euro più circa 11.000 euro riallocati "
                "dal FNA (verbale dell'Ufficio di Piano del 1 marzo 2017).",
                "Scadenze ed esito riportati in questa pagina sono dimostrativi.",
            ),
            "outcome": html(
                "ATS Val Padana ha pubblicato la graduatoria: la candidatura della Rete "
                "ConTatto per il territorio cremasco è ammessa al finanziamento (esito "
                "dimostrativo).",
            ),
            "outcome_documents": [("Graduatoria - bando ATS centri antiviolenza", "Graduatoria")],
            "networks": ["rete-contatto"],
            "tags": ["antiviolenza"],
            "published_at": rome(2017, 3, 2, 10),
        },
        {
            "slug": "fondazione-cariplo-welfare-di-comunita",
            "title": "Fondazione Cariplo - Welfare di comunità e innovazione sociale",
            "intro": "Il bando della fondazione che ha finanziato un progetto cremasco da "
            "1,5 milioni di euro.",
            "issuer": "Fondazione Cariplo",
            "call_type": "grants",
            "recipients": ["Enti del terzo settore", "Associazioni", "Cooperative sociali"],
            "amount": Decimal("1500000.00"),
            "opening": rome(2016, 3, 15, 9),
            "application_deadline": rome(2016, 6, 16, 17),
            "closing_date": date(2016, 12, 20),
            "body": html(
                "Bando di Fondazione Cariplo per progetti di welfare di comunità che "
                "ricompongano risorse pubbliche e private e coinvolgano i cittadini.",
                "Per il territorio cremasco è stato presentato un progetto di partenariato "
                "tra comuni, Comunità Sociale Cremasca e terzo settore.",
                "Date e importi riportati in questa pagina sono dimostrativi.",
            ),
            "outcome": html(
                "Il progetto del partenariato cremasco è stato finanziato per 1.500.000 euro "
                "(esito dimostrativo).",
            ),
            "networks": ["ufficio-di-piano"],
            "tags": ["welfare di comunità"],
            "published_at": rome(2016, 3, 16, 10),
        },
    ]


def call_documents(call):
    """Every call carries its text and its application form."""
    return [
        (f"Bando - {call['title']}", "Testo del bando"),
        (f"Modulo di domanda - {call['title']}", "Modulo di domanda"),
    ]


# --------------------------------------------------------------------------- news

NEWS = [
    {
        "slug": "bozza-piano-operativo-2017",
        "title": "Pubblicata la bozza del Piano Operativo 2017",
        "date": date(2017, 1, 27),
        "intro": "La bozza dei dieci obiettivi del PO 2017 è scaricabile per le osservazioni.",
        "body": html(
            "L'Ufficio di Piano pubblica la bozza del Piano Operativo 2017. Comuni, enti del "
            "terzo settore e cittadini possono inviare osservazioni entro il 10 febbraio "
            "all'indirizzo ufficiodipiano@example.org.",
        ),
        "plan": PO_SLUG,
        "documents": [("Piano Operativo 2017 - bozza per la consultazione", "Bozza del PO 2017")],
        "tags": ["piano operativo"],
    },
    {
        "slug": "approvato-piano-operativo-2017",
        "title": "Approvato il Piano Operativo 2017",
        "date": date(2017, 4, 21),
        "intro": "Dopo l'Ufficio di Piano e il Comitato ristretto, il PO 2017 è approvato "
        "dall'Assemblea dei Sindaci.",
        "body": html(
            "L'Assemblea dei Sindaci ha approvato il 20 aprile 2017 il Piano Operativo 2017, "
            "già approvato dall'Ufficio di Piano il 29 marzo e dal Comitato ristretto il "
            "5 aprile. Il testo con i dieci obiettivi è pubblicato nella sezione Piani.",
        ),
        "plan": PO_SLUG,
        "tags": ["piano operativo", "piano di zona"],
    },
    {
        "slug": "centri-antiviolenza-candidatura-rete-contatto",
        "title": "Centri antiviolenza: l'ambito sostiene la candidatura della Rete ConTatto",
        "date": date(2017, 3, 2),
        "intro": "Cofinanziamento di circa 10.000 euro più circa 11.000 euro riallocati dal FNA.",
        "body": html(
            "Dopo la pubblicazione del bando di ATS Val Padana del 28 febbraio 2017, "
            "l'Ufficio di Piano ha deciso di sostenere la candidatura della Rete ConTatto per "
            "un centro antiviolenza nel territorio cremasco.",
        ),
        "tags": ["antiviolenza", "FNA"],
    },
    {
        "slug": "sportello-assistenti-familiari-aperture",
        "title": "Sportello assistenti familiari: aperture a Castelleone, Soncino e Rivolta d'Adda",
        "date": date(2017, 3, 6),
        "intro": "Oltre alla sede di Crema, lo sportello apre in tre comuni dell'ambito.",
        "body": html(
            "Lo sportello per famiglie e assistenti familiari, gestito con un patronato in "
            "convenzione con la Provincia, riceve a Crema e nelle aperture decentrate di "
            "Castelleone, Soncino e Rivolta d'Adda (orari dimostrativi).",
        ),
        "tags": ["assistenti familiari"],
    },
]


def document_titles(now):
    """Every demo document title, in first-use order (the loader creates them all up front)."""
    groups = [plan["documents"] for plan in PLANS]
    groups += [data.get("documents", []) for data in [*UDP_MINUTES, SIA_MINUTES]]
    for call in calls(now):
        groups += [call_documents(call), call.get("outcome_documents", [])]
    groups += [item.get("documents", []) for item in NEWS]
    return list(dict.fromkeys(title for group in groups for title, _label in group))


# --------------------------------------------------------------------------- footer pages

# The pages AgID's guidelines want linked from the footer (Impostazioni > Collegamenti del piè
# di pagina), out of the main menu. "standard_section" adds the part the site writes itself.
FOOTER_PAGES = [
    {
        "kind": "legal_notes",
        "title": "Note legali",
        "slug": "note-legali",
        "intro": "Condizioni di utilizzo del sito e licenza dei contenuti.",
        "standard_section": "content_licence",
        "body": html(
            "Il sito è curato dall'Ufficio di Piano per pubblicare i documenti e le "
            "informazioni sulla programmazione sociale dell'Ambito (contenuti dimostrativi).",
            "I documenti pubblicati corrispondono agli atti approvati. I collegamenti a siti "
            "esterni sono forniti come servizio: l'ente non risponde dei loro contenuti.",
        ),
    },
    {
        "kind": "privacy",
        "title": "Informativa privacy",
        "slug": "informativa-privacy",
        "intro": "Come il sito tratta i dati personali di chi lo visita (art. 13 GDPR).",
        "standard_section": "",
        "body": html(
            "<b>Titolare del trattamento</b>: l'ente capofila dell'Ambito distrettuale di Crema "
            "(dati dimostrativi). Per esercitare i diritti previsti dagli articoli 15-22 del "
            "Regolamento (UE) 2016/679 scrivere a ufficiodipiano@example.org.",
            "<b>Dati di navigazione</b>: i server registrano per motivi di sicurezza "
            "l'indirizzo IP e la pagina richiesta; i registri sono cancellati dopo 30 giorni.",
            "<b>Cookie</b>: il sito usa solo cookie tecnici (la sessione di chi accede all'area "
            "riservata e il codice anti-contraffazione dei moduli). Se l'ente attiva le "
            "statistiche di visita (Web Analytics Italia), queste partono solo dopo il "
            "consenso espresso nel banner, che si può cambiare in ogni momento dal piè di "
            "pagina.",
            "<b>Moduli</b>: le valutazioni delle pagine e le segnalazioni di disservizio sono "
            "conservate senza dati personali, salvo quelli che chi scrive sceglie di indicare.",
        ),
    },
    {
        "kind": "faq",
        "title": "Domande frequenti (FAQ)",
        "slug": "faq",
        "intro": "Le risposte alle domande più comuni sull'Ufficio di Piano.",
        "standard_section": "",
        "body": html(
            "<b>Che cos'è l'Ufficio di Piano?</b> È la struttura tecnica dei 48 comuni "
            "dell'Ambito che prepara il Piano di Zona e coordina i servizi sociali associati.",
            "<b>Dove trovo i bandi aperti?</b> Nella sezione Bandi: ogni bando indica le date, "
            "i destinatari e i documenti da presentare.",
            "<b>A chi mi rivolgo per un servizio sociale?</b> Al servizio sociale del proprio "
            "comune di residenza, che valuta la richiesta e attiva i servizi dell'Ambito.",
            "<b>Come segnalo un problema del sito?</b> Con il modulo «Segnala disservizio» nel "
            "piè di pagina.",
        ),
    },
    {
        "kind": "site_map",
        "title": "Mappa del sito",
        "slug": "mappa-del-sito",
        "intro": "Tutte le sezioni e le pagine del sito.",
        "standard_section": "site_map",
        "body": "",
    },
]
