import itertools

from django.db import migrations

BATCH = 500


def render_saved_notes(apps, schema_editor):
    """Fill ``Note.html`` for the notes saved before it existed, as a save now does."""
    from notes.markup import render_note

    Note = apps.get_model("notes", "Note")
    notes = Note.objects.only("text").order_by("pk").iterator(chunk_size=BATCH)
    for batch in itertools.batched(notes, BATCH):
        for note in batch:
            note.html = render_note(note.text)
        Note.objects.bulk_update(batch, ["html"])


class Migration(migrations.Migration):

    dependencies = [
        ("notes", "0003_note_html_single_line_names_protected_ticks"),
    ]

    operations = [
        migrations.RunPython(render_saved_notes, migrations.RunPython.noop),
    ]
