"""A workbook's options besides the focus, read from the query like the focus is."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .render import DEFAULT_PAPER, PAPERS


class WorkbookOptionsForm(forms.Form):
    paper = forms.ChoiceField(
        label=_("Paper size"),
        choices=[(name, paper.label) for name, paper in PAPERS.items()],
        required=False,
        error_messages={
            "invalid_choice": format_lazy(
                _("“%(value)s” is not a paper size we print on. Choose from: {choices}."),
                choices=", ".join(f"{name} ({paper.label})" for name, paper in PAPERS.items()),
            )
        },
    )

    def clean_paper(self):
        return self.cleaned_data["paper"] or DEFAULT_PAPER
