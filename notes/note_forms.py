"""Forms of a partnership's cell page: the note, its status and the discussed questions."""

from django import forms
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .models import NOTE_MAX_LENGTH, NoteStatus


class NoteTextForm(forms.Form):
    """A note's text: what the editor sends to be saved, or to be shown formatted (preview)."""

    text = forms.CharField(
        label=_("The partnership's note"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
        help_text=_(
            "Markdown works: a blank line starts a paragraph, - starts a list item, "
            "*emphasis*, **strong**, [link text](https://…)."
        ),
    )

    def clean_text(self):
        # Checked here rather than with max_length: a maxlength attribute would make the
        # browser cut pasted text short without a word.
        # Browsers send line breaks as \r\n: count the text as it is stored, with \n.
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if len(text) > NOTE_MAX_LENGTH:
            raise forms.ValidationError(
                _(
                    "The note is %(length)s characters long; the limit is %(limit)s. "
                    "Shorten it or move part of it to another cell. Your text is still here."
                ),
                code="max_length",
                params={
                    "length": number_format(len(text), force_grouping=True),
                    "limit": number_format(NOTE_MAX_LENGTH, force_grouping=True),
                },
            )
        return text


class NoteForm(NoteTextForm):
    base_version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, preview_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        if preview_url:
            # htmx sends the form to the preview a moment after typing stops; a newer request
            # replaces one still on its way.
            self.fields["text"].widget.attrs.update(
                {
                    "data-hx-post": preview_url,
                    "data-hx-trigger": "input changed delay:400ms",
                    "data-hx-target": "#note-preview",
                    "data-hx-swap": "outerHTML",
                    "data-hx-sync": "this:replace",
                }
            )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status of this cell"), choices=NoteStatus.choices)


class DiscussedForm(forms.Form):
    """Ticks on the guiding questions. ``shown`` is what the page showed as ticked, so only
    this member's changes are applied and others' ticks made meanwhile stay."""

    discussed = forms.MultipleChoiceField(
        label=_("Tick each question the partnership has discussed."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    shown = forms.MultipleChoiceField(required=False, widget=forms.MultipleHiddenInput)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        # Each question as the guidance shows it: its text and the numbers of its sources.
        choices = [
            (
                str(question.pk),
                render_to_string("domains/includes/guidance_item.html", {"item": question}),
            )
            for question in questions
        ]
        self.fields["discussed"].choices = choices
        self.fields["shown"].choices = choices
        self.questions = {str(question.pk): question for question in questions}

    def changes(self):
        """(ticked, unticked) questions."""
        now = set(self.cleaned_data["discussed"])
        before = set(self.cleaned_data["shown"])
        return (
            [self.questions[pk] for pk in now - before],
            [self.questions[pk] for pk in before - now],
        )
