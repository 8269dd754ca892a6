"""`manage.py backup DIR` and `restore ARCHIVE`: an archive restored into an empty database
gives back every row (same dump, same counts) and every media file (same checksums)."""

import hashlib
import io
import re
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from cms.backup import BackupError, dump_data, read_manifest, restore, row_counts
from cms.models import NewsPage
from network.models import Membership
from tests.factories import DocumentFactory, NewsPageFactory
from tests.registry_factories import MembershipFactory, NetworkFactory

# restore empties the database with flush: it needs real transactions on PostgreSQL, and
# the migrations' rows (home page, groups) are put back after each test
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def content(home, news_index):
    document = DocumentFactory(title="Regolamento")
    news = NewsPageFactory(parent=news_index, title="Nuove soglie ISEE")
    MembershipFactory(network=NetworkFactory(name="Tavolo SIA", slug="tavolo-sia"))
    return {"document": document, "news": news}


def comparable(dump: bytes) -> bytes:
    """Django's JSON keeps times to the millisecond: a time with fewer than 1,000
    microseconds is written "….000" before the backup and without a fraction after it."""
    return re.sub(rb"\.000(?=Z|[+-]\d\d:|\")", b"", dump)


def media_checksums():
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def make_backup(tmp_path):
    out = io.StringIO()
    call_command("backup", str(tmp_path / "archivi"), stdout=out)
    (archive,) = (tmp_path / "archivi").glob("udp-backup-*.tar.gz")
    assert str(archive) in out.getvalue()
    return archive


def test_an_archive_restored_into_an_empty_database_gives_everything_back(content, tmp_path):
    before, files = dump_data(), media_checksums()
    assert files  # the document's file
    archive = make_backup(tmp_path)

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()
    assert NewsPage.objects.count() == 0

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)

    assert comparable(dump_data()) == comparable(before)
    assert row_counts(dump_data()) == read_manifest(archive)["rows"]
    assert media_checksums() == files
    assert "impronte controllate" in out.getvalue()
    # The site works on the restored data: search index rebuilt, new rows get new keys.
    news = NewsPage.objects.get(title="Nuove soglie ISEE")
    assert news.live
    NewsPageFactory(parent=news.get_parent(), title="Dopo il ripristino")
    assert Membership.objects.count() == 1


def test_a_database_with_content_is_refused_without_force(content, tmp_path):
    archive = make_backup(tmp_path)

    with pytest.raises(CommandError, match="contiene già"):
        call_command("restore", str(archive))

    content["news"].title = "Titolo cambiato dopo il backup"
    content["news"].save()
    restore(archive, force=True)
    assert NewsPage.objects.get(pk=content["news"].pk).title == "Nuove soglie ISEE"


def test_a_damaged_or_missing_archive_changes_nothing(content, tmp_path):
    archive = make_backup(tmp_path)
    before = dump_data()
    damaged = tmp_path / "rovinato.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "data.json":
                data = data.replace(b"Nuove soglie ISEE", b"Nuove soglie IRPEF")
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    garbage = tmp_path / "non-un-archivio.tar.gz"
    garbage.write_bytes(b"non sono un archivio")

    with pytest.raises(BackupError, match="impronta"):
        restore(damaged, force=True)
    with pytest.raises(BackupError, match="non è leggibile"):
        restore(garbage, force=True)
    with pytest.raises(BackupError, match="non esiste"):
        restore(tmp_path / "nessuno.tar.gz", force=True)
    assert dump_data() == before
