"""One writer process of tests/test_sqlite_concurrency.py: an editor publishing revisions of
a news item, or a coordinator adding memberships, as fast as it can, all starting at the
same instant. Prints one line per write it made; any exception ends it with status 1.

    python tests/concurrent_writer.py editor|coordinator NUMBER WRITES START_AT
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from cms.models import NewsPage  # noqa: E402
from network.membership_changes import create_membership  # noqa: E402
from network.models import Network, Person, Role  # noqa: E402


def main(kind, number, writes, start_at):
    while time.time() < start_at:
        time.sleep(0.001)
    if kind == "editor":
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username="redazione-concorrente")
        page = NewsPage.objects.get(slug=f"notizia-{number}")
        for write in range(writes):
            page.title = f"Notizia {number}, versione {write + 1}"
            page.save_revision(user=user).publish(user=user)
            print("ok")
    else:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username="coordinamento-concorrente")
        network = Network.objects.get(slug="tavolo-concorrente")
        role = Role.objects.get(slug="referente-concorrente")
        for write in range(writes):
            person = Person.objects.create(name=f"Persona {number}-{write}")
            create_membership(
                user, {"network_id": network.pk, "person_id": person.pk, "role_id": role.pk}
            )
            print("ok")


if __name__ == "__main__":
    kind, number, writes, start_at = sys.argv[1:5]
    main(kind, int(number), int(writes), float(start_at))
