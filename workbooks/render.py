"""Rendering a workbook template to a tagged PDF (PDF/UA-1) with WeasyPrint.

Every workbook is made in two steps: ``render_html`` (a template, its context, the PDF's
metadata and paper size) and ``html_to_pdf``. The templates extend
``workbooks/pdf_base.html``, which writes the metadata where WeasyPrint reads it (title,
author, language, creation date) and links the print stylesheets, which WeasyPrint reads
through the static-files-only fetcher.
"""

from dataclasses import dataclass
from datetime import datetime

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

from .fetcher import BASE_URL, StaticFilesFetcher

AUTHOR = _("Collaboration workbook")


@dataclass(frozen=True)
class Paper:
    label: str
    stylesheet: str


PAPERS = {
    "a4": Paper(_("A4"), "workbooks/paper-a4.css"),
    "letter": Paper(_("US Letter"), "workbooks/paper-letter.css"),
}
DEFAULT_PAPER = "a4"


@dataclass(frozen=True)
class PdfMetadata:
    title: str
    language: str
    created: datetime
    author: str = AUTHOR


def page_label_parts():
    """'Page X of Y' as the text before X, between X and Y and after Y, in any language."""
    label = str(_("Page %(page)s of %(pages)s"))
    before, rest = label.split("%(page)s")
    between, after = rest.split("%(pages)s")
    return {"before": before, "between": between, "after": after}


def render_html(template_name, context, *, metadata, paper=DEFAULT_PAPER):
    """The workbook's HTML, in the active language (the caller sets it)."""
    return render_to_string(
        template_name,
        {**context, "metadata": metadata, "paper": PAPERS[paper], "page_label": page_label_parts()},
    )


PDF_VARIANT = "pdf/ua-1"  # tagged, for screen readers


def document(html):
    """Workbook HTML as WeasyPrint reads it: its URLs reach the app's static files, nothing else."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())


def html_to_pdf(html):
    """Tagged PDF of workbook HTML."""
    return document(html).write_pdf(pdf_variant=PDF_VARIANT)
