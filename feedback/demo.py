"""Demo content of the feedback app: a few ratings on the demo's pages and two reports, so that
the admin's report has something to show. Idempotent: nothing is added when ratings exist."""

from datetime import timedelta

from wagtail.models import Page

from .models import InefficiencyReport, PageFeedback, ReportCategory, ReportStatus

# (stars, answer, comment) given to each of the first pages, over the last days.
RATINGS = [
    (5, "chiare", ""),
    (4, "complete", "Utile l'elenco dei documenti."),
    (2, "incomplete", "Mancano gli orari dello sportello."),
    (5, "procedura-chiara", ""),
    (3, "non-chiare", ""),
]

REPORTS = [
    {
        "category": ReportCategory.INFORMATION,
        "place": "Sito web, pagina dei bandi",
        "subject": "Scadenza del bando non aggiornata",
        "description": "Nella scheda del bando la scadenza indicata è diversa da quella del PDF.",
        "status": ReportStatus.NEW,
    },
    {
        "category": ReportCategory.OFFICE,
        "place": "Sportello dell'Ufficio di Piano, Crema",
        "subject": "Nessuna risposta alla richiesta di informazioni",
        "description": "Ho scritto alla casella dell'ufficio tre settimane fa senza risposta.",
        "status": ReportStatus.IN_PROGRESS,
        "internal_notes": "Risposto per telefono; da chiudere dopo la verifica della casella.",
    },
]


def load_demo(now):
    if PageFeedback.objects.exists():
        return []
    today = now.date()
    pages = list(Page.objects.live().filter(depth__gte=2).order_by("path")[:6])
    created = []
    for index, page in enumerate(pages):
        for offset, (stars, answer, comment) in enumerate(RATINGS[: 5 - index % 3]):
            created.append(
                PageFeedback(
                    page=page,
                    rating=stars,
                    answer=answer,
                    comment=comment,
                    created_on=today - timedelta(days=offset * 3 + index),
                )
            )
    PageFeedback.objects.bulk_create(created)
    reports = 0
    if not InefficiencyReport.objects.exists():
        for days, data in enumerate(REPORTS, start=1):
            InefficiencyReport.objects.create(created_at=now - timedelta(days=days), **data)
            reports += 1
    return [f"Valutazioni delle pagine: {len(created)}; segnalazioni di disservizio: {reports}"]
