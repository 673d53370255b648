"""The moved tables take this app's names (notes_partnership becomes partnerships_partnership,
and so on), keeping every row; the admin's content types and permissions move with them."""

from django.db import migrations

MOVED = ["partnership", "membership", "invitation"]


def move_content_types(apps, schema_editor):
    """Rename notes' content types for the moved models, so permissions granted on them and
    the admin's history still apply. Where this app's already exist, the old ones are left."""
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    for model in MOVED:
        if not content_types.filter(app_label="partnerships", model=model).exists():
            content_types.filter(app_label="notes", model=model).update(app_label="partnerships")


def restore_content_types(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    for model in MOVED:
        if not content_types.filter(app_label="notes", model=model).exists():
            content_types.filter(app_label="partnerships", model=model).update(app_label="notes")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("notes", "0005_partnerships_move_to_their_own_app"),
        ("partnerships", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="partnership", table=None),
        migrations.AlterModelTable(name="membership", table=None),
        migrations.AlterModelTable(name="invitation", table=None),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
