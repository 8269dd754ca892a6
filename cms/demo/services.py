"""The demo's "Servizi" section: fifteen service cards of the district in four of the model's
categories, in plain Italian. The office names say who runs each service; the contacts are
the body's own (the identity's e-mail, PEC and phone): institutional, never a person's, and
the only ones the privacy checks expect on the public site."""

from cms.models.services import ServiceCategory

from .content import BODY_IDENTITY, html, html_list

SERVICE_INDEX = {
    "title": "Servizi",
    "slug": "servizi",
    "intro": "I servizi sociali che l'Ambito offre ai cittadini dei 48 comuni del Cremasco.",
}

# Where "Prenota appuntamento" leads (AgID audit C.SI.2.1): how to book a meeting with the
# social services, which in the district happens at each comune's social secretariat.
BOOKING_PAGE = {
    "title": "Prenota un appuntamento",
    "slug": "prenota-appuntamento",
    "intro": "Come fissare un colloquio con un operatore dei servizi sociali dell'Ambito.",
    "body": html(
        "Il primo colloquio si prenota con il segretariato sociale del proprio comune: "
        "telefonando al comune negli orari di apertura o presentandosi allo sportello. "
        "L'operatore fissa la data e indica che cosa portare.",
        "Chi non sa a quale sportello rivolgersi può chiamare l'Ufficio di Piano al "
        f"{BODY_IDENTITY['phone']} o scrivere a {BODY_IDENTITY['email']}: risponde entro due "
        "giorni lavorativi con il recapito dello sportello più vicino.",
        "Per i servizi dell'ASST (assistenza domiciliare integrata) l'appuntamento si prende "
        "con il proprio medico di medicina generale.",
        "Pagina dimostrativa: orari e tempi sono esempi e non hanno valore ufficiale.",
    ),
}

OFFICE = {
    "office_name": "Ufficio di Piano - sportello dei servizi sociali",
    "office_address": f"{BODY_IDENTITY['address']}, {BODY_IDENTITY['postal_code']} "
    f"{BODY_IDENTITY['locality']}",
    "office_hours": "Lunedì, mercoledì e venerdì, 9:00-12:30 (orari dimostrativi)",
    "office_phone": BODY_IDENTITY["phone"],
    "office_email": BODY_IDENTITY["email"],
    "office_pec": BODY_IDENTITY["pec"],
}

DEMO_NOTE = (
    "Scheda dimostrativa: tempi, importi, orari e recapiti sono esempi e non hanno valore "
    "ufficiale."
)
HOURS = "(orari dimostrativi)"


def office(name, hours):
    """The demo's contacts under the name of the office that runs the service."""
    return {"office_name": name, "office_hours": f"{hours} {HOURS}"}


SERVICES = [
    {
        "title": "Segretariato sociale",
        "slug": "segretariato-sociale",
        "category": ServiceCategory.HEALTH,
        "intro": "Informazioni, orientamento e aiuto per chiedere i servizi sociali "
        "dell'Ambito, nel proprio comune.",
        "service_type": "Segretariato sociale",
        "service_audience": "Cittadini dei 48 comuni dell'Ambito",
        "topics": ["Assistenza sociale"],
        "audience": html(
            "Tutte le persone che vivono in uno dei 48 comuni dell'Ambito e le loro famiglie, "
            "quando hanno bisogno di informazioni o di un aiuto sociale."
        ),
        "description": html(
            "Il segretariato sociale è il primo punto di contatto con i servizi sociali. "
            "Ascolta la richiesta, spiega quali servizi e contributi esistono e aiuta a "
            "presentare la domanda giusta."
        ),
        "how_to": html(
            "Telefonare o presentarsi allo sportello del servizio sociale del proprio comune "
            "negli orari di apertura. Si può anche scrivere all'Ufficio di Piano, che indica "
            "lo sportello più vicino."
        ),
        "needed": html_list(
            [
                "un documento di identità valido;",
                "la tessera sanitaria;",
                "l'attestazione ISEE, se si chiede un contributo.",
            ],
            "Per il primo colloquio servono:",
        ),
        "achieved": html(
            "Informazioni chiare sui servizi, un aiuto a compilare le domande e, se serve, "
            "l'invio al servizio specialistico adatto."
        ),
        "timing": html(
            "Il primo colloquio si fissa di norma entro 10 giorni lavorativi dalla richiesta."
        ),
        "channels": html(
            "Allo sportello del servizio sociale del proprio comune, su appuntamento, oppure "
            "all'Ufficio di Piano in Via Manini 21 a Crema (indirizzo dimostrativo)."
        ),
        "conditions": html(
            "Il servizio è gratuito. Le informazioni raccolte sono trattate secondo "
            "l'informativa privacy dell'ente e usate solo per rispondere alla richiesta."
        ),
    },
    {
        "title": "Voucher per l'assistenza domiciliare (FNA)",
        "slug": "voucher-assistenza-domiciliare-fna",
        "category": ServiceCategory.HEALTH,
        "intro": "Buoni e voucher del Fondo per le non autosufficienze per chi assiste a "
        "casa una persona non autosufficiente.",
        "service_type": "Assistenza domiciliare",
        "service_audience": "Persone non autosufficienti e loro famiglie",
        "topics": ["Assistenza agli invalidi", "Assistenza sociale"],
        "audience": html(
            "Persone non autosufficienti che vivono a casa in uno dei comuni dell'Ambito, "
            "e le famiglie che le assistono, con un ISEE entro la soglia dell'avviso."
        ),
        "how_to": html(
            "Presentare la domanda al servizio sociale del proprio comune con il modulo "
            "dell'avviso, entro la scadenza. L'assistente sociale fa una visita a domicilio "
            "per valutare il bisogno."
        ),
        "needed": html_list(
            [
                "il modulo di domanda compilato e firmato;",
                "l'attestazione ISEE sociosanitaria in corso di validità;",
                "il verbale di invalidità o la certificazione della non autosufficienza.",
            ],
        ),
        "achieved": html(
            "Un buono mensile per chi assiste la persona a casa, oppure un voucher da usare "
            "per ore di assistenza domiciliare presso un ente accreditato."
        ),
        "timing": html(
            "Le domande si presentano nei periodi indicati dall'avviso dell'anno. La "
            "graduatoria è pubblicata entro 60 giorni dalla chiusura dell'avviso."
        ),
        "status": "sospeso",
        "status_reason": "Le domande sono chiuse: il nuovo avviso sarà pubblicato quando la "
        "Regione assegnerà i fondi dell'anno.",
        "channels": html(
            "Allo sportello del servizio sociale del proprio comune, negli orari di apertura."
        ),
        "conditions": html(
            "Il buono e il voucher non si sommano ad altre misure dello stesso fondo. Chi "
            "riceve il contributo comunica ogni cambiamento della situazione al proprio comune."
        ),
    },
    {
        "title": "Servizio di assistenza domiciliare (SAD)",
        "slug": "servizio-assistenza-domiciliare-sad",
        "category": ServiceCategory.HEALTH,
        "intro": "Operatori qualificati aiutano a casa le persone anziane o fragili nella cura "
        "di sé e nelle attività di ogni giorno.",
        "service_type": "Assistenza domiciliare",
        "service_audience": "Persone anziane, adulti fragili e persone con disabilità",
        "topics": ["Assistenza sociale", "Assistenza agli invalidi"],
        "audience": html(
            "Persone anziane, adulti in situazione di fragilità e persone con disabilità che "
            "vivono a casa in uno dei 48 comuni dell'Ambito e che, da sole o con la famiglia, "
            "non riescono a svolgere le attività quotidiane."
        ),
        "description": html(
            "Il servizio porta a casa operatori socio-assistenziali (ASA e OSS) di enti "
            "accreditati dall'Ambito. Aiutano nella cura della persona (igiene, vestizione, "
            "alzata e messa a letto), nella preparazione dei pasti, nel riordino essenziale "
            "della casa e accompagnano a commissioni e visite. Il servizio è gestito in forma "
            "associata dai comuni con Comunità Sociale Cremasca.",
            DEMO_NOTE,
        ),
        "how_to": html_list(
            [
                "chiedere un colloquio all'assistente sociale del proprio comune;",
                "l'assistente sociale fa una visita a domicilio e valuta il bisogno con la "
                "famiglia;",
                "si firma il piano di assistenza individuale (giorni, ore, attività);",
                "la famiglia sceglie l'ente accreditato dall'elenco dell'Ambito.",
            ],
            "Le tappe sono queste:",
        ),
        "needed": html_list(
            [
                "un documento di identità valido;",
                "l'attestazione ISEE in corso di validità, per calcolare la quota a carico "
                "della famiglia;",
                "i documenti utili a valutare il bisogno, consegnati all'assistente sociale.",
            ],
        ),
        "achieved": html(
            "Gli interventi a domicilio previsti dal piano di assistenza, con una verifica "
            "periodica insieme alla famiglia. Chi non presenta l'ISEE paga la tariffa intera."
        ),
        "timing": html(
            "La visita a domicilio si fa entro 15 giorni lavorativi dalla richiesta; il "
            "servizio parte entro 30 giorni dalla firma del piano, che si rivede ogni 6 mesi."
        ),
        "channels": html(
            "Allo sportello del servizio sociale del proprio comune, su appuntamento."
        ),
        "conditions": html(
            "La quota a carico della famiglia è calcolata sull'ISEE secondo il regolamento "
            "d'Ambito per i servizi domiciliari; sotto la soglia minima il servizio è "
            "gratuito. Un intervento si disdice con almeno 48 ore di anticipo."
        ),
        "office": office(
            "Comunità Sociale Cremasca - servizi domiciliari", "Dal lunedì al venerdì, 9:00-12:00"
        ),
    },
    {
        "title": "Assistenza domiciliare integrata (ADI)",
        "slug": "assistenza-domiciliare-integrata-adi",
        "category": ServiceCategory.HEALTH,
        "intro": "Cure sanitarie a casa (infermiere, fisioterapista, operatore sociosanitario) "
        "dell'ASST di Crema, insieme agli aiuti sociali del comune.",
        "service_type": "Cure domiciliari",
        "service_audience": "Persone che per motivi di salute non possono uscire di casa",
        "topics": ["Assistenza sociale", "Assistenza agli invalidi"],
        "audience": html(
            "Persone di ogni età che, per un periodo o stabilmente, non possono raggiungere "
            "gli ambulatori e hanno bisogno di cure a casa: medicazioni, prelievi, "
            "riabilitazione, assistenza infermieristica."
        ),
        "description": html(
            "Le cure domiciliari sono un servizio sociosanitario dell'ASST di Crema: "
            "infermieri, fisioterapisti e operatori sociosanitari curano la persona a casa "
            "secondo un piano concordato con il medico di famiglia. Quando servono anche aiuti "
            "sociali (assistenza domiciliare, pasti, trasporto), l'assistente sociale del "
            "comune e l'ASST lavorano sullo stesso progetto: l'Ambito coordina questa parte "
            "con il protocollo d'intesa per l'integrazione sociosanitaria.",
            DEMO_NOTE,
        ),
        "how_to": html_list(
            [
                "il medico di famiglia, o il reparto dell'ospedale alla dimissione, prescrive "
                "le cure domiciliari;",
                "la famiglia porta la prescrizione al punto di accesso alle cure domiciliari "
                "della Casa di Comunità del proprio distretto;",
                "gli operatori dell'ASST valutano a casa il bisogno e preparano il piano di cura;",
                "se servono anche aiuti sociali, l'ASST o la famiglia avvisano il servizio "
                "sociale del comune.",
            ],
        ),
        "needed": html_list(
            [
                "la prescrizione del medico;",
                "la tessera sanitaria;",
                "un documento di identità valido.",
            ],
        ),
        "achieved": html(
            "Le cure del piano individuale a casa, senza costi per la parte sanitaria, e, "
            "quando servono, gli interventi sociali del comune nello stesso progetto."
        ),
        "timing": html(
            "La valutazione a casa si fa entro 72 ore per le richieste urgenti e entro 15 "
            "giorni per le altre. Fanno fede i tempi indicati dall'ASST."
        ),
        "channels": html(
            "Al punto di accesso alle cure domiciliari della Casa di Comunità del proprio "
            "distretto (ASST di Crema); per la parte sociale, allo sportello del servizio "
            "sociale del proprio comune."
        ),
        "conditions": html(
            "La parte sanitaria è a carico del Servizio sanitario regionale. Gli interventi "
            "sociali seguono il regolamento d'Ambito per i servizi domiciliari."
        ),
        "office": office(
            "ASST di Crema - cure domiciliari, con l'Ufficio di Piano per la parte sociale",
            "Dal lunedì al venerdì, 8:30-12:30",
        ),
    },
    {
        "title": "Assistenza educativa scolastica per alunni con disabilità",
        "slug": "assistenza-educativa-scolastica",
        "category": ServiceCategory.EDUCATION,
        "intro": "Educatori che affiancano a scuola alunne e alunni con disabilità per "
        "l'autonomia, la comunicazione e la relazione con i compagni.",
        "service_type": "Assistenza all'autonomia e alla comunicazione",
        "service_audience": "Alunne e alunni con disabilità e le loro famiglie",
        "topics": ["Istruzione", "Assistenza agli invalidi"],
        "audience": html(
            "Alunne e alunni con disabilità certificata residenti in uno dei comuni "
            "dell'Ambito, dalla scuola dell'infanzia alla scuola secondaria, secondo le "
            "competenze di comuni e Regione."
        ),
        "description": html(
            "L'educatore affianca l'alunno in classe e nelle attività della scuola per "
            "sostenerne l'autonomia personale, la comunicazione e la partecipazione. Le ore "
            "sono decise nel piano educativo individualizzato (PEI) da scuola, famiglia e "
            "servizi. Il servizio è affidato dai comuni a enti accreditati con linee guida "
            "comuni dell'Ambito, così che ogni alunno abbia le stesse regole in tutti i 48 "
            "comuni.",
            DEMO_NOTE,
        ),
        "how_to": html_list(
            [
                "la famiglia consegna alla scuola la certificazione per l'inclusione scolastica;",
                "il gruppo di lavoro operativo della scuola propone le ore nel PEI;",
                "la scuola chiede le ore al comune di residenza entro il 30 giugno, per l'anno "
                "scolastico seguente;",
                "il comune assegna l'educatore dell'ente accreditato e ne informa la famiglia.",
            ],
        ),
        "needed": html_list(
            [
                "la certificazione per l'inclusione scolastica, consegnata alla scuola;",
                "il PEI con la proposta di ore;",
                "la richiesta della scuola al comune.",
            ],
        ),
        "achieved": html(
            "Le ore settimanali di assistenza educativa stabilite, dal primo giorno di scuola, "
            "senza costi per la famiglia."
        ),
        "timing": html(
            "Le richieste delle scuole arrivano entro il 30 giugno; le ore sono assegnate "
            "prima dell'inizio delle lezioni. Le variazioni in corso d'anno sono decise entro "
            "20 giorni dalla richiesta."
        ),
        "channels": html(
            "Tramite la segreteria della propria scuola. Per informazioni, allo sportello del "
            "servizio sociale del proprio comune."
        ),
        "conditions": html(
            "Il servizio è gratuito. Le linee guida d'Ambito per l'assistenza educativa "
            "scolastica fissano i criteri per le ore e i compiti di scuola, comune ed ente."
        ),
        "office": office(
            "Ufficio di Piano - area minori e disabilità", "Lunedì e giovedì, 9:00-12:30"
        ),
    },
    {
        "title": "Servizio inserimenti lavorativi (SIL)",
        "slug": "servizio-inserimenti-lavorativi-sil",
        "category": ServiceCategory.WORK,
        "intro": "Orientamento, tirocini e accompagnamento al lavoro per persone con "
        "disabilità o in condizione di svantaggio.",
        "service_type": "Inserimento lavorativo",
        "service_audience": "Persone con disabilità o in condizione di svantaggio",
        "topics": ["Lavoro", "Integrazione sociale"],
        "audience": html(
            "Persone in età di lavoro residenti nell'Ambito, con disabilità o in condizione "
            "di svantaggio sociale, che hanno bisogno di un aiuto per trovare o mantenere un "
            "lavoro."
        ),
        "description": html(
            "Il SIL di Comunità Sociale Cremasca accompagna verso il lavoro: colloqui di "
            "orientamento, bilancio delle competenze, ricerca di aziende disponibili, "
            "tirocini e tutoraggio nei primi mesi di lavoro. Lavora con il Centro per "
            "l'impiego (CPI) di Crema e con il collocamento mirato della Provincia di "
            "Cremona (legge 68/1999).",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Si accede su segnalazione del servizio sociale del comune o dei servizi "
            "specialistici. Dopo un primo colloquio al SIL si scrive insieme un progetto "
            "individuale, con obiettivi e tempi."
        ),
        "needed": html_list(
            [
                "un documento di identità valido;",
                "la dichiarazione di immediata disponibilità al lavoro resa al CPI;",
                "l'iscrizione alle liste del collocamento mirato, se si ha diritto;",
                "il curriculum, se c'è: si può preparare insieme.",
            ],
        ),
        "achieved": html(
            "Un progetto personalizzato verso il lavoro: orientamento, tirocinio in azienda, "
            "accompagnamento all'assunzione e un tutor di riferimento per l'azienda."
        ),
        "timing": html(
            "Il primo colloquio si fissa entro 20 giorni dalla segnalazione; un progetto dura "
            "di norma da 6 a 12 mesi."
        ),
        "channels": html(
            "Su segnalazione del servizio sociale del proprio comune; per informazioni, "
            "all'Ufficio di Piano."
        ),
        "conditions": html(
            "Il servizio è gratuito. Chi partecipa firma un patto di servizio con gli impegni "
            "reciproci e avvisa il SIL di ogni cambiamento."
        ),
        "office": office(
            "Comunità Sociale Cremasca - Servizio inserimenti lavorativi (SIL)",
            "Martedì e giovedì, 9:00-13:00",
        ),
    },
    {
        "title": "Tirocini di inclusione sociale",
        "slug": "tirocini-di-inclusione",
        "category": ServiceCategory.WORK,
        "intro": "Tirocini con un'indennità mensile per riprendere un'attività e costruire "
        "competenze, dentro un progetto dei servizi sociali.",
        "service_type": "Tirocini di inclusione",
        "service_audience": "Persone seguite dai servizi sociali o sociosanitari",
        "topics": ["Lavoro", "Formazione professionale"],
        "audience": html(
            "Persone residenti nell'Ambito già seguite dai servizi sociali o sociosanitari, "
            "per le quali un'esperienza in un ambiente di lavoro è un passo del progetto di "
            "inclusione."
        ),
        "description": html(
            "Il tirocinio di inclusione si svolge presso un'azienda, una cooperativa o un ente "
            "pubblico del territorio, secondo le regole regionali sui tirocini. Non è un "
            "rapporto di lavoro: è un'esperienza di formazione e di relazione, con un tutor "
            "del servizio e uno dell'ente ospitante.",
            DEMO_NOTE,
        ),
        "how_to": html(
            "L'assistente sociale del comune, o il servizio specialistico che segue la "
            "persona, propone il tirocinio al SIL. Il SIL cerca l'ente ospitante e prepara "
            "il progetto formativo, firmato da persona, ente e servizio."
        ),
        "needed": html_list(
            [
                "un documento di identità valido;",
                "la proposta del servizio che segue la persona;",
                "la visita medica preventiva, quando l'attività la richiede.",
            ],
        ),
        "achieved": html(
            "Un tirocinio da 6 a 12 mesi, rinnovabile, con un'indennità mensile di "
            "partecipazione (importo dimostrativo: 400 euro per 20 ore settimanali) e "
            "l'assicurazione a carico del progetto."
        ),
        "timing": html(
            "Dalla proposta all'avvio passano di norma da 30 a 60 giorni, il tempo di trovare "
            "l'ente ospitante adatto."
        ),
        "channels": html(
            "Su proposta del servizio sociale del proprio comune o del servizio specialistico."
        ),
        "conditions": html(
            "L'indennità è pagata per le presenze effettive; le assenze vanno giustificate al "
            "tutor. Il progetto formativo indica orari, attività e obiettivi."
        ),
        "office": office(
            "Comunità Sociale Cremasca - Servizio inserimenti lavorativi (SIL)",
            "Martedì e giovedì, 9:00-13:00",
        ),
    },
    {
        "title": "Sportello assistenti familiari",
        "slug": "sportello-assistenti-familiari",
        "category": ServiceCategory.WORK,
        "intro": "Aiuto alle famiglie che cercano un'assistente familiare e a chi cerca "
        "lavoro come assistente familiare: incontro, contratto, formazione.",
        "service_type": "Incontro tra domanda e offerta di assistenza familiare",
        "service_audience": "Famiglie e assistenti familiari",
        "topics": ["Lavoro", "Assistenza sociale"],
        "audience": html(
            "Le famiglie dei 48 comuni dell'Ambito che cercano un'assistente familiare per una "
            "persona anziana o fragile, e le persone che cercano lavoro come assistente "
            "familiare."
        ),
        "description": html(
            "Lo sportello è gestito con il patronato ACLI a Crema, con aperture decentrate a "
            "Castelleone, Soncino e Rivolta d'Adda, con un accordo con la Provincia. Tiene il "
            "registro territoriale degli assistenti familiari previsto dalla legge regionale, "
            "fa incontrare famiglie e assistenti, informa sul contratto di lavoro domestico e "
            "sui contributi per chi assume regolarmente.",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Prendere appuntamento allo sportello di Crema o a una delle aperture decentrate. "
            "Al primo colloquio la famiglia descrive il bisogno; l'assistente familiare porta "
            "i documenti per l'iscrizione al registro."
        ),
        "needed": html_list(
            [
                "per le famiglie: un documento di identità e la descrizione dell'assistenza "
                "richiesta (orari, convivenza, compiti);",
                "per gli assistenti familiari: documento di identità, permesso di soggiorno "
                "se previsto, attestati dei corsi frequentati.",
            ],
        ),
        "achieved": html(
            "L'iscrizione al registro, una rosa di candidature adatte per la famiglia, "
            "informazioni sul contratto e sui corsi di formazione per assistenti familiari."
        ),
        "timing": html(
            "Il primo appuntamento si fissa entro 10 giorni lavorativi; le candidature si "
            "propongono di norma entro 15 giorni dal colloquio."
        ),
        "channels": html(
            "Allo sportello di Crema e nelle aperture decentrate di Castelleone, Soncino e "
            "Rivolta d'Adda, su appuntamento."
        ),
        "conditions": html(
            "Il servizio è gratuito per famiglie e assistenti. Il contratto di lavoro è "
            "firmato tra la famiglia e l'assistente: lo sportello non è un'agenzia per il "
            "lavoro."
        ),
        "office": office(
            "Sportello assistenti familiari (con il patronato ACLI)",
            "Crema: lunedì e mercoledì, 9:00-12:00; aperture decentrate una volta al mese",
        ),
    },
    {
        "title": "Trasporto sociale",
        "slug": "trasporto-sociale",
        "category": ServiceCategory.MOBILITY,
        "intro": "Accompagnamento con mezzi attrezzati verso centri diurni, visite e servizi, "
        "per chi non può usare i mezzi pubblici.",
        "service_type": "Trasporto sociale",
        "service_audience": "Persone anziane e persone con disabilità senza mezzi propri",
        "topics": ["Trasporto pubblico", "Assistenza sociale"],
        "audience": html(
            "Persone anziane e persone con disabilità residenti nell'Ambito che non hanno un "
            "mezzo proprio né familiari che possano accompagnarle, e non possono usare i "
            "mezzi pubblici."
        ),
        "description": html(
            "Il trasporto sociale accompagna, con automezzi anche attrezzati per carrozzine, "
            "verso centri diurni, scuole e centri di formazione, visite e cure programmate, "
            "uffici pubblici. È svolto da associazioni di volontariato convenzionate con i "
            "comuni, con regole e tariffe comuni dell'Ambito.",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Chiedere l'iscrizione al servizio sociale del proprio comune. Una volta iscritti, "
            "si prenota ogni viaggio almeno 3 giorni lavorativi prima, oppure si concorda un "
            "trasporto fisso (per esempio verso un centro diurno)."
        ),
        "needed": html_list(
            [
                "un documento di identità valido;",
                "l'attestazione ISEE, per la tariffa agevolata;",
                "l'indicazione di eventuali ausili (carrozzina, deambulatore).",
            ],
        ),
        "achieved": html(
            "Il viaggio di andata e ritorno, con un autista e, se serve, un accompagnatore "
            "volontario."
        ),
        "timing": html(
            "L'iscrizione è confermata entro 10 giorni lavorativi; ogni viaggio si prenota "
            "con almeno 3 giorni lavorativi di anticipo."
        ),
        "channels": html(
            "Allo sportello del servizio sociale del proprio comune; le prenotazioni dei "
            "viaggi all'associazione indicata all'iscrizione."
        ),
        "conditions": html(
            "Tariffa per viaggio secondo le fasce ISEE del regolamento d'Ambito; il viaggio "
            "si disdice almeno 24 ore prima."
        ),
        "office": office(
            "Servizio sociale del comune di residenza, con le associazioni convenzionate",
            "Negli orari di apertura del proprio comune",
        ),
    },
    {
        "title": "Centro antiviolenza e rete ConTatto",
        "slug": "centro-antiviolenza-rete-contatto",
        "category": ServiceCategory.HEALTH,
        "intro": "Ascolto, protezione e accompagnamento gratuiti e riservati per le donne che "
        "subiscono violenza, anche senza denuncia.",
        "service_type": "Contrasto alla violenza contro le donne",
        "service_audience": "Donne che subiscono violenza e i loro figli",
        "topics": ["Assistenza sociale", "Giustizia"],
        "audience": html(
            "Donne che subiscono o hanno subito violenza fisica, psicologica, economica o "
            "sessuale, o atti persecutori, e i loro figli, in uno dei comuni dell'Ambito."
        ),
        "description": html(
            "La rete territoriale antiviolenza ConTatto unisce i comuni dell'Ambito, l'ASST "
            "di Crema, le forze dell'ordine e le associazioni, tra cui l'Associazione Donne "
            "contro la violenza, che gestisce il centro antiviolenza. Il centro offre ascolto, "
            "consulenza legale e psicologica, accompagnamento ai servizi e, in emergenza, "
            "ospitalità in una casa rifugio a indirizzo riservato.",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Telefonare al centro antiviolenza o al 1522, il numero nazionale gratuito "
            "antiviolenza e stalking, attivo 24 ore su 24. Ci si può rivolgere anche al "
            "servizio sociale del comune, al pronto soccorso o alle forze dell'ordine. In "
            "pericolo immediato chiamare il 112."
        ),
        "needed": html(
            "Nessun documento è necessario per il primo contatto. Si può restare anonime."
        ),
        "achieved": html(
            "Un percorso di uscita dalla violenza costruito con la donna: colloqui, "
            "consulenza legale, sostegno psicologico, orientamento al lavoro e alla casa, "
            "protezione in emergenza."
        ),
        "timing": html(
            "Il primo colloquio si fissa entro pochi giorni dalla chiamata; nelle situazioni "
            "di pericolo la rete attiva la protezione subito."
        ),
        "channels": html(
            "Al telefono del centro antiviolenza o al 1522; di persona su appuntamento, in "
            "una sede riservata comunicata al telefono."
        ),
        "conditions": html(
            "Tutti i servizi del centro sono gratuiti e riservati. Nessuna informazione è "
            "data a terzi senza il consenso della donna, salvo i casi previsti dalla legge."
        ),
        "office": office(
            "Rete ConTatto - centro antiviolenza (Associazione Donne contro la violenza)",
            "Accoglienza telefonica dal lunedì al venerdì, 9:00-17:00",
        ),
    },
    {
        "title": "Affido familiare",
        "slug": "affido-familiare",
        "category": ServiceCategory.HEALTH,
        "intro": "Famiglie e persone che accolgono per un periodo un bambino o un ragazzo "
        "la cui famiglia sta attraversando una difficoltà.",
        "service_type": "Affido familiare",
        "service_audience": "Famiglie affidatarie, minori e famiglie d'origine",
        "topics": ["Assistenza sociale", "Integrazione sociale"],
        "audience": html(
            "Famiglie, coppie e persone singole dei comuni dell'Ambito disponibili ad "
            "accogliere un minore per un periodo; bambini, ragazzi e famiglie d'origine che "
            "hanno bisogno di questo sostegno."
        ),
        "description": html(
            "L'affido familiare (legge 184/1983) offre a un bambino o a un ragazzo un luogo "
            "accogliente mentre la sua famiglia viene aiutata a superare un periodo "
            "difficile, mantenendo il legame con essa. Può essere a tempo pieno o per parte "
            "della giornata o della settimana. L'équipe affidi dell'Ambito informa, forma e "
            "accompagna le famiglie affidatarie.",
            DEMO_NOTE,
        ),
        "how_to": html_list(
            [
                "partecipare a un incontro informativo dell'équipe affidi;",
                "fare il percorso di conoscenza: colloqui e una visita a casa;",
                "frequentare il corso di preparazione per famiglie affidatarie;",
                "restare in contatto con l'équipe, che propone l'abbinamento quando c'è un "
                "progetto adatto.",
            ],
        ),
        "needed": html(
            "Per dare la propria disponibilità basta un documento di identità. Non servono "
            "requisiti di età, di stato civile o di reddito."
        ),
        "achieved": html(
            "Preparazione, accompagnamento durante tutto l'affido, gruppi di sostegno tra "
            "famiglie e un contributo mensile per le spese del minore (importo dimostrativo: "
            "450 euro per l'affido a tempo pieno)."
        ),
        "timing": html(
            "Gli incontri informativi si tengono ogni tre mesi; il percorso di conoscenza dura "
            "circa 3-4 mesi."
        ),
        "channels": html(
            "Scrivendo o telefonando all'Ufficio di Piano, che mette in contatto con l'équipe "
            "affidi, oppure al servizio sociale del proprio comune."
        ),
        "conditions": html(
            "Il contributo alla famiglia affidataria è fissato dal regolamento d'Ambito per "
            "l'affido. Le informazioni sul minore e sulla sua famiglia sono riservate."
        ),
        "office": office("Équipe affidi dell'Ambito", "Mercoledì, 14:00-17:00"),
    },
    {
        "title": "Tutela minori",
        "slug": "tutela-minori",
        "category": ServiceCategory.HEALTH,
        "intro": "Assistenti sociali e psicologi che proteggono bambini e ragazzi e "
        "sostengono le loro famiglie, su incarico dell'autorità giudiziaria.",
        "service_type": "Tutela dei minori",
        "service_audience": "Minori e famiglie seguiti su incarico del giudice",
        "topics": ["Assistenza sociale", "Giustizia"],
        "audience": html(
            "Bambini e ragazzi residenti nell'Ambito, e le loro famiglie, per i quali il "
            "Tribunale per i minorenni o il Tribunale ordinario ha affidato un incarico ai "
            "servizi."
        ),
        "description": html(
            "Il servizio tutela minori dell'Ambito è gestito in forma associata da Comunità "
            "Sociale Cremasca per tutti i 48 comuni. Un'équipe di assistenti sociali e "
            "psicologi svolge le indagini e le valutazioni chieste dal giudice, sostiene i "
            "genitori e attiva gli interventi di protezione stabiliti (educativa domiciliare, "
            "affido, comunità, incontri protetti).",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Il servizio lavora su incarico dell'autorità giudiziaria. Chi è preoccupato per "
            "un bambino o un ragazzo può rivolgersi al servizio sociale del proprio comune; "
            "in caso di pericolo immediato chiamare il 112."
        ),
        "needed": html(
            "Nessun documento per chiedere informazioni o segnalare una preoccupazione. Per "
            "i procedimenti fanno fede gli atti del giudice."
        ),
        "achieved": html(
            "Un progetto di protezione e di sostegno per il minore e la sua famiglia, con "
            "verifiche periodiche e relazioni al giudice."
        ),
        "timing": html(
            "Le indagini si svolgono nei tempi fissati dal provvedimento del giudice; le "
            "situazioni urgenti sono valutate entro 24 ore."
        ),
        "channels": html(
            "Allo sportello del servizio sociale del proprio comune, che coinvolge l'équipe "
            "tutela minori."
        ),
        "conditions": html(
            "Il servizio è gratuito. Gli interventi seguono i provvedimenti del giudice; le "
            "informazioni sui minori e sulle famiglie sono riservate."
        ),
        "office": office(
            "Comunità Sociale Cremasca - Servizio tutela minori",
            "Dal lunedì al venerdì, 9:00-13:00",
        ),
    },
    {
        "title": "Spazio neutro",
        "slug": "spazio-neutro",
        "category": ServiceCategory.HEALTH,
        "intro": "Un luogo protetto dove figli e genitori, o altri familiari, si incontrano "
        "con un educatore, quando il giudice o i servizi lo dispongono.",
        "service_type": "Incontri protetti",
        "service_audience": "Figli minori e familiari non conviventi",
        "topics": ["Assistenza sociale", "Giustizia"],
        "audience": html(
            "Bambini e ragazzi e i loro genitori o familiari non conviventi, quando il "
            "giudice o il servizio tutela minori dispone che gli incontri si svolgano in un "
            "luogo protetto."
        ),
        "description": html(
            "Lo spazio neutro è una stanza accogliente, fuori dalle case delle famiglie, dove "
            "gli incontri si svolgono alla presenza di un educatore. Serve a mantenere o a "
            "ricostruire il legame tra figli e genitori in sicurezza, quando la relazione è "
            "difficile.",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Gli incontri sono disposti dal giudice o proposti dal servizio tutela minori, "
            "che fissa con lo spazio neutro il calendario e ne informa i familiari."
        ),
        "needed": html(
            "Il provvedimento del giudice o il progetto del servizio tutela minori; un "
            "documento di identità per gli adulti al primo incontro."
        ),
        "achieved": html(
            "Incontri programmati, di norma ogni due settimane, e una relazione periodica "
            "dell'educatore al servizio che segue il minore."
        ),
        "timing": html(
            "Il primo incontro si fissa entro 30 giorni dall'invio del servizio; la durata del "
            "percorso è stabilita dal progetto."
        ),
        "channels": html(
            "Solo su invio del servizio tutela minori; per informazioni, all'Ufficio di Piano."
        ),
        "conditions": html(
            "Il servizio è gratuito. Le regole degli incontri (puntualità, riservatezza, "
            "oggetti e regali) sono spiegate ai familiari prima del primo incontro."
        ),
        "office": office(
            "Comunità Sociale Cremasca - Servizio tutela minori",
            "Dal lunedì al venerdì, 9:00-13:00",
        ),
    },
    {
        "title": "Contributi per l'affitto e sostegno all'abitare",
        "slug": "contributi-affitto",
        "category": ServiceCategory.HEALTH,
        "intro": "Contributi per pagare l'affitto sul mercato privato e per non perdere la "
        "casa, con gli avvisi dell'Ambito e della Regione.",
        "service_type": "Sostegno all'abitare",
        "service_audience": "Famiglie in affitto sul mercato privato",
        "topics": ["Assistenza sociale", "Residenza"],
        "audience": html(
            "Famiglie residenti in uno dei comuni dell'Ambito che abitano in affitto sul "
            "mercato privato, con un ISEE entro la soglia dell'avviso dell'anno."
        ),
        "description": html(
            "Con i fondi regionali per il sostegno all'abitare, l'Ambito pubblica ogni anno un "
            "avviso unico per i 48 comuni: un contributo versato al proprietario per alcune "
            "mensilità di affitto e, per chi rischia di perdere la casa, misure per "
            "rinegoziare il contratto o trovarne uno nuovo a canone concordato.",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Presentare la domanda online sulla piattaforma della Regione, nei termini "
            "dell'avviso, oppure farsi aiutare dallo sportello del servizio sociale del proprio "
            "comune. L'Ambito controlla le domande e pubblica la graduatoria."
        ),
        "needed": html_list(
            [
                "l'attestazione ISEE in corso di validità;",
                "il contratto di affitto registrato;",
                "un documento di identità e, per i cittadini di Paesi extra UE, il permesso "
                "di soggiorno.",
            ],
        ),
        "achieved": html(
            "Un contributo pagato direttamente al proprietario, fino a un massimo fissato "
            "dall'avviso (importo dimostrativo: 1.500 euro per famiglia)."
        ),
        "timing": html(
            "L'avviso resta aperto almeno 30 giorni; la graduatoria è pubblicata entro 60 "
            "giorni dalla chiusura e i contributi sono pagati entro 90 giorni."
        ),
        "online_url": "https://www.bandi.regione.lombardia.it/",
        "online_label": "Presenta la domanda su Bandi e Servizi",
        "channels": html(
            "Allo sportello del servizio sociale del proprio comune, su appuntamento, per un "
            "aiuto a compilare la domanda."
        ),
        "conditions": html(
            "Il contributo non si somma ad altri contributi per l'affitto dello stesso anno. "
            "Requisiti, soglie e importi sono quelli dell'avviso pubblicato nella sezione "
            "Bandi."
        ),
        "office": office("Ufficio di Piano - area abitare", "Martedì e venerdì, 9:00-12:30"),
    },
    {
        "title": "Dopo di noi (legge 112/2016)",
        "slug": "dopo-di-noi",
        "category": ServiceCategory.HEALTH,
        "intro": "Progetti per la vita autonoma delle persone con disabilità grave, fuori "
        "dalla famiglia d'origine o in vista del venir meno del sostegno familiare.",
        "service_type": "Progetti di vita indipendente",
        "service_audience": "Persone con disabilità grave e le loro famiglie",
        "topics": ["Assistenza agli invalidi", "Assistenza sociale"],
        "audience": html(
            "Persone con disabilità grave, non dovuta al naturale invecchiamento, tra i 18 e "
            "i 64 anni, residenti nell'Ambito, prive del sostegno familiare o in vista del "
            "suo venir meno."
        ),
        "description": html(
            "Con il fondo nazionale della legge 112/2016 e le regole della Regione, l'Ambito "
            "finanzia percorsi verso l'autonomia: esperienze di vita fuori dalla famiglia "
            "(palestre di autonomia, weekend), sostegno alla vita in gruppi appartamento o in "
            "co-housing, interventi per rendere adatta una casa.",
            DEMO_NOTE,
        ),
        "how_to": html(
            "Presentare la domanda al servizio sociale del proprio comune nei termini "
            "dell'avviso d'Ambito. Un'équipe dell'Ambito e dell'ASST valuta la situazione con "
            "la persona e la famiglia e scrive il progetto individuale."
        ),
        "needed": html_list(
            [
                "il modulo di domanda dell'avviso;",
                "l'attestazione ISEE sociosanitaria;",
                "il verbale che attesta la disabilità grave, consegnato al servizio sociale.",
            ],
        ),
        "achieved": html(
            "Un progetto individuale con un budget di progetto: contributi e voucher per le "
            "esperienze di autonomia, per la residenzialità o per l'adattamento della casa."
        ),
        "timing": html(
            "L'avviso d'Ambito resta aperto almeno 45 giorni; i progetti sono valutati entro "
            "60 giorni dalla chiusura e durano di norma 12 mesi."
        ),
        "channels": html(
            "Allo sportello del servizio sociale del proprio comune, su appuntamento."
        ),
        "conditions": html(
            "Le priorità di accesso sono quelle del programma regionale e dell'avviso "
            "d'Ambito. Il progetto è rivisto ogni anno con la persona e la famiglia."
        ),
        "office": office("Ufficio di Piano - area disabilità", "Lunedì e giovedì, 9:00-12:30"),
    },
]
