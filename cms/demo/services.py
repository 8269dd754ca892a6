"""The demo's "Servizi" section: two service cards of the district, in plain Italian. The office
contacts are the body's own (the identity's e-mail, PEC and phone): institutional, never a
person's."""

from .content import BODY_IDENTITY, html, html_list

SERVICE_INDEX = {
    "title": "Servizi",
    "slug": "servizi",
    "intro": "I servizi sociali che l'Ambito offre ai cittadini dei 48 comuni del Cremasco.",
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

SERVICES = [
    {
        "title": "Segretariato sociale",
        "slug": "segretariato-sociale",
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
]
