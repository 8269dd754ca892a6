"""Synthetic Italian pages for bench/search.py: minutes, news and calls of the district.

The text is assembled from sentences about the district's real subjects (services, measures,
acronyms, comuni around Crema), so the index sees a realistic vocabulary: plurals and verb
forms, elided articles ("dell'ISEE"), accents ("perché", "città"), acronyms that are also
Italian words ("SIA"). Sentences are drawn from a pool filled once per seed, which keeps
generating 100,000 pages cheap; which pages hold the rare word is fixed by the page number.
"""

import random

COMUNI = [
    "Crema",
    "Agnadello",
    "Bagnolo Cremasco",
    "Camisano",
    "Campagnola Cremasca",
    "Capergnanica",
    "Capralba",
    "Casale Cremasco-Vidolasco",
    "Casaletto Ceredano",
    "Casaletto di Sopra",
    "Casaletto Vaprio",
    "Castel Gabbiano",
    "Castelleone",
    "Chieve",
    "Credera Rubbiano",
    "Cremosano",
    "Cumignano sul Naviglio",
    "Dovera",
    "Fiesco",
    "Gombito",
    "Izano",
    "Madignano",
    "Monte Cremasco",
    "Montodine",
    "Moscazzano",
    "Offanengo",
    "Palazzo Pignano",
    "Pandino",
    "Pianengo",
    "Pieranica",
    "Quintano",
    "Ricengo",
    "Ripalta Arpina",
    "Ripalta Cremasca",
    "Ripalta Guerina",
    "Rivolta d'Adda",
    "Romanengo",
    "Salvirola",
    "Sergnano",
    "Soncino",
    "Spino d'Adda",
    "Ticengo",
    "Torlino Vimercati",
    "Trescore Cremasco",
    "Trigolo",
    "Vailate",
    "Vaiano Cremasco",
]

NETWORKS = [
    "Assemblea dei Sindaci",
    "Tavolo tecnico dei servizi sociali",
    "Tavolo Anziani e non autosufficienza",
    "Tavolo Minori e Famiglia",
    "Tavolo Disabilità",
    "Tavolo SIA e inclusione",
    "Rete ConTatto",
    "Cabina di regia del Piano di Zona",
]

SERVICES = [
    "il servizio di assistenza domiciliare (SAD)",
    "l'assistenza domiciliare integrata",
    "il centro diurno integrato",
    "il centro diurno disabili",
    "lo sportello per le assistenti familiari",
    "il registro delle assistenti familiari",
    "il servizio tutela minori",
    "l'affido familiare",
    "il trasporto sociale",
    "lo sportello ISEE",
    "il segretariato sociale",
    "il servizio di inserimento lavorativo",
    "la comunità alloggio",
    "il pasto a domicilio",
    "il telesoccorso",
    "lo spazio neutro per gli incontri protetti",
    "il servizio educativo domiciliare",
    "l'assistenza educativa scolastica",
    "il centro antiviolenza",
    "lo sportello per l'abitare",
]

MEASURES = [
    "il Fondo per le non autosufficienze (FNA)",
    "la Misura B2 del FNA",
    "il Sostegno per l'inclusione attiva (SIA)",
    "il Programma Operativo Nazionale Inclusione (PON)",
    "il fondo Dopo di Noi",
    "il Fondo povertà",
    "il Reddito di inclusione (REI)",
    "l'Assegno di inclusione (ADI)",
    "il bando per il sostegno all'affitto",
    "i voucher per la conciliazione vita-lavoro",
    "il Fondo nazionale politiche sociali (FNPS)",
    "il Piano di Zona 2021-2023",
    "il Piano di Zona 2025-2027",
    "il Piano Operativo annuale",
    "la misura Nidi gratis",
]

TARGETS = [
    "gli anziani soli",
    "le persone anziane non autosufficienti",
    "le persone con disabilità",
    "i minori in carico ai servizi",
    "le famiglie con figli minori",
    "i nuclei familiari in povertà",
    "i giovani disoccupati",
    "le donne vittime di violenza",
    "i caregiver familiari",
    "le assistenti familiari",
    "i cittadini stranieri",
    "le persone senza dimora",
    "gli studenti con disabilità",
]

BODIES = [
    "l'Ufficio di Piano",
    "l'Azienda Sociale del Cremasco",
    "l'ATS Val Padana",
    "l'ASST di Crema",
    "la Regione Lombardia",
    "il Comune capofila",
    "la Consulta del Terzo Settore",
    "le cooperative sociali accreditate",
    "i sindacati dei pensionati",
    "la Caritas diocesana",
]

VERBS = [
    "approva",
    "prende atto de",
    "rinvia alla prossima seduta",
    "discute",
    "illustra",
    "propone di rifinanziare",
    "chiede di verificare",
    "ha deliberato",
    "si impegnano a monitorare",
    "hanno approvato all'unanimità",
    "presenta i dati relativi a",
    "valuta l'estensione de",
]

SENTENCES = [
    "{body} {verb} {service} per {target} residenti a {comune}.",
    "Per {measure} sono stati stanziati {amount} euro per l'anno {year}.",
    "Il referente di {comune} ricorda che la domanda richiede l'attestazione ISEE in corso "
    "di validità.",
    "{body} {verb} la relazione su {measure}, perché i fondi devono essere rendicontati "
    "entro il {day} {month}.",
    "Si registrano {count} domande per {service}, in aumento rispetto al {year}.",
    "La graduatoria de {measure} sarà pubblicata sul sito dell'Ambito entro {month}.",
    "Il Tavolo chiede che {service} sia esteso a tutti i comuni del sub-ambito di {comune}.",
    "Le assistenti familiari iscritte al registro sono {count}, di cui molte provenienti "
    "da {comune}.",
    "{body} sottolinea che la città di Crema ospita il {percent} per cento degli utenti.",
    "Viene illustrato il monitoraggio de {measure} con i dati del {year}.",
    "La quota di compartecipazione degli utenti resta invariata, salvo diversa decisione "
    "dell'Assemblea dei Sindaci.",
    "Il sindaco di {comune} domanda perché {service} non sia ancora attivo nel suo comune.",
    "Si concorda di convocare un incontro con {body} sul tema de {measure}.",
    "I progetti individuali per {target} vengono rivalutati ogni sei mesi dall'équipe "
    "multidisciplinare.",
    "La spesa sociale dei comuni dell'Ambito ammonta a {amount} euro, pari a {percent} euro "
    "per abitante.",
    "Il coordinatore presenta il cronoprogramma delle attività de {measure}.",
    "Sono pervenute osservazioni da {body} in merito ai criteri di accesso per {target}.",
    "Il verbale della seduta precedente è approvato senza modifiche.",
    "La prossima seduta è fissata a {comune} presso la sala consiliare del municipio.",
    "Il responsabile dell'Ufficio di Piano riferisce sull'avanzamento del Piano di Zona.",
    "Per l'accesso è necessario presentare l'ISEE socio-sanitario e la certificazione di "
    "invalidità.",
    "L'avviso pubblico rimarrà aperto fino al {day} {month} {year}, salvo esaurimento "
    "delle risorse.",
    "Gli operatori del segretariato sociale hanno accolto {count} cittadini di {comune}.",
    "{body} evidenzia le difficoltà nel reperire educatori e assistenti sociali.",
]

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

AGENDA_TITLES = [
    "Approvazione del verbale della seduta precedente",
    "Riparto del Fondo per le non autosufficienze (FNA)",
    "Misura B2: criteri e graduatoria",
    "Sostegno per l'inclusione attiva (SIA): stato di attuazione",
    "PON Inclusione: rendicontazione",
    "Servizio di assistenza domiciliare: nuovo accreditamento",
    "Registro delle assistenti familiari",
    "Bando per il sostegno all'affitto",
    "Piano di Zona: monitoraggio degli obiettivi",
    "Centro diurno disabili: rette e compartecipazione",
    "Tutela minori: convenzione con l'ASST",
    "Fondo povertà: programmazione",
    "Dopo di Noi: progetti individuali",
    "Varie ed eventuali",
]

TITLES = {
    "minutes": "Verbale della seduta del {day} {month} {year} - {network}",
    "news": "{measure_cap}: novità per {target} a {comune}",
    "call": "Avviso pubblico per {service} - {year}",
}

RARE_WORD = "ippoterapia"
RARE_EVERY = 1000  # one page in a thousand holds the rare word
COMMON_WORD = "ambito"  # in the summary of every page


TOPICS = {
    "anziani": ("anzian", "domicil", "assistent", "non autosuff", "pasto", "telesoccorso", "B2"),
    "minori": ("minori", "affido", "famigli", "educativ", "spazio neutro", "Nidi"),
    "disabilità": ("disabil", "Dopo di Noi", "diurno disabili", "scolastic", "invalid"),
    "povertà": ("SIA", "PON", "REI", "ADI", "povert", "segretariato", "senza dimora"),
    "casa e lavoro": ("affitto", "abitare", "lavorativ", "disoccupati", "conciliazione"),
}


def on_topic(values, keys):
    chosen = [value for value in values if any(key in value for key in keys)]
    return chosen or values


class Corpus:
    """A seeded source of page texts; the same seed gives the same pages.

    Each page is about one topic (most of its sentences come from that topic's pool, a few
    from the general one), so a service's words appear in a share of the pages, as on the
    real site, rather than in all of them."""

    def __init__(self, seed=20261123, pool_size=3000):
        self.seed = seed
        self.random = random.Random(seed)
        self.general = [self._sentence(None) for _ in range(pool_size)]
        self.topics = {
            topic: [self._sentence(keys) for _ in range(pool_size)]
            for topic, keys in TOPICS.items()
        }
        self.pool = self.general

    def skip(self, pages):
        """Continue a database that already holds ``pages`` pages: the next ones are drawn
        from a stream seeded by both numbers, so a resumed run is repeatable too."""
        self.random = random.Random(self.seed * 1_000_003 + pages)

    def topic(self):
        """Pick the topic of the next page (sentences drawn until the next call)."""
        name = self.random.choice(list(self.topics))
        self.pool = self.topics[name]
        return name

    def _fill(self, template, keys=None):
        r = self.random
        return template.format(
            body=r.choice(BODIES),
            verb=r.choice(VERBS),
            service=r.choice(on_topic(SERVICES, keys) if keys else SERVICES),
            measure=r.choice(on_topic(MEASURES, keys) if keys else MEASURES),
            target=r.choice(on_topic(TARGETS, keys) if keys else TARGETS),
            comune=r.choice(COMUNI),
            amount=f"{r.randrange(5, 900) * 1000:,}".replace(",", "."),
            year=r.randrange(2015, 2027),
            day=r.randrange(1, 29),
            month=r.choice(MONTHS),
            count=r.randrange(3, 400),
            percent=r.randrange(2, 60),
            network=r.choice(NETWORKS),
            measure_cap=r.choice(MEASURES).split(" ", 1)[1].capitalize(),
        )

    def _sentence(self, keys):
        sentence = self._fill(self.random.choice(SENTENCES), keys)
        return sentence[0].upper() + sentence[1:]

    def paragraphs(self, words, per_paragraph=6):
        """HTML paragraphs (rich text) of about ``words`` words, one in eight sentences
        from the general pool."""
        out, count, current = [], 0, []
        while count < words:
            pool = self.general if self.random.random() < 0.125 else self.pool
            sentence = self.random.choice(pool)
            current.append(sentence)
            count += sentence.count(" ") + 1
            if len(current) == per_paragraph:
                out.append("<p>" + " ".join(current) + "</p>")
                current = []
        if current:
            out.append("<p>" + " ".join(current) + "</p>")
        return "".join(out), count

    def title(self, kind):
        text = self._fill(TITLES[kind])
        return text[0].upper() + text[1:]

    def intro(self, number):
        extra = f" Progetto di {RARE_WORD} per i minori." if number % RARE_EVERY == 7 else ""
        return self._fill(
            f"Ambito distrettuale cremasco: {{service}} e {{measure}} a {{comune}}.{extra}"
        )

    def words(self):
        """Length of one page, like real minutes: 300 to 1500 words."""
        return self.random.randint(300, 1500)

    def agenda(self, words):
        """Agenda items (title, discussion, decisions, outcome) sharing ``words`` words."""
        items = self.random.randint(3, 8)
        titles = self.random.sample(AGENDA_TITLES, items)
        result = []
        for title in titles:
            discussion, _ = self.paragraphs(words // items * 3 // 4)
            decisions, _ = self.paragraphs(words // items // 4, per_paragraph=2)
            outcome = self.random.choice(["discussed", "decided", "decided", "postponed"])
            result.append((title, discussion, decisions, outcome))
        return result

    def choice(self, values):
        return self.random.choice(values)

    def randrange(self, *args):
        return self.random.randrange(*args)
