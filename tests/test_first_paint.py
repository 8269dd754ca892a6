"""What a phone must fetch before it paints a public page (docs/benchmarks.md, Lighthouse):
no script holds the first paint, and the fonts of the first screen are asked for with the
stylesheet instead of one round trip after it."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def tags(html, name):
    return re.findall(rf"<{name}\b[^>]*>", html, flags=re.IGNORECASE)


def test_no_script_of_a_public_page_blocks_the_first_paint(client, home, news_index):
    for url in ("/", NewsPageFactory(parent=news_index).url, "/segnala-disservizio/"):
        scripts = [tag for tag in tags(client.get(url).content.decode(), "script") if "src=" in tag]

        assert scripts, url
        for tag in scripts:
            assert re.search(r"\s(defer|async)[\s>]", tag), f"{url}: {tag}"


def test_the_preloaded_fonts_are_the_kits_own_and_are_used_by_the_stylesheet(client, home):
    html = client.get("/").content.decode()
    preloads = [tag for tag in tags(html, "link") if 'rel="preload"' in tag and 'as="font"' in tag]
    site_css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")

    names = [re.search(r'href="/static/([^"]+)"', tag).group(1) for tag in preloads]
    assert any(name.endswith("latin-300.woff2") for name in names)  # the page description
    for name in names:
        assert finders.find(name), name
        assert name.rsplit("/", 1)[-1] in site_css, name
