"""The partnership workbook: its notes, ticks and progress on each cell of a focus, to print."""

import datetime
import re
from dataclasses import dataclass
from html import unescape

from django.utils import timezone, translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from assessments.results import latest_closed_results
from domains.focus import Focus
from domains.models import Cell
from notes.markup import saved_html
from notes.models import NoteStatus
from notes.progress import with_progress
from partnerships.models import Membership, Partnership

from .options import CONTINUOUS, LEAVE_OUT_EMPTY, PartnershipWorkbookOptionsForm
from .render import PdfMetadata, html_to_pdf, render_html
from .sources import cited_sources
from .versions import (
    assessment_version,
    digest,
    layout_version,
    model_content_version,
    partnership_version,
)

# A link as notes/markup.py stores it (sanitised by nh3: one href, quoted; no link in a link).
LINK = re.compile(r'<a href="(?P<href>[^"]*)"[^>]*>(?P<words>.*?)</a>', re.DOTALL)


def with_addresses(html):
    """A note's HTML with each link's address printed after its words, unless they say it."""

    def add_address(link):
        address = unescape(link["href"]).removeprefix("mailto:")
        if unescape(strip_tags(link["words"])).strip() in {address, unescape(link["href"])}:
            return link[0]
        return f'{link[0]} <span class="address">({escape(address)})</span>'

    return mark_safe(LINK.sub(add_address, html))  # noqa: S308 (sanitised, the address escaped)


def worked_on(cell):
    """Whether the partnership has recorded anything on the cell: a note, a tick or a status."""
    return bool(
        cell.note.text.strip() or cell.discussed or cell.note.status != NoteStatus.NOT_STARTED
    )


@dataclass(frozen=True)
class PartnershipWorkbook:
    partnership: Partnership
    focus: Focus
    paper: str
    empty: str
    layout: str
    language: str
    printed: datetime.date
    self_assessment: bool = False

    kind = "partnership"

    @classmethod
    def from_params(cls, params):
        """The workbook a task was asked for (the inverse of ``params``)."""
        return cls(
            partnership=Partnership.objects.get(pk=params["partnership"]),
            focus=Focus.from_slugs(params["domains"], params["stages"]),
            paper=params["paper"],
            empty=params["empty"],
            layout=params["layout"],
            language=params["language"],
            printed=datetime.date.fromisoformat(params["printed"]),
            self_assessment=params.get("self_assessment", False),  # queued before the option
        )

    @classmethod
    def default(cls, partnership, language):
        """The workbook "Print" gives with no options chosen: the whole model, printed today."""
        options = PartnershipWorkbookOptionsForm({"lang": language})
        options.full_clean()
        return cls(
            partnership=partnership,
            focus=Focus(),
            language=options.cleaned_data.pop("lang"),
            printed=timezone.localdate(),
            **options.cleaned_data,
        )

    @property
    def params(self):
        return {
            "partnership": self.partnership.pk,
            "domains": self.focus.domain_slugs,
            "stages": self.focus.stage_slugs,
            "paper": self.paper,
            "empty": self.empty,
            "layout": self.layout,
            "language": self.language,
            "printed": self.printed.isoformat(),
            "self_assessment": self.self_assessment,
        }

    def cache_key(self):
        version = digest(
            [
                model_content_version(self.language),
                partnership_version(self.partnership, self.focus),
                layout_version(),
                self.self_assessment and assessment_version(self.assessment()),
                self.params,
            ]
        )
        return f"workbook:{self.kind}:{version}"

    @property
    def filename(self):
        name = slugify(self.partnership.name) or "partnership"
        return f"{name}-workbook-{self.printed.isoformat()}.pdf"

    @property
    def page_per_cell(self):
        return self.layout != CONTINUOUS

    def cells(self):
        """The focus's cells, each with the partnership's note (saved or not) and its ticks."""
        cells = with_progress(
            self.partnership, Cell.objects.for_page().in_focus(self.focus), texts=True
        )
        for cell in cells:
            cell.note_html = with_addresses(saved_html(cell.note))
        return cells

    def assessment(self):
        """The results the workbook prints when asked to (None: no closed round shows any)."""
        return latest_closed_results(self.partnership)

    def printed_cells(self, cells):
        """The cells to print: all, or those the partnership has recorded something on."""
        if self.empty == LEAVE_OUT_EMPTY:
            return [cell for cell in cells if worked_on(cell)]
        return cells

    def html(self):
        """The workbook as HTML, in its language, ready for ``html_to_pdf``."""
        with translation.override(self.language):
            cells = self.cells()
            printed = self.printed_cells(cells)
            metadata = PdfMetadata(
                title=_("%(name)s — workbook") % {"name": self.partnership.name},
                language=self.language,
                created=timezone.now(),
            )
            return render_html(
                "workbooks/partnership.html",
                {
                    "workbook": self,
                    "partnership": self.partnership,
                    "members": Membership.objects.for_members_page(self.partnership),
                    "cells": printed,
                    "left_out": len(cells) - len(printed),
                    "sources": cited_sources(printed),
                    "self_assessment": self.self_assessment,
                    "results": self.self_assessment and self.assessment(),
                    "running_header": self.partnership.name,
                },
                metadata=metadata,
                paper=self.paper,
            )

    def render(self):
        return html_to_pdf(self.html())
