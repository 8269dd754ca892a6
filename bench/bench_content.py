"""Content the benchmarks measure, added to a demo database: the issue's minutes page.

    DATABASE_URL=sqlite:////tmp/x.sqlite3 .venv/bin/python bench/bench_content.py --items 10 --attendees 20

Adds (or replaces) minutes of the Ufficio di Piano with ``--items`` agenda items and
``--attendees`` recorded attendees (bodies of the registry seated in a benchmark network),
publishes them and prints their address. Run after ``load_demo``.
"""

import argparse
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


def minutes_page(items: int, attendees: int, slug: str) -> str:
    from django.db import transaction

    from cms.models import AgendaItem, AgendaOutcome, MinutesIndexPage, MinutesPage
    from network.models import Attendance, AttendanceStatus, Membership, Network, Organisation, Role

    index = MinutesIndexPage.objects.get()
    with transaction.atomic():
        MinutesPage.objects.filter(slug=slug).delete()
        network, _ = Network.objects.get_or_create(
            slug="rete-benchmark", defaults={"name": "Rete del benchmark", "kind": "network"}
        )
        network.memberships.all().delete()
        role, _ = Role.objects.get_or_create(slug="componente", defaults={"name": "Componente"})
        page = MinutesPage(
            title=f"Verbale di prova ({items} punti, {attendees} presenze)",
            slug=slug,
            meeting_body=network,
            meeting_date=date(2026, 11, 12),
            place="Sala consiliare",
            next_meeting_date=date(2026, 12, 10),
            intro="Seduta ordinaria con l'ordine del giorno completo.",
        )
        outcomes = list(AgendaOutcome)
        for n in range(items):
            page.agenda_items.add(
                AgendaItem(
                    sort_order=n,
                    title=f"Punto {n + 1}: aggiornamento sui servizi del sub-ambito",
                    discussion="<p>Il coordinatore illustra lo stato dei servizi e le "
                    "richieste dei comuni; segue un confronto tra i presenti.</p>",
                    decisions="<p>Il tavolo approva all'unanimità la proposta.</p>",
                    outcome=outcomes[n % len(outcomes)],
                )
            )
        index.add_child(instance=page)
        page.save_revision().publish()
        statuses = list(AttendanceStatus)
        for n in range(attendees):
            organisation, _ = Organisation.objects.get_or_create(
                name=f"Comune di prova {n + 1}",
                defaults={"sector": "public", "kind": "municipality"},
            )
            membership = Membership.objects.create(
                network=network, organisation=organisation, person=None, role=role
            )
            Attendance.objects.create(
                meeting=page, membership=membership, status=statuses[n % len(statuses)]
            )
    return page.url


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--attendees", type=int, default=20)
    parser.add_argument("--slug", default="verbale-benchmark")
    args = parser.parse_args()
    import django

    django.setup()
    print(minutes_page(args.items, args.attendees, args.slug))


if __name__ == "__main__":
    main()
