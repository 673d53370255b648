"""Rendering a workbook can read the app's static files and nothing else."""

import pytest
from django.templatetags.static import static
from weasyprint import HTML

from workbooks.fetcher import BASE_URL, RefusedURL, StaticFilesFetcher
from workbooks.render import html_to_pdf

from .pdf import read


def hostile_html(origin):
    """Every way HTML and CSS can name a URL, pointed at the outside server and at files."""
    return f"""<!doctype html><html lang="en"><head><title>t</title>
    <link rel="stylesheet" href="{origin}/link.css">
    <link rel="attachment" href="{origin}/attachment.txt">
    <link rel="stylesheet" href="file:///etc/passwd">
    <style>
      @import url("{origin}/import.css");
      @import "{origin.replace("http:", "")}/protocol-relative.css";
      body {{ background-image: url({origin}/background.png); }}
      @font-face {{ font-family: Outside; src: url({origin}/font.woff2); }}
      p {{ font-family: Outside; list-style-image: url({origin}/bullet.png); }}
    </style></head><body>
    <p>Text</p>
    <img src="{origin}/img.png" alt="">
    <img src="/static/../collabmodel/settings.py" alt="">
    <object data="{origin}/object.svg"></object>
    <embed src="{origin}/embed.svg">
    <svg width="10" height="10"><image href="{origin}/svg-image.png" width="10" height="10"/></svg>
    <a href="{origin}/link-only">a link is only a link, never fetched</a>
    </body></html>"""


def test_a_render_sends_no_request_to_any_outside_url(outside_server):
    origin, received = outside_server
    pdf = html_to_pdf(hostile_html(origin))
    assert read(pdf).pages
    assert received == []


def test_without_the_fetcher_the_same_html_reaches_the_server(outside_server):
    """The control: WeasyPrint's own fetcher does fetch these URLs, so the test above bites."""
    origin, received = outside_server
    HTML(string=hostile_html(origin), base_url=origin).write_pdf()
    assert {"/link.css", "/import.css", "/img.png", "/background.png"} <= set(received)


def test_static_stylesheets_are_served(settings):
    fetched = StaticFilesFetcher().fetch(BASE_URL + static("workbooks/paper-letter.css")[1:])
    assert fetched.read().startswith(b"@page { size: letter; }\n")
    assert fetched.content_type == "text/css"
    html = f'<html lang="en"><link rel="stylesheet" href="{static("workbooks/paper-letter.css")}">'
    box = read(html_to_pdf(html)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/static/workbooks/workbook.css",
        "https://example.org/static/workbooks/workbook.css",
        "http://workbook.invalid/static/workbooks/workbook.css",
        BASE_URL + "static/workbooks/workbook.css?x=1",
        BASE_URL + "static/../collabmodel/settings.py",
        BASE_URL + "static/%2e%2e/collabmodel/settings.py",
        BASE_URL + "static/workbooks/missing.css",
        BASE_URL + "static/js/site.js",
        BASE_URL + "admin/",
        "file:///etc/passwd",
        "data:text/css,body{color:red}",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(RefusedURL):
        StaticFilesFetcher().fetch(url)
