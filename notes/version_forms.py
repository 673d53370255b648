"""Forms about a note's versions: which two to compare, and one's text against a newer one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .note_forms import NoteForm


class CompareForm(forms.Form):
    """``?from=&to=``: two of ``revisions`` (newest first), by version number; unbound, the
    form offers the newest version and the one before it."""

    def __init__(self, query, revisions):
        bound = "from" in query or "to" in query
        super().__init__(query if bound else None)
        versions = [(str(revision.version), str(revision.version)) for revision in revisions]
        self.revisions = {str(revision.version): revision for revision in revisions}
        unknown = _("There is no version %(value)s of this note. Choose one from the list.")
        for name, label, initial in (
            ("from", _("From version"), versions[1:2] or versions[:1]),
            ("to", _("To version"), versions[:1]),
        ):
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=versions,
                initial=initial[0][0] if initial else None,
                error_messages={
                    "invalid_choice": unknown,
                    "required": _("Choose a version."),
                },
            )

    def versions(self):
        """The older and the newer revision chosen."""
        older, newer = (self.revisions[self.cleaned_data[name]] for name in ("from", "to"))
        return (newer, older) if older.version > newer.version else (older, newer)


class ConflictForm(NoteForm):
    """The note form on the conflict page: the writer's text, to combine with the newer one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Your text: edit it to combine both versions")
