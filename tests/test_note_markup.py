"""User text never becomes live HTML or script: formatting yes, markup no."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup

from notes import markup
from notes.markup import NESTING_LIMIT, render_note

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
    assert "<h3>Agreed</h3>" in html
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


def test_headings_start_below_the_page_headings_and_skip_no_level():
    assert render_note("# Big") == "<h3>Big</h3>\n"
    assert render_note("##### Small") == "<h3>Small</h3>\n"
    assert render_note("## Plan\n\n#### Who\n\n## Risks") == (
        "<h3>Plan</h3>\n<h4>Who</h4>\n<h3>Risks</h3>\n"
    )
    assert render_note("# 1\n## 2\n### 3\n#### 4\n##### 5") == (
        "<h3>1</h3>\n<h4>2</h4>\n<h5>3</h5>\n<h6>4</h6>\n<h6>5</h6>\n"
    )


def test_headings_skip_no_level_of_the_page_s_outline():
    html = render_note("## A\n\n#### B\n\n###### C\n\n## D\n\n### E\n\n# F\n\n### G")
    levels = [line[:4] for line in html.splitlines()]
    assert levels == ["<h3>", "<h4>", "<h5>", "<h3>", "<h4>", "<h3>", "<h4>"]
    deep = render_note("\n\n".join(f"{'#' * (n % 6 + 1)} {n}" for n in range(12)))
    assert max(int(line[2]) for line in deep.splitlines()) == 6


def test_letters_of_the_baltic_sea_region_survive():
    letters = "ą ę ł ń ś ź ż ā ē ī ķ ļ ņ š ž ė į ų ū õ ä ö ü å æ ø ß"
    assert letters in render_note(letters)


def test_lists_indented_by_two_spaces_nest():
    tree = BeautifulSoup(render_note("- plan\n  - budget\n  - rooms\n- act"), "html.parser")
    assert [item.get_text() for item in tree.select("ul > li > ul > li")] == ["budget", "rooms"]
    assert len(tree.select("ul > li")) == 4


def test_an_image_shows_its_description_and_is_never_loaded():
    html = render_note("See ![the map of the walking routes](https://example.org/map.png).")
    assert "the map of the walking routes" in html
    assert "<img" not in html
    assert "example.org" not in html


@pytest.mark.parametrize(
    "target",
    ["https://example.org/plan", "http://example.org/plan", "mailto:ana@example.org",
     "HTTPS://EXAMPLE.ORG/PLAN"],
)  # fmt: skip
def test_absolute_web_and_mail_links_keep_their_target(target):
    anchor = BeautifulSoup(render_note(f"[the plan]({target})"), "html.parser").find("a")
    assert (anchor.get_text(), anchor["href"]) == ("the plan", target)
    assert anchor["rel"] == ["noopener", "noreferrer", "nofollow"]


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "/partnerships/", "plan.html", "#top", "http:plan", "ftp://x"]
)
def test_relative_and_protocol_relative_links_keep_their_words_only(target):
    html = render_note(f"Read [the plan]({target}) first, or <{target}>.")
    assert "Read the plan first" in html
    assert "href" not in html


@pytest.mark.parametrize("target", ["//evil.example/x", "/partnerships/", "#top", "http:x"])
def test_the_sanitiser_alone_drops_a_relative_link_the_parser_let_through(target):
    """Were the parser ever to pass such a link on, nh3 would still take away its target."""
    with mock.patch.object(markup.PARSER, "render", return_value=f'<a href="{target}">x</a>'):
        assert render_note("anything") == '<a rel="noopener noreferrer nofollow">x</a>'


def depth(html):
    """How deeply lists and block quotes are nested in ``html``."""
    containers = BeautifulSoup(html, "html.parser").find_all(["ul", "ol", "blockquote"])
    return max(
        (len(element.find_parents(["ul", "ol", "blockquote"])) + 1 for element in containers),
        default=0,
    )


def nested(levels, words):
    """``words`` in ``levels`` of lists and quotes, one inside the other, on one line."""
    return "".join("> " if level % 2 else "- " for level in range(levels)) + words


def indented_list(levels):
    return "\n".join("  " * level + f"- point {level + 1}" for level in range(levels))


def test_lists_and_quotes_nest_up_to_the_limit():
    assert depth(render_note(nested(NESTING_LIMIT, "deep down"))) == NESTING_LIMIT
    html = render_note(indented_list(NESTING_LIMIT))
    assert depth(html) == NESTING_LIMIT
    assert f"point {NESTING_LIMIT}</li>" in html
    assert depth(render_note("- " * NESTING_LIMIT + "deep down")) == NESTING_LIMIT
    assert "deep down" in render_note("- " * NESTING_LIMIT + "deep down")
    assert depth(render_note(">" * NESTING_LIMIT + " quoted")) == NESTING_LIMIT


@pytest.mark.parametrize("levels", [11, 50, 80])
def test_deeper_lists_and_quotes_are_flattened_and_their_words_kept(levels):
    html = render_note(nested(levels, "deep down") + "\n\nAfter the nesting.")
    assert depth(html) == NESTING_LIMIT
    assert "deep down" in html
    assert "<p>After the nesting.</p>" in html

    html = render_note(indented_list(levels) + "\n\nAfter the list.")
    assert depth(html) == NESTING_LIMIT
    text = BeautifulSoup(html, "html.parser").get_text()
    assert all(f"point {level + 1}" in text for level in range(levels))
    assert "<p>After the list.</p>" in html

    html = render_note(">" * levels + " quoted\n\nAfter the quote.")
    assert (depth(html), "quoted" in html) == (NESTING_LIMIT, True)
    assert "<p>After the quote.</p>" in html


def test_emphasis_inside_emphasis_is_flattened_and_its_words_kept():
    tree = BeautifulSoup(render_note("*" * 1000 + "loud" + "*" * 1000), "html.parser")
    assert tree.get_text().strip() == "loud"
    assert len(tree.find(string="loud").find_parents(["em", "strong"])) == NESTING_LIMIT
