"""A workbook's options besides the focus, read from the query like the focus is."""

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .render import DEFAULT_PAPER, PAPERS


def listed(choices):
    return ", ".join(f"{value} ({label})" for value, label in choices)


def option_field(label, choices, message):
    """A choice read from the query; ``message`` names a value it does not know, and the choices
    (listed when the message is shown, so in the page's language)."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": format_lazy(message, choices=lazy(listed, str)(choices))},
    )


class WorkbookOptionsForm(forms.Form):
    paper = option_field(
        _("Paper size"),
        [(name, paper.label) for name, paper in PAPERS.items()],
        _("“%(value)s” is not a paper size we print on. Choose from: {choices}."),
    )
    # The workbook's language, whatever the language on screen; the page's by default.
    lang = option_field(
        _("Language of the workbook"),
        settings.LANGUAGES,
        _("“%(value)s” is not a language we print in. Choose from: {choices}."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lang"].initial = get_language()

    def clean_paper(self):
        return self.cleaned_data["paper"] or DEFAULT_PAPER

    def clean_lang(self):
        return self.cleaned_data["lang"] or get_language()


ALL_QUESTIONS, CORE_QUESTIONS = "all", "core"


class BlankWorkbookOptionsForm(WorkbookOptionsForm):
    """The blank workbook's options: a workshop may print only each cell's core questions."""

    questions = option_field(
        _("Guiding questions"),
        [(ALL_QUESTIONS, _("All questions")), (CORE_QUESTIONS, _("Core questions only"))],
        _("“%(value)s” is not a choice of questions. Choose from: {choices}."),
    )

    def clean_questions(self):
        return self.cleaned_data["questions"] or ALL_QUESTIONS


INCLUDE_EMPTY, LEAVE_OUT_EMPTY = "include", "leave-out"
PAGE_PER_CELL, CONTINUOUS = "page-per-cell", "continuous"


class PartnershipWorkbookOptionsForm(WorkbookOptionsForm):
    """The blank workbook's options, and which cells to print and how to lay them out."""

    # Nothing recorded: no note, no question ticked, status "not started".
    empty = option_field(
        _("Cells with nothing recorded yet"),
        [(LEAVE_OUT_EMPTY, _("Leave them out")), (INCLUDE_EMPTY, _("Include them"))],
        _("“%(value)s” is not a choice for cells with nothing recorded. Choose from: {choices}."),
    )
    layout = option_field(
        _("Layout"),
        [(PAGE_PER_CELL, _("Each cell on a new page")), (CONTINUOUS, _("One cell after another"))],
        _("“%(value)s” is not a layout we print. Choose from: {choices}."),
    )
    self_assessment = forms.BooleanField(
        label=_("Include the latest self-assessment results"),
        help_text=_(
            "The median rating in each cell and where to start, from the latest closed round"
            " with results to show."
        ),
        required=False,
    )

    def clean_empty(self):
        return self.cleaned_data["empty"] or LEAVE_OUT_EMPTY

    def clean_layout(self):
        return self.cleaned_data["layout"] or PAGE_PER_CELL
