"""Cost of the gap engine as the registry grows, against asking network by network.

Builds a throw-away registry (SQLite in a temp dir unless --database-url is given) of N
networks × M memberships over six sub-areas with every rule kind and recorded attendance,
then times ``find_gaps()`` for all networks at once and, as the baseline in the same run,
one ``find_gaps(networks=[n])`` call per network. Prints wall time (best of --repeat),
queries and gaps, and the ratio baseline / engine.

    .venv/bin/python bench/gaps.py --sizes 10x20 100x20 300x50
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import logging

    logging.disable(logging.INFO)  # page creation and task logs would drown the table


def build(networks, members):
    from cms.models import HomePage, MinutesPage
    from network.models import (
        Area,
        Attendance,
        CompositionRule,
        Membership,
        Network,
        Organisation,
        Person,
        Role,
    )

    Attendance.objects.all().delete()
    Membership.objects.all().delete()
    MinutesPage.objects.all().delete()
    Network.objects.all().delete()
    for model in (Person, Role, Organisation):
        model.objects.all().delete()
    Area.objects.filter(kind="municipality").delete()
    Area.objects.filter(kind="subarea").delete()
    Area.objects.all().delete()
    district = Area.objects.create(name="Ambito", kind="district")
    subareas = [
        Area.objects.create(name=f"Sub-ambito {i}", kind="subarea", parent=district)
        for i in range(6)
    ]
    comuni = [
        Area.objects.create(name=f"Comune {i}", kind="municipality", parent=subareas[i % 6])
        for i in range(48)
    ]
    bodies = [
        Organisation.objects.create(
            name=f"Ente {i}", sector="public", kind="municipality", area=comuni[i % 48]
        )
        for i in range(60)
    ]
    role = Role.objects.create(name="Referente", slug="referente")
    people = Person.objects.bulk_create([Person(name=f"Persona {i}") for i in range(members)])
    home = HomePage.objects.first()
    today = date.today()
    for n in range(networks):
        network = Network.objects.create(name=f"Rete {n:04d}", slug=f"rete-{n:04d}", kind="table")
        rules = [
            CompositionRule(network=network, kind="coverage", min_count=1),
            CompositionRule(network=network, kind="required_member", organisation=bodies[0]),
            CompositionRule(network=network, kind="required_role", role=role, min_count=2),
            CompositionRule(
                network=network, kind="quota", min_count=5, organisation_kind="association"
            ),
            CompositionRule(network=network, kind="expiry", days=60),
            CompositionRule(network=network, kind="attendance", absences=2, meetings=3),
        ]
        CompositionRule.objects.bulk_create(rules)
        # members skip the sub-area n % 6 so every network has coverage gaps
        seats = Membership.objects.bulk_create(
            Membership(
                network=network,
                person=people[m],
                role=role,
                on_behalf_of=bodies[m % 60] if (m % 60) % 6 != n % 6 else bodies[(m + 1) % 60],
                end_date=today + timedelta(days=m * 7 - 30),
            )
            for m in range(members)
        )
        for k in range(3):
            meeting = home.add_child(
                instance=MinutesPage(
                    title=f"Seduta {n}-{k}",
                    slug=f"seduta-{n}-{k}",
                    meeting_body=network,
                    meeting_date=today - timedelta(days=30 * k),
                )
            )
            Attendance.objects.bulk_create(
                Attendance(
                    meeting=meeting, membership=seat, status="absent" if i % 4 else "present"
                )
                for i, seat in enumerate(seats)
            )


def measure(function, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    best = None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = function()
            elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, len(queries.captured_queries), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10x20", "100x20", "300x50"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup(args.database_url or f"sqlite:///{tmp}/bench.sqlite3")
        from network.gaps import find_gaps
        from network.models import Network

        print(
            "| networks × members | engine, all at once | queries | gaps | baseline, one call per network | queries | ratio |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for size in args.sizes:
            networks, members = (int(x) for x in size.split("x"))
            build(networks, members)
            engine_time, engine_queries, gaps = measure(find_gaps, args.repeat)
            all_networks = list(Network.objects.all())

            def one_by_one(all_networks=all_networks):
                return [gap for n in all_networks for gap in find_gaps(networks=[n])]

            base_time, base_queries, base_gaps = measure(one_by_one, args.repeat)
            assert [g.as_dict() for g in gaps] == [g.as_dict() for g in base_gaps]
            print(
                f"| {networks} × {members} | {engine_time * 1000:.1f} ms | {engine_queries} | "
                f"{len(gaps)} | {base_time * 1000:.1f} ms | {base_queries} | "
                f"{base_time / engine_time:.1f}× |"
            )


if __name__ == "__main__":
    main()
