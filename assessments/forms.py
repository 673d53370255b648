from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from domains.focus import Focus, domains_field, stages_field
from domains.models import Domain, Stage

from .models import ANONYMOUS_MINIMUM, COMMENT_MAX_LENGTH, Mode, Round
from .scoring import RATING_CHOICES, score

MAX_ROUND_DAYS = 365


def field_name(cell):
    return f"{cell.domain.slug}--{cell.stage.slug}"


class SelfCheckForm(forms.Form):
    """One rating per cell's statement, each optional: "don't know" and skipping both count as
    no rating."""

    def __init__(self, *args, cells, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = cells
        for cell in cells:
            self.fields[field_name(cell)] = forms.ChoiceField(
                label=cell.statement,
                choices=RATING_CHOICES,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-inline"}),
            )

    def answers(self):
        """Each cell with the rating given (None for "don't know" or no answer)."""
        return {cell: score(self.cleaned_data[field_name(cell)]) for cell in self.cells}

    def bound_fields_by_domain(self):
        """(domain, [(cell, bound field)]) in the model's order."""
        groups = {}
        for cell in self.cells:
            groups.setdefault(cell.domain, []).append((cell, self[field_name(cell)]))
        return list(groups.items())


class RoundForm(forms.ModelForm):
    """Opening a round: its title, focus, closing date and mode."""

    domains = domains_field()
    stages = stages_field()
    mode = forms.ChoiceField(label=_("Mode"), initial=Mode.ANONYMOUS, widget=forms.RadioSelect)

    class Meta:
        model = Round
        fields = ["title", "domains", "stages", "closes_on", "mode"]
        widgets = {"closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "title": _("For example “Spring 2027” or “Before the kick-off meeting”."),
            "closes_on": _(
                "Members can answer and change their answers until the end of this day."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].choices = [(d.slug, d.name) for d in Domain.objects.all()]
        self.fields["stages"].choices = [(s.slug, s.name) for s in Stage.objects.all()]
        self.fields["closes_on"].initial = timezone.localdate() + timedelta(days=14)
        self.fields["mode"].choices = [
            (
                Mode.ANONYMOUS,
                ngettext(
                    "Anonymous: results only once the round has closed and at least %(minimum)d "
                    "member has answered; nobody sees who answered what",
                    "Anonymous: results only once the round has closed and at least %(minimum)d "
                    "members have answered; nobody sees who answered what",
                    ANONYMOUS_MINIMUM,
                )
                % {"minimum": ANONYMOUS_MINIMUM},
            ),
            (
                Mode.NAMED,
                _(
                    "Named, for small groups: results show who answered what, and members are "
                    "told so before they answer"
                ),
            ),
        ]

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        today = timezone.localdate()
        if closes_on < today:
            raise forms.ValidationError(_("Choose today or a later day."))
        if closes_on > today + timedelta(days=MAX_ROUND_DAYS):
            raise forms.ValidationError(_("Choose a day within a year from today."))
        return closes_on

    @property
    def focus(self):
        return Focus.from_slugs(self.cleaned_data["domains"], self.cleaned_data["stages"])


class AnswerForm(forms.Form):
    """A member's answers to some statements of a round: a rating and a comment each, both
    optional, so partly answered pages save too."""

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = statements
        for statement in statements:
            self.fields[f"rating-{statement.pk}"] = forms.ChoiceField(
                label=statement.text,
                choices=RATING_CHOICES,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-inline"}),
            )
            self.fields[f"comment-{statement.pk}"] = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @classmethod
    def initial_from(cls, answers):
        initial = {}
        for answer in answers:
            initial[f"rating-{answer.statement_id}"] = answer.rating
            initial[f"comment-{answer.statement_id}"] = answer.comment
        return initial

    def answers(self):
        """{statement id: (rating, comment)} for every statement of the form."""
        return {
            statement.pk: (
                self.cleaned_data[f"rating-{statement.pk}"],
                self.cleaned_data[f"comment-{statement.pk}"].strip(),
            )
            for statement in self.statements
        }

    def items(self):
        """(statement, rating field, comment field) in order."""
        return [
            (statement, self[f"rating-{statement.pk}"], self[f"comment-{statement.pk}"])
            for statement in self.statements
        ]
