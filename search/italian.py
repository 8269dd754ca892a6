"""Italian text analysis for search, applied alike to indexed text and to queries.

SQLite's FTS5 index knows no Italian, so we analyse in Python before text reaches any index:
- case and accents are folded ("perché" = "perche", "Città" = "citta");
- apostrophes split elisions ("d'Adda" → "d adda", "dell'ISEE" → "dell isee");
- every word is reduced to its Snowball Italian stem, with corrections where Snowball splits
  one word's forms (-are/-ari: "familiare" and "familiari" both → "famil"; -ano/-ani:
  "anziano", "anziani"; -iere/-ieri: "consigliere", "consiglieri"), so singular, plural and
  verb forms meet ("assistente familiare" finds "assistenti familiari");
- acronyms (2–6 capitals, e.g. ISEE, SIA, FNA, PON) also get a marker token, listed after the
  text so phrases keep their word order: a query in capitals asks for the marker, so "SIA"
  finds the Tavolo SIA and not the verb "sia"; in lower case it matches both.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

ACRONYM_MARKER = "qacr"
# A token no text produces: what an empty analysed query searches for.
NO_MATCH = "qnessunrisultato"
WORD = re.compile(r"\w+")
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
APOSTROPHES = str.maketrans({"'": " ", "’": " ", "`": " ", "´": " "})

_stemmer = Stemmer.Stemmer("italian")


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of one folded word."""
    if word.isdigit() or len(word) < 3:
        return word
    root = _stemmer.stemWord(word)
    # Snowball reads "-ano" and "-iere" as verb endings and strips them from the singular
    # only ("anziano" → "anzi", "anziani" → "anzian"; "consigliere" → "consigl",
    # "consiglieri" → "consiglier"): the other forms take the stem of the plural in -i.
    if root.endswith("an") and word[:-1] == root and word[-1] in "aei":
        root = _stemmer.stemWord(root + "o")
    elif word.endswith("iere") and root == word[:-4]:
        root = _stemmer.stemWord(word[:-1] + "i")
    if len(root) > 5 and root.endswith("ar"):
        root = root[:-2]
    if len(root) > 5 and root.endswith("i"):
        root = root[:-1]
    return root


def words(text: str) -> list[str]:
    return WORD.findall(text.translate(APOSTROPHES))


def acronym_token(word: str) -> str:
    return ACRONYM_MARKER + fold(word)


def analyse(text: str) -> str:
    """Indexed form of ``text``: stems in order, then one marker per acronym."""
    if not text:
        return ""
    found = words(text)
    stems = [stem(fold(word)) for word in found]
    acronyms = dict.fromkeys(acronym_token(word) for word in found if ACRONYM.match(word))
    return " ".join(stems + list(acronyms))


def query_tokens(text: str) -> list[str]:
    """Search form of the words of a query: a word in capitals asks for the acronym, unless
    the whole query is in capitals with a word too long for one (caps lock: "BANDI ANZIANI")."""
    found = words(text)
    caps_lock = text.isupper() and not all(ACRONYM.match(word) for word in found)
    return [
        acronym_token(word) if ACRONYM.match(word) and not caps_lock else stem(fold(word))
        for word in found
    ]


def phrase_tokens(text: str) -> list[str]:
    """A quoted phrase keeps the word order of the text, so acronyms match as plain stems."""
    return [stem(fold(word)) for word in words(text)]
