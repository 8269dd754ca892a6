"""SQLite under concurrent writers (WAL, IMMEDIATE transactions, busy timeout: see
cms/settings/base.py): editors publishing and coordinators changing memberships at the same
moment, in separate processes on one database file, never see "database is locked" and lose
no write. Runs on its own SQLite file whatever database the rest of the suite uses."""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITORS, COORDINATORS, WRITES = 3, 3, 15

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site
from cms.models import NewsIndexPage, NewsPage
from network.models import Network, Role

home = Site.objects.get(is_default_site=True).root_page
index = home.add_child(instance=NewsIndexPage(title="Notizie", slug="notizie"))
for number in range({editors}):
    page = index.add_child(instance=NewsPage(title=f"Notizia {{number}}", slug=f"notizia-{{number}}"))
    page.save_revision().publish()
editor = get_user_model().objects.create_user("redazione-concorrente", password="x-123-abc")
editor.groups.add(Group.objects.get(name="Moderatori"))
network = Network.objects.create(name="Tavolo concorrente", slug="tavolo-concorrente", kind="table")
Role.objects.create(name="Referente concorrente", slug="referente-concorrente")
coordinator = get_user_model().objects.create_user("coordinamento-concorrente", password="x-123-abc")
coordinator.groups.add(network.coordinators)
"""

CHECK = """
from cms.models import NewsPage
from network.models import Membership
print(Membership.objects.count())
print(sorted(page.revisions.count() for page in NewsPage.objects.all()))
"""


def manage(env, *args, code=None):
    command = [sys.executable, "manage.py", *args] + (["--no-imports", "-c", code] if code else [])
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_concurrent_editors_and_coordinators_lose_nothing(tmp_path):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path}/concorrenza.sqlite3",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "shell", code=SETUP.format(editors=EDITORS))

    start_at = time.time() + 3
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "tests/concurrent_writer.py",
                kind,
                str(n),
                str(WRITES),
                str(start_at),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for kind, count in (("editor", EDITORS), ("coordinator", COORDINATORS))
        for n in range(count)
    ]
    results = [(writer.wait(timeout=300), *writer.communicate()) for writer in writers]

    for status, out, err in results:
        assert "database is locked" not in err
        assert status == 0, err[-2000:]
        assert out.split() == ["ok"] * WRITES
    memberships, revisions = manage(env, "shell", code=CHECK).strip().splitlines()[-2:]
    assert int(memberships) == COORDINATORS * WRITES
    # one revision at creation, then one per write of each editor
    assert revisions.strip() == str([1 + WRITES] * EDITORS)
