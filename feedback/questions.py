"""The texts of the page-feedback component, word for word as AgID's "Modello Comuni" has them.

AgID's site validator (italia/pa-website-validator-ng, audit C.SI.2.5, and C.SI.2.6 on service
pages) compares these texts case-insensitively with the page: the title question, the two
follow-up questions and their answers. Change nothing here without checking
``src/storage/municipality/feedbackComponentStructure.ts`` in the validator.
"""

TITLE = "Quanto sono chiare le informazioni su questa pagina?"
THANKS = "Grazie, il tuo parere ci aiuterà a migliorare il servizio!"

# Ratings up to this value ask the "negative" follow-up question, above it the "positive" one.
POSITIVE_THRESHOLD = 3
RATINGS = range(1, 6)

POSITIVE_QUESTION = "Quali sono stati gli aspetti che hai preferito?"
NEGATIVE_QUESTION = "Dove hai incontrato le maggiori difficoltà?"

# (stored value, text shown to the visitor)
POSITIVE_ANSWERS = [
    ("chiare", "Le indicazioni erano chiare"),
    ("complete", "Le indicazioni erano complete"),
    ("procedura-chiara", "Capivo sempre che stavo procedendo correttamente"),
    ("nessun-problema-tecnico", "Non ho avuto problemi tecnici"),
    ("altro-positivo", "Altro"),
]
NEGATIVE_ANSWERS = [
    ("non-chiare", "A volte le indicazioni non erano chiare"),
    ("incomplete", "A volte le indicazioni non erano complete"),
    ("procedura-incerta", "A volte non capivo se stavo procedendo correttamente"),
    ("problemi-tecnici", "Ho avuto problemi tecnici"),
    ("altro-negativo", "Altro"),
]

# The two "Altro" are told apart in the admin.
ANSWER_LABELS = {
    **dict(POSITIVE_ANSWERS),
    **dict(NEGATIVE_ANSWERS),
    "altro-positivo": "Altro (aspetto positivo)",
    "altro-negativo": "Altro (difficoltà)",
}
ANSWER_CHOICES = list(ANSWER_LABELS.items())

COMMENT_MAX_LENGTH = 200


def is_positive(rating: int) -> bool:
    return rating > POSITIVE_THRESHOLD


def answers_for(rating: int) -> list[tuple[str, str]]:
    """The follow-up answers that belong to ``rating``."""
    return POSITIVE_ANSWERS if is_positive(rating) else NEGATIVE_ANSWERS
