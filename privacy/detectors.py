"""What must not be published: plain functions over text, no Django.

``scan(text, allow)`` returns the ``Finding``s of one text: Italian tax codes of persons,
IBANs, personal phone numbers and e-mail addresses, dates of birth, and health or hardship
markers about a person (Garante provv. 243/2014, art. 26 c.4 D.Lgs. 33/2013).

Health and hardship words are ordinary in a social-services district's prose ("servizi per la
disabilità", "soglie ISEE", "fondo non autosufficienza"): they are findings only in a sentence
that is about a person, that is one naming someone (a first name and a surname, a title like
"sig.ra", an initial and a surname, a minor by initials) or a beneficiary by name. A few
phrasings are always about a person ("affetto da", "invalidità al 75%", "portatore di
handicap") and are findings on their own.
"""

import hashlib
import re
from dataclasses import dataclass, field

TAX_CODE = "tax_code"
IBAN = "iban"
PHONE = "phone"
EMAIL = "email"
BIRTH_DATE = "birth_date"
HEALTH = "health"
HARDSHIP = "hardship"

KIND_LABELS = {
    TAX_CODE: "Codice fiscale",
    IBAN: "IBAN",
    PHONE: "Telefono personale",
    EMAIL: "E-mail personale",
    BIRTH_DATE: "Data di nascita",
    HEALTH: "Dato sanitario",
    HARDSHIP: "Disagio economico o sociale",
}

CONTEXT_CHARS = 40


@dataclass(frozen=True)
class Allowances:
    """What the body may publish: its own addresses and numbers, public bodies' domains."""

    emails: frozenset = frozenset()
    email_domains: tuple = ()  # "gov.it" allows x@gov.it and x@anything.gov.it
    email_domain_patterns: tuple = ()  # regular expressions over the whole domain
    role_local_parts: tuple = ()  # regular expressions over the part before @
    phones: frozenset = frozenset()  # digits only, without the +39 prefix


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    start: int
    end: int
    context: str
    where: str = ""
    detail: str = field(default="", compare=False)

    @property
    def label(self):
        return KIND_LABELS[self.kind]

    @property
    def masked(self):
        return mask(self.text)

    @property
    def fingerprint(self):
        """Stable over edits elsewhere in the text: the kind, the normalised match and, for a
        health or hardship marker, the person the sentence names (so confirming "invalidità"
        for one person does not cover another)."""
        normal = re.sub(r"[\s.\-/]+", "", f"{self.text}|{self.detail}".casefold())
        return hashlib.sha256(f"{self.kind}:{normal}".encode()).hexdigest()[:32]

    def as_dict(self):
        """What may be stored and shown: never the full match."""
        return {
            "kind": self.kind,
            "label": self.label,
            "masked": self.masked,
            "context": self.context,
            "where": self.where,
            "fingerprint": self.fingerprint,
        }


def mask(text):
    """Keep the first two and the last character, hide the rest: enough to recognise it."""
    text = text.strip()
    if len(text) <= 4:
        return text[0] + "•" * (len(text) - 1)
    return text[:2] + "".join("•" if ch.isalnum() else ch for ch in text[2:-1]) + text[-1]


def context_of(text, start, end):
    """A few words around ``text[start:end]`` (``text`` already masked), match in brackets."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if len(text) - end > CONTEXT_CHARS and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    snippet = before + "[" + text[start:end] + "]" + after
    return re.sub(r"\s+", " ", snippet).strip()


# --- codice fiscale -------------------------------------------------------------------

OMOCODIA = "LMNPQRSTUV"  # letters replacing digits 0-9 in a homocode
_D = f"[0-9{OMOCODIA}]"
TAX_CODE_RE = re.compile(
    rf"(?<![A-Za-z0-9])[A-Z]{{6}}{_D}{{2}}[ABCDEHLMPRST]{_D}{{2}}[A-Z]{_D}{{3}}[A-Z](?![A-Za-z0-9])",
    re.IGNORECASE,
)
_ODD = [
    1,
    0,
    5,
    7,
    9,
    13,
    15,
    17,
    19,
    21,
    2,
    4,
    18,
    20,
    11,
    3,
    6,
    8,
    12,
    14,
    16,
    10,
    22,
    25,
    24,
    23,
]


def _cf_value(char, odd):
    index = int(char) if char.isdigit() else ord(char) - ord("A")
    return _ODD[index] if odd else index


def valid_tax_code(code):
    """The check character of a person's codice fiscale (omocodia letters included)."""
    code = code.upper()
    if len(code) != 16:
        return False
    total = sum(_cf_value(ch, position % 2 == 0) for position, ch in enumerate(code[:15]))
    return chr(ord("A") + total % 26) == code[15]


def find_tax_codes(text):
    for match in TAX_CODE_RE.finditer(text):
        if valid_tax_code(match.group()):
            yield TAX_CODE, match.start(), match.end(), ""


# --- IBAN -----------------------------------------------------------------------------

IBAN_LENGTHS = {
    "IT": 27, "SM": 27, "VA": 22, "DE": 22, "FR": 27, "ES": 24, "AT": 20, "CH": 21,
    "GB": 22, "BE": 16, "NL": 18, "PT": 25, "LU": 20, "IE": 22, "SI": 19, "HR": 21,
    "RO": 24, "PL": 28, "GR": 27, "MT": 31, "MC": 27, "AL": 28, "DK": 18, "SE": 24,
}  # fmt: skip
IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}")


def valid_iban(compact):
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


def find_ibans(text):
    for match in IBAN_RE.finditer(text):
        raw = match.group()
        # The end of the match may have run into a following word: cut at the country's
        # length, else at the longest prefix that checks.
        positions = [i for i, ch in enumerate(raw) if ch != " "]
        compact = "".join(raw[i] for i in positions)
        lengths = [IBAN_LENGTHS[compact[:2]]] if compact[:2] in IBAN_LENGTHS else []
        lengths += range(len(compact), 14, -1)
        for length in lengths:
            if length <= len(compact) and valid_iban(compact[:length]):
                end = match.start() + positions[length - 1] + 1
                yield IBAN, match.start(), end, ""
                break


# --- phone numbers --------------------------------------------------------------------

_SEP = r"[ .\-/]?"
MOBILE_RE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00)39{_SEP}|\(\+?39\){_SEP})?3\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{3,4}}(?![\w])"
)
LANDLINE_RE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00)39{_SEP})?0\d{{1,3}}{_SEP}\d{{2,4}}{_SEP}\d{{2,4}}(?:{_SEP}\d{{1,4}})?(?![\w])"
)
# A landline is published by offices all the time; it is personal only when the text says so.
PERSONAL_LINE_RE = re.compile(
    r"(?:cellulare|cell\.|privat[oa]|personale|abitazione|casa|domicilio|"
    r"recapito (?:del|della) (?:sig|signor)|utenza (?:del|della))",
    re.IGNORECASE,
)


def phone_digits(text):
    digits = re.sub(r"\D", "", text)
    for prefix in ("0039", "39"):
        if digits.startswith(prefix) and len(digits) > 10 and digits[len(prefix)] in "03":
            return digits[len(prefix) :]
    return digits


def find_phones(text, allow):
    for match in MOBILE_RE.finditer(text):
        digits = phone_digits(match.group())
        if 9 <= len(digits) <= 10 and digits not in allow.phones:
            yield PHONE, match.start(), match.end(), ""
    for match in LANDLINE_RE.finditer(text):
        digits = phone_digits(match.group())
        if not 6 <= len(digits) <= 11 or digits in allow.phones:
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if PERSONAL_LINE_RE.search(before):
            yield PHONE, match.start(), match.end(), ""


# --- e-mail ---------------------------------------------------------------------------

EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w-])")


def email_allowed(address, allow):
    address = address.lower()
    local, _, domain = address.partition("@")
    if address in allow.emails:
        return True
    for allowed in allow.email_domains:
        allowed = allowed.lower().lstrip("@.")
        if domain == allowed or domain.endswith("." + allowed):
            return True
    if any(re.fullmatch(pattern, domain) for pattern in allow.email_domain_patterns):
        return True
    return any(re.fullmatch(pattern, local) for pattern in allow.role_local_parts)


def find_emails(text, allow):
    for match in EMAIL_RE.finditer(text):
        if not email_allowed(match.group(), allow):
            yield EMAIL, match.start(), match.end(), ""


# --- dates of birth -------------------------------------------------------------------

MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
)
DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:19|20)?\d{{2}}|\d{{1,2}}[°º]?\s+(?:{MONTHS})\s+\d{{4}})"
)
# "nato il 12 marzo 2021" is said of projects too: a finding only about a person.
BIRTH_WITH_PERSON = re.compile(rf"\bnat[oaie]\s+il\s+{DATE}", re.IGNORECASE)
BIRTH_RES = [
    # "nato a Crema (CR) il 12/03/1980", "nato in Romania il ..."
    re.compile(
        rf"\bnat[oaie]\s+(?:a|ad|in)\s+[^\n,;.]{{2,40}}?\s*(?:\([A-Z]{{2}}\))?\s*,?\s+il\s+{DATE}",
        re.IGNORECASE,
    ),
    re.compile(rf"\bdata\s+di\s+nascita\s*[:\-]?\s*(?:il\s+)?{DATE}", re.IGNORECASE),
    re.compile(rf"\bnascita\s*[:\-]\s*{DATE}", re.IGNORECASE),
    re.compile(r"\(\s*n\.\s*(?:19|20)\d{2}\s*\)"),
    re.compile(r"\bclasse\s+(?:19[2-9]\d|200\d|201\d)\b", re.IGNORECASE),
]


def find_birth_dates(text):
    for pattern in BIRTH_RES:
        for match in pattern.finditer(text):
            yield BIRTH_DATE, match.start(), match.end(), ""
    for offset, sentence in _sentences(text):
        matches = list(BIRTH_WITH_PERSON.finditer(sentence))
        if matches and _person_in(sentence):
            for match in matches:
                yield BIRTH_DATE, offset + match.start(), offset + match.end(), ""


# --- health and hardship about a person -----------------------------------------------

FIRST_NAMES = """
Alberto Alessandra Alessandro Alessia Alice Andrea Angela Angelo Anna Antonella Antonio
Arianna Aurora Barbara Beatrice Benedetta Bruno Camilla Carla Carlo Carmela Caterina Cesare
Chiara Claudia Claudio Cristina Cristian Daniela Daniele Davide Diego Domenico Edoardo Elena
Elisa Elisabetta Emanuele Emma Enrico Enzo Erika Fabio Fabrizio Federica Federico Filippo
Francesca Francesco Franco Gabriele Gabriella Giacomo Gianluca Gianni Giorgia Giorgio Giovanna
Giovanni Giulia Giulio Giuseppe Giuseppina Greta Guido Ilaria Irene Lorenzo Laura Leonardo
Lucia Luca Luciano Luigi Luisa Manuela Marco Margherita Maria Marina Mario Marta Martina
Massimo Matteo Mattia Maurizio Michela Michele Mirko Monica Nadia Nicola Nicoletta Paola
Paolo Patrizia Pietro Raffaele Riccardo Rita Roberta Roberto Rosa Rosanna Salvatore Samuele
Sara Serena Sergio Silvia Simona Simone Sofia Stefania Stefano Teresa Tommaso Valentina
Valeria Vincenzo Viola Vittoria Ahmed Mohamed Fatima Ion Elena Olena Irina Ana Jose
""".split()  # noqa: SIM905 - a list of names reads better as text
_FIRST = "|".join(sorted(set(FIRST_NAMES), key=len, reverse=True))
_SURNAME = r"[A-Z][a-zàèéìòù']+(?:\s[A-Z][a-zàèéìòù']+)?"
NAME = rf"(?:\b(?:{_FIRST})\s+{_SURNAME}|\b[A-Z][a-zàèéìòù']{{2,}}\s+(?:{_FIRST})\b|\b[A-Z]{{3,}}\s+[A-Z]{{3,}}\b)"
TITLE = r"\b(?:sig\.(?:ra)?|sigg\.|signor|signora|sign\.|dott\.(?:ssa)?)(?=\s)"
INITIALS = r"\b(?:minore|bambin[oa]|ragazz[oa]|utente|assistit[oa]|paziente|sig\.(?:ra)?)\s+[A-Z]\.\s?[A-Z]\.(?!\w)"
INITIAL_SURNAME = r"\b[A-Z]\.\s?[A-Z][a-zàèéìòù']{2,}\b(?!\s+(?:Regionale|Regione|Provinciale))"
PERSON_RE = re.compile(rf"{NAME}|{TITLE}|{INITIALS}|{INITIAL_SURNAME}")
# Words that capitalise but are not names (headings, places, institutions) never pair up
# with a first name above, so the name test needs no stop list beyond the all-caps one.
CAPS_NOT_NAMES = {"ISEE", "ASST", "ATS", "FNA", "SIA", "PON", "ODG", "PEC", "IBAN", "INPS", "UDP"}

HEALTH_WITH_PERSON = re.compile(
    r"\b(?:invalidit[àa]|disabilit[àa]\s+grave|handicap|diagnosi|patologi[ae]|malattia|"
    r"ricover(?:o|at[oa])|tossicodipenden(?:za|te)|alcoldipenden(?:za|te)|dipendenza\s+da|"
    r"disturb[oi]\s+(?:psichic|psichiatric|dello\s+spettro)\w*|terapi[ae]|"
    r"non\s+autosufficiente|L\.\s?104(?:/(?:19)?92)?|legge\s+(?:n\.\s*)?104(?:/(?:19)?92)?|"
    r"art\.\s*3,?\s*c(?:omma|\.)\s*3|HIV|oncologic[oa]|demenza|Alzheimer)\b",
    re.IGNORECASE,
)
HEALTH_ALWAYS = re.compile(
    r"\b(?:affett[oa]\s+da|invalidit[àa](?:\s+civile)?\s+(?:del|al|pari\s+al)\s+\d{2,3}\s?%|"
    r"portat(?:ore|rice)\s+di\s+handicap|in\s+situazione\s+di\s+gravit[àa])",
    re.IGNORECASE,
)
HARDSHIP_WITH_PERSON = re.compile(
    r"\b(?:ISEE\s*(?:di|pari\s+a|:)?\s*(?:€|euro|EUR)\s*\d[\d.,]*|ISEE\s*(?:di|pari\s+a|:)\s*\d[\d.,]*(?:\s*(?:€|euro))?|"
    r"reddito\s+di\s+cittadinanza|assegno\s+di\s+inclusione|carta\s+acquisti|"
    r"sfratt(?:o|at[oa])|moros(?:it[àa]|[oa])|senza\s+fissa\s+dimora|indigen(?:za|te)|"
    r"contributo\s+economico|sussidio|buon[oi]\s+spesa|pacc(?:o|hi)\s+aliment\w+|"
    r"integrazione\s+(?:della\s+)?retta|povert[àa]|disoccupat[oa]|pignoramento|"
    r"affid(?:o|at[oa])\s+ai\s+servizi\s+sociali|allontanamento)\b",
    re.IGNORECASE,
)
BENEFICIARY_RE = re.compile(
    rf"\b[Bb]eneficiari[oa]\s*(?:[:\-–]\s*)?(?:(?:il|la)\s+)?(?:{TITLE}\s+)?(?:{NAME}|{INITIAL_SURNAME})"
)
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÀ-Ù«\"(])|\n")
# A period after these is an abbreviation, not the end of a sentence.
ABBREVIATIONS = {"sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof", "avv", "ing", "art", "n",
                 "nr", "prot", "tel", "cell", "c", "co", "lett", "ecc", "s", "sg", "geom"}  # fmt: skip


def _sentences(text):
    start = 0
    for match in SENTENCE_END.finditer(text):
        words = text[start : match.start()].rstrip(".").split()
        last = words[-1].casefold() if words else ""
        if text[match.start() - 1] == "." and (last in ABBREVIATIONS or len(last) == 1):
            continue
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def _person_in(sentence):
    """The first mention of a person in the sentence, or ""."""
    for match in PERSON_RE.finditer(sentence):
        words = match.group().split()
        if match.group().isupper() and any(word in CAPS_NOT_NAMES for word in words):
            continue
        return match.group()
    return ""


def find_health_and_hardship(text):
    for offset, sentence in _sentences(text):
        always = [
            *((HEALTH, m) for m in HEALTH_ALWAYS.finditer(sentence)),
            *((HARDSHIP, m) for m in BENEFICIARY_RE.finditer(sentence)),
        ]
        about_a_person = [
            *((HEALTH, m) for m in HEALTH_WITH_PERSON.finditer(sentence)),
            *((HARDSHIP, m) for m in HARDSHIP_WITH_PERSON.finditer(sentence)),
        ]
        if not (always or about_a_person):
            continue  # most sentences: the person test is the costly part
        person = _person_in(sentence)
        for kind, match in always + (about_a_person if person else []):
            yield kind, offset + match.start(), offset + match.end(), person


# --- all together ---------------------------------------------------------------------

NO_ALLOWANCES = Allowances()


def scan(text, allow=NO_ALLOWANCES, where=""):
    """Every finding in ``text``, in reading order, overlaps removed (the first, longest
    match wins: an IBAN is not also a phone number)."""
    if not text:
        return []
    raw = [
        *find_tax_codes(text),
        *find_ibans(text),
        *find_emails(text, allow),
        *find_birth_dates(text),
        *find_phones(text, allow),
        *find_health_and_hardship(text),
    ]
    raw.sort(key=lambda item: (item[1], -(item[2] - item[1])))
    kept = []
    taken_until = -1
    for item in raw:
        if item[1] >= taken_until:
            kept.append(item)
            taken_until = item[2]
    pieces, position = [], 0
    for _kind, start, end, _detail in kept:  # mask() keeps the length: offsets hold
        pieces += [text[position:start], mask(text[start:end])]
        position = end
    masked = "".join(pieces) + text[position:]
    return [
        Finding(kind, text[start:end], start, end, context_of(masked, start, end), where, detail)
        for kind, start, end, detail in kept
    ]


def scan_all(texts, allow=NO_ALLOWANCES):
    """Findings of ``(where, text)`` pairs, one finding per distinct fingerprint."""
    seen = set()
    findings = []
    for where, text in texts:
        for finding in scan(text, allow, where):
            if finding.fingerprint not in seen:
                seen.add(finding.fingerprint)
                findings.append(finding)
    return findings
