from django import forms
from django.utils.translation import gettext_lazy as _

from .scoring import SCALE

UNKNOWN = "unknown"
SCALE_LABELS = {
    1: _("1 · not at all"),
    2: _("2 · a little"),
    3: _("3 · partly"),
    4: _("4 · mostly"),
    5: _("5 · fully"),
}


def field_name(cell):
    return f"{cell.domain.slug}--{cell.stage.slug}"


class SelfCheckForm(forms.Form):
    """One rating per cell's statement, each optional: "don't know" and skipping both count as
    no rating."""

    def __init__(self, *args, cells, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = cells
        choices = [(str(score), SCALE_LABELS[score]) for score in SCALE]
        choices.append((UNKNOWN, _("Don't know")))
        for cell in cells:
            self.fields[field_name(cell)] = forms.ChoiceField(
                label=cell.statement,
                choices=choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-inline"}),
            )

    def answers(self):
        """Each cell with the rating given (None for "don't know" or no answer)."""
        return {
            cell: int(value) if (value := self.cleaned_data[field_name(cell)]).isdigit() else None
            for cell in self.cells
        }

    def bound_fields_by_domain(self):
        """(domain, [(cell, bound field)]) in the model's order."""
        groups = {}
        for cell in self.cells:
            groups.setdefault(cell.domain, []).append((cell, self[field_name(cell)]))
        return list(groups.items())
