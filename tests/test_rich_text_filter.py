"""Our ``rich_text`` filter gives the HTML of Wagtail's ``richtext``, links expanded."""

import pytest
from wagtail.rich_text import RichText
from wagtail.templatetags.wagtailcore_tags import richtext

from cms.templatetags.cms_tags import rich_text
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_the_html_is_wagtail_s_with_page_and_document_links_expanded(home):
    document = DocumentFactory()
    source = (
        f'<p>Vedi la <a linktype="page" id="{home.pk}">home</a> e il '
        f'<a linktype="document" id="{document.pk}">bando</a> &amp; altro.</p>'
    )

    ours = rich_text(source)

    assert ours == richtext(source)
    assert 'linktype="page"' not in ours
    assert f'href="{home.url}"' in ours
    assert f"/documents/{document.pk}/" in ours


def test_empty_values_and_richtext_objects_pass_through():
    value = RichText("<p>già pronto</p>")

    assert rich_text("") == ""
    assert rich_text(None) == ""
    assert rich_text(value) is value
