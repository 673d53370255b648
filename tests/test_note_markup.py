"""User text never becomes live HTML or script: formatting yes, markup no."""

import pytest
from bs4 import BeautifulSoup

from notes.markup import render_note

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src='https://evil.example'></iframe>",
    "<a href='javascript:alert(1)'>click</a>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    "<div style='background:url(javascript:alert(1))'>x</div>",
    "![tracker](https://evil.example/pixel.png)",
    "<style>body{display:none}</style>",
    "<form action='https://evil.example'><button>go</button></form>",
    "<p onclick=alert(1)>hi</p>",
    "<<script>script>alert(1)<</script>/script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>` in code is fine",
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "<object data='https://evil.example/x.swf'></object>",
    "<base href='https://evil.example/'>",
    "<meta http-equiv='refresh' content='0;url=https://evil.example'>",
]

ALLOWED = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr",
           "h3", "h4", "h5", "h6"}  # fmt: skip


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_renders_inert(payload):
    """Whatever was typed, the browser gets only formatting tags and safe links."""
    tree = BeautifulSoup(render_note(payload), "html.parser")
    for element in tree.find_all(True):
        assert element.name in ALLOWED, (payload, element)
        allowed_attributes = {"href", "title", "rel"} if element.name == "a" else set()
        assert set(element.attrs) <= allowed_attributes, (payload, element)
        if "href" in element.attrs:
            assert element["href"].startswith(("https://", "http://", "mailto:")), payload


def test_typed_html_is_shown_as_text_not_dropped():
    html = render_note("We agreed <b>not</b> to use <script> tags.")
    assert "&lt;b&gt;not&lt;/b&gt;" in html
    assert "&lt;script&gt;" in html


def test_light_formatting_is_kept():
    html = render_note(
        "## Agreed\n\nWe **meet** every *second* Tuesday.\n\n"
        "- minutes by Ana\n- agenda by Jonas\n\n1. first\n2. second\n\n"
        "> quote\n\nSee [the plan](https://example.org/plan) or [mail](mailto:a@example.org)."
    )
    assert "<h4>Agreed</h4>" in html
    assert "<strong>meet</strong>" in html
    assert "<em>second</em>" in html
    assert "<ul>\n<li>minutes by Ana</li>" in html
    assert "<ol>" in html
    assert "<blockquote>" in html
    assert (
        '<a href="https://example.org/plan" rel="noopener noreferrer nofollow">the plan</a>' in html
    )
    assert 'href="mailto:a@example.org"' in html


def test_a_dangerous_link_keeps_its_words_but_loses_its_target():
    html = render_note("[open the plan](javascript:alert(1))")
    assert "open the plan" in html
    assert "href" not in html


def test_headings_start_below_the_page_headings():
    assert render_note("# Big") == "<h3>Big</h3>"
    assert render_note("##### Small") == "<h6>Small</h6>"


def test_letters_of_the_baltic_sea_region_survive():
    letters = "ą ę ł ń ś ź ż ā ē ī ķ ļ ņ š ž ė į ų ū õ ä ö ü å æ ø ß"
    assert letters in render_note(letters)
