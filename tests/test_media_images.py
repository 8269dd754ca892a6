"""`make run` serves image files itself (SERVE_MEDIA=1), never documents (cms/views.py)."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings):
    root = Path(settings.MEDIA_ROOT)
    for folder, name, content in (
        ("original_images", "logo.png", b"\x89PNG\r\n\x1a\nimmagine"),
        ("documents", "riservato.pdf", b"%PDF-1.4 riservato"),
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / name).write_bytes(content)
    return root


def test_an_image_file_is_served_with_nosniff_when_media_serving_is_on(client, media, settings):
    settings.SERVE_MEDIA = True

    response = client.get("/media/original_images/logo.png")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_documents_are_never_served_from_media(client, media, settings):
    settings.SERVE_MEDIA = True

    assert client.get("/media/documents/riservato.pdf").status_code == 404
    assert client.get("/media/original_images/../documents/riservato.pdf").status_code == 404


def test_nothing_is_served_from_media_when_media_serving_is_off(client, media, settings):
    settings.SERVE_MEDIA = False

    assert client.get("/media/original_images/logo.png").status_code == 404
