"""imports/richtext.py: old Blogger HTML becomes Wagtail rich text."""

import pytest

from imports.richtext import clean_html, image_label, plain_text_to_html


def html(source, **kwargs):
    return clean_html(source, **kwargs).html


def test_br_runs_become_paragraphs_and_a_single_br_a_line_break():
    assert html("Uno<br>due<br /><br/>tre<br><br><br>quattro") == (
        "<p>Uno<br/>due</p><p>tre</p><p>quattro</p>"
    )


def test_leading_and_trailing_breaks_and_empty_blocks_are_dropped():
    assert html("<br><br><div> </div><p></p>Testo<br><br>") == "<p>Testo</p>"


def test_bold_and_italic_carry_over_a_paragraph_break():
    assert html("<b>uno<br><br>due</b> tre") == "<p><b>uno</b></p><p><b>due</b> tre</p>"


def test_kept_tags_are_normalised_and_the_rest_unwrapped():
    assert (
        html(
            '<h1>Titolo</h1><p style="color:red" class="x">A <span style="x">B</span> '
            "<strong>C</strong> <em>D</em> <u>E</u> <font size=3>F</font></p><h5>Nota</h5>"
        )
        == "<h2>Titolo</h2><p>A B <b>C</b> <i>D</i> E F</p><h4>Nota</h4>"
    )


def test_scripts_styles_and_forms_disappear_with_their_content():
    assert html(
        "<style>p{color:red}</style>Prima<script>alert('x')</script> dopo"
        "<form><input name=q>Cerca</form><noscript>js</noscript>"
    ) == ("<p>Prima dopo</p>")


def test_lists_keep_their_items_and_ignore_breaks_between_them():
    assert html("Intro<ul><li>Uno</li><br /><li>Due</li></ul><ol><li>Tre</li></ol>") == (
        "<p>Intro</p><ul><li>Uno</li><li>Due</li></ul><ol><li>Tre</li></ol>"
    )


def test_nested_lists_stay_inside_their_item():
    assert html("<ul><li>A<ul><li>B</li></ul></li><li>C</li></ul>") == (
        "<ul><li>A<ul><li>B</li></ul></li><li>C</li></ul>"
    )


def test_links_keep_only_a_safe_address():
    assert html(
        '<a href="http://example.org/x?a=1&amp;b=2" target="_blank" onclick="x()">sito</a> '
        '<a href="javascript:alert(1)">male</a> <a href="mailto:udp@example.org">scrivi</a>'
        ' <a name="ancora">ancora</a>'
    ) == (
        '<p><a href="http://example.org/x?a=1&amp;b=2">sito</a> male '
        '<a href="mailto:udp@example.org">scrivi</a> ancora</p>'
    )


def test_an_image_becomes_a_link_to_it_named_by_its_alt_text_and_is_counted():
    result = clean_html('Foto: <img src="//1.bp.blogspot.com/a/s320/foto%20uno.jpg" alt="Sede">')
    assert result.html == (
        '<p>Foto: <a href="https://1.bp.blogspot.com/a/s320/foto%20uno.jpg">Immagine: Sede</a></p>'
    )
    assert result.images == 1


def test_an_image_inside_a_link_becomes_the_text_of_that_link():
    result = clean_html(
        '<div class="separator"><a href="https://x.bp.blogspot.com/s1600/firme.jpg">'
        '<img src="https://x.bp.blogspot.com/s320/firme.jpg"></a></div>'
    )
    assert result.html == (
        '<p><a href="https://x.bp.blogspot.com/s1600/firme.jpg">Immagine: firme.jpg</a></p>'
    )
    assert result.images == 1


def test_an_embedded_frame_becomes_a_link_and_its_fallback_text_goes():
    result = clean_html('<iframe src="https://www.youtube.com/embed/abc">Non supportato</iframe>')
    assert result.html == (
        '<p><a href="https://www.youtube.com/embed/abc">'
        "Contenuto incorporato: https://www.youtube.com/embed/abc</a></p>"
    )
    assert result.embeds == 1


def test_a_link_to_an_imported_page_becomes_an_internal_link():
    result = clean_html(
        '<a href="http://blog.example/2017/01/a.html">a</a> <a href="http://altro.example/">b</a>',
        page_for_link=lambda href: 42 if href.endswith("/a.html") else None,
    )
    assert result.html == (
        '<p><a linktype="page" id="42">a</a> <a href="http://altro.example/">b</a></p>'
    )


def test_text_is_escaped_and_entities_decoded():
    assert html("5 &lt; 6 &amp; &quot;citato&quot; &egrave; <b>&#39;ok&#39;</b>") == (
        "<p>5 &lt; 6 &amp; \"citato\" è <b>'ok'</b></p>"
    )


def test_the_plain_text_has_one_block_a_line():
    assert clean_html("Uno<br><br>Due<ul><li>Tre</li></ul>").text == "Uno\nDue\nTre"


def test_badly_nested_markup_still_gives_well_formed_output():
    assert html("<b><i>uno</b> due</i> <p>tre</b></p>") == "<p><b><i>uno</i></b> due</p><p>tre</p>"


@pytest.mark.parametrize("source", ["", None, "   ", "<br><br>", "<!--more-->"])
def test_nothing_gives_empty_rich_text(source):
    assert html(source) == ""


def test_plain_text_bodies_become_escaped_paragraphs():
    result = plain_text_to_html("Primo <paragrafo>\n\nSecondo\nsulla stessa riga")
    assert result.html == "<p>Primo &lt;paragrafo&gt;</p><p>Secondo sulla stessa riga</p>"


def test_image_label_falls_back_to_the_file_name():
    assert image_label("https://x.example/a/b/c%C3%A0sa.png") == "Immagine: càsa.png"
    assert image_label("https://x.example/a.png", "  Logo  del   comune ") == (
        "Immagine: Logo del comune"
    )
