"""Rendering a workbook template to a tagged PDF (PDF/UA-1) with WeasyPrint.

Every workbook is made in two steps: ``render_html`` (a template, its context, the PDF's
metadata and paper size) and ``html_to_pdf``. The templates extend
``workbooks/pdf_base.html``, which writes the metadata where WeasyPrint reads it (title,
author, language, creation date) and links the print stylesheets, which WeasyPrint reads
through the static-files-only fetcher.
"""

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
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


class RenderTimedOut(BaseException):
    """The render took longer than ``settings.WORKBOOK_RENDER_SECONDS`` and was stopped.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` inside WeasyPrint
    can swallow it and carry on rendering."""


@contextmanager
def time_limit(seconds):
    """Raise ``RenderTimedOut`` in the block once ``seconds`` have passed. Works on the main
    thread, where the worker (``manage.py db_worker``) runs its tasks."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("Workbooks are rendered on a worker's main thread, with a time limit.")

    def stop(signum, frame):
        raise RenderTimedOut(f"The render took longer than {seconds} seconds.")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def document(html):
    """Workbook HTML as WeasyPrint reads it: its URLs reach the app's static files, nothing else."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())


def html_to_pdf(html):
    """Tagged PDF of workbook HTML, stopped with ``RenderTimedOut`` when it takes longer than
    the configured limit."""
    with time_limit(settings.WORKBOOK_RENDER_SECONDS):
        return document(html).write_pdf(pdf_variant=PDF_VARIANT)
