"""The blank workbook: the model's guidance for a focus, with room for handwritten notes."""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from domains.focus import Focus
from domains.models import Cell

from .options import ALL_QUESTIONS, CORE_QUESTIONS
from .render import PdfMetadata, html_to_pdf, render_html
from .sources import cited_sources
from .versions import digest, layout_version, model_content_version


@dataclass(frozen=True)
class BlankWorkbook:
    focus: Focus
    paper: str
    language: str
    questions: str = ALL_QUESTIONS

    kind = "blank"

    @classmethod
    def from_params(cls, params):
        """The workbook a task was asked for (the inverse of ``params``)."""
        return cls(
            focus=Focus.from_slugs(params["domains"], params["stages"]),
            paper=params["paper"],
            language=params["language"],
            questions=params.get("questions", ALL_QUESTIONS),
        )

    @property
    def params(self):
        return {
            "domains": self.focus.domain_slugs,
            "stages": self.focus.stage_slugs,
            "paper": self.paper,
            "language": self.language,
            "questions": self.questions,
        }

    def cache_key(self):
        version = digest([model_content_version(self.language), layout_version(), self.params])
        return f"workbook:{self.kind}:{version}"

    @property
    def filename(self):
        parts = ["collaboration-model-workbook", *self.focus.domain_slugs, *self.focus.stage_slugs]
        if self.paper != "a4":
            parts.append(self.paper)
        if self.questions == CORE_QUESTIONS:
            parts.append("core-questions")
        return "-".join(parts) + ".pdf"

    def html(self):
        """The workbook as HTML, in its language, ready for ``html_to_pdf``."""
        with translation.override(self.language):
            cells = list(Cell.objects.for_page().in_focus(self.focus))
            metadata = PdfMetadata(
                title=_("Collaboration model workbook"),
                language=self.language,
                created=timezone.now(),
            )
            return render_html(
                "workbooks/blank.html",
                {
                    "cells": cells,
                    "domains": sorted({c.domain for c in cells}, key=lambda d: d.position),
                    "stages": sorted({c.stage for c in cells}, key=lambda s: s.position),
                    "focus_description": self.focus.description,
                    "core_only": self.questions == CORE_QUESTIONS,
                    "sources": cited_sources(cells),
                },
                metadata=metadata,
                paper=self.paper,
            )

    def render(self):
        return html_to_pdf(self.html())
