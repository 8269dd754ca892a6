"""The detectors over a corpus of Italian sentences written for this test (with and without
personal data, each with the kinds it must yield) and over the whole demo, which must yield
nothing: the district's ordinary prose is not personal data."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from privacy import allowances
from privacy.detectors import (
    BIRTH_DATE,
    EMAIL,
    HARDSHIP,
    HEALTH,
    IBAN,
    PHONE,
    TAX_CODE,
    Allowances,
    mask,
    scan,
    valid_iban,
    valid_tax_code,
)
from privacy.guard import findings_for

ALLOW = Allowances(
    emails=frozenset({"ufficiodipiano@example.org", "ufficiodipiano.pec@example.org"}),
    email_domain_patterns=allowances.DEFAULT_DOMAIN_PATTERNS,
    role_local_parts=allowances.ROLE_LOCAL_PARTS,
    phones=frozenset({"0373894511"}),
)

CORPUS = [
    # tax codes
    ("Il richiedente Mario Rossi, C.F. RSSMRA80A01H501U, chiede il rimborso.", [TAX_CODE]),
    ("Codice fiscale: rssmra80a01h501u", [TAX_CODE]),
    ("Omocodia: RSSMRA80A01H50MM risulta valido.", [TAX_CODE]),
    ("Il codice RSSMRA80A01H501A non ha il carattere di controllo giusto.", []),
    ("Partita IVA dell'ente: 01234567890.", []),
    ("Codice fiscale dell'Ufficio di Piano 91012345678.", []),
    # IBAN
    ("Versare su IBAN IT60X0542811101000000123456 intestato al beneficiario.", [IBAN]),
    ("Conto: IT60 X054 2811 1010 0000 0123 456 presso la banca.", [IBAN]),
    ("Bonifico dall'estero: DE89 3704 0044 0532 0130 00.", [IBAN]),
    ("Il codice IT60X0542811101000000123457 è sbagliato.", []),
    ("GB82WEST12345698765432 è il conto del fornitore estero.", [IBAN]),
    # phones
    ("Per informazioni chiamare il 333 1234567.", [PHONE]),
    ("Cellulare: +39 347.123.4567", [PHONE]),
    ("Contattare il numero 0039-328-765-4321 dopo le 18.", [PHONE]),
    ("Il centralino dell'ufficio è lo 0373 894511.", []),
    ("Telefono della segreteria: 0373 218 765.", []),
    ("Recapito privato della signora: 0373 218765.", [PHONE]),
    ("cell. 3201234567 (ore serali)", [PHONE]),
    ("Il bando n. 3 del 2024 prevede 120 posti.", []),
    ("Sono stati stanziati 350.000 euro per il 2025.", []),
    # e-mail
    ("Scrivere a mario.rossi72@gmail.com per il ritiro.", [EMAIL]),
    ("Domande a protocollo@pec.comune.crema.cr.it entro il 30 giugno.", []),
    ("Informazioni: info@aziendasociale.example.org.", []),
    ("Contattare ufficiodipiano@example.org.", []),
    ("La PEC dell'ASST è protocollo@pec.asst-crema.it.", []),
    ("Referente: giulia.bianchi@asst-crema.it", []),
    ("L'assistente sociale anna.verdi@libero.it seguirà il caso.", [EMAIL]),
    ("Segreteria: segreteria.tecnica@ambito.example.org", []),
    ("Ministero: dgimmigrazione@lavoro.gov.it", []),
    # dates of birth
    ("Mario Rossi, nato a Crema (CR) il 12/03/1980, residente a Soncino.", [BIRTH_DATE]),
    ("La sig.ra Bianchi, nata il 3 maggio 1975, ha presentato domanda.", [BIRTH_DATE]),
    ("Data di nascita: 01.02.1990", [BIRTH_DATE]),
    ("Il dipendente G. Verdi (n. 1962) è collocato a riposo.", [BIRTH_DATE]),
    ("Luca Neri, classe 1988, è il nuovo volontario.", [BIRTH_DATE]),
    ("Il piano è nato il 12 marzo 2021 da un accordo tra i comuni.", []),
    ("La seduta del 12/03/2024 si è svolta a Crema.", []),
    # health
    ("Il sig. Mario Rossi, beneficiario della L. 104/92, chiede il trasferimento.", [HEALTH]),
    ("Giulia Bianchi ha una invalidità civile riconosciuta.", [HEALTH]),
    ("Invalidità civile al 75% accertata dalla commissione.", [HEALTH]),
    ("La minore A.B. è affetta da una patologia rara.", [HEALTH, HEALTH]),
    ("Il paziente è affetto da diabete.", [HEALTH]),
    ("La signora Maria Verdi è stata ricoverata in ospedale.", [HEALTH]),
    ("Francesco Neri è portatore di handicap.", [HEALTH]),
    ("Il ragazzo M.R. segue una terapia per tossicodipendenza.", [HEALTH, HEALTH]),
    ("Servizi per la disabilità e area disabilità del piano di zona.", []),
    ("Il fondo non autosufficienza finanzia i voucher per le famiglie.", []),
    ("Permessi della legge 104/92: il vademecum per i caregiver.", []),
    ("Progetti per persone con disabilità grave (Dopo di noi).", []),
    ("Il tavolo salute mentale discute della diagnosi precoce nei servizi.", []),
    # hardship
    ("La sig.ra Bianchi ha un ISEE di 3.500 euro.", [HARDSHIP]),
    ("Ammessi al contributo i nuclei con ISEE non superiore a 15.000 euro.", []),
    ("Beneficiario: Giuseppe Verdi, contributo di 500 euro.", [HARDSHIP]),
    ("Beneficiaria la sig.ra Anna Neri, per l'integrazione della retta.", [HARDSHIP, HARDSHIP]),
    ("Marco Colombo percepisce il reddito di cittadinanza.", [HARDSHIP]),
    ("Il nucleo di Paolo Ferrari ha ricevuto lo sfratto per morosità.", [HARDSHIP, HARDSHIP]),
    ("Si discutono i criteri di accesso all'assegno di inclusione.", []),
    ("Prevenzione degli sfratti: il protocollo con i comuni.", []),
    ("Contributo economico concesso a Luca Galli.", [HARDSHIP]),
    ("Buoni spesa alle famiglie in difficoltà: 200 domande accolte.", []),
    ("I beneficiari del contributo sono indicati con il numero di protocollo.", []),
    ("Contributo al beneficiario prot. n. 4521/2025.", []),
    ("Il signor Rossi è senza fissa dimora.", [HARDSHIP]),
    # ordinary prose of the district
    ("L'Assemblea dei Sindaci approva il Piano di Zona 2025-2027.", []),
    ("Il Comune di Crema è capofila dell'Ambito distrettuale.", []),
    ("La riunione si terrà presso la sala consiliare alle 10:30.", []),
    ("Presenti i sindaci di Castelleone, Soncino e Pandino.", []),
    ("Il verbale è approvato all'unanimità.", []),
    ("Soglie ISEE uniformi per le prestazioni agevolate.", []),
    ("", []),
]


@pytest.mark.parametrize(("sentence", "kinds"), CORPUS, ids=range(len(CORPUS)))
def test_the_corpus_yields_the_expected_kinds(sentence, kinds):
    assert [finding.kind for finding in scan(sentence, ALLOW)] == kinds


def test_the_corpus_has_sixty_sentences_at_least_half_with_findings_and_many_without():
    assert len(CORPUS) >= 60
    assert sum(1 for _, kinds in CORPUS if kinds) >= 30
    assert sum(1 for _, kinds in CORPUS if not kinds) >= 25


def test_the_check_character_of_a_tax_code_is_verified():
    assert valid_tax_code("RSSMRA80A01H501U")
    assert not valid_tax_code("RSSMRA80A01H501V")


def test_an_iban_is_checked_with_mod_97():
    assert valid_iban("IT60X0542811101000000123456")
    assert not valid_iban("IT61X0542811101000000123456")


def test_a_finding_stores_the_context_with_the_match_masked():
    (finding,) = scan("Scrivere a mario.rossi72@gmail.com per il ritiro.", ALLOW)
    assert "mario.rossi72@gmail.com" not in finding.context
    assert "[" + mask("mario.rossi72@gmail.com") + "]" in finding.context
    assert finding.context.startswith("Scrivere a")
    assert "mario" not in str(finding.as_dict())


def test_other_findings_in_the_context_are_masked_too():
    text = "Mario Rossi RSSMRA80A01H501U tel. 333 1234567"
    phone = scan(text, ALLOW)[-1]
    assert phone.kind == PHONE
    assert "RSSMRA80A01H501U" not in phone.context


def test_the_same_health_word_about_two_people_needs_two_confirmations():
    first = scan("Giulia Bianchi ha una invalidità civile.", ALLOW)[0]
    second = scan("Marco Colombo ha una invalidità civile.", ALLOW)[0]
    assert first.fingerprint != second.fingerprint


def test_the_numbers_and_addresses_of_the_body_come_from_its_identity_settings(db):
    from cms.models import BodyIdentity

    identity = BodyIdentity.load()
    identity.phone = "333 000 1111"
    identity.email = "sportello.crema@gmail.com"
    identity.save()
    allow = allowances.current()
    assert scan("Chiamare il 333 000 1111 o scrivere a sportello.crema@gmail.com", allow) == []


def test_allowed_email_domains_come_from_settings(db, settings):
    settings.PRIVACY_GUARD_ALLOWED_EMAIL_DOMAINS = ["aziendasociale.it"]
    assert scan("m.rossi@aziendasociale.it", allowances.current()) == []
    assert [f.kind for f in scan("m.rossi@altra.it", allowances.current())] == [EMAIL]


@pytest.mark.django_db
def test_the_whole_demo_yields_no_finding():
    call_command("load_demo", verbosity=0)
    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert len(pages) > 30
    found = {page.title: findings_for(page) for page in pages}
    assert {title: f for title, f in found.items() if f} == {}
