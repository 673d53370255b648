"""Partnership, Membership and Invitation now belong to the partnerships app.

State only: their tables and rows stay as they are (partnerships/0001 adopts them), and the
notes' and ticks' foreign keys keep pointing at the same table, now known as
partnerships.Partnership.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notes", "0004_render_saved_notes"),
        ("partnerships", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="note",
                    name="partnership",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="notes", to="partnerships.partnership", verbose_name="partnership"),
                ),
                migrations.AlterField(
                    model_name="discussedquestion",
                    name="partnership",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="discussed_questions", to="partnerships.partnership", verbose_name="partnership"),
                ),
                migrations.DeleteModel(name="Invitation"),
                migrations.DeleteModel(name="Membership"),
                migrations.DeleteModel(name="Partnership"),
            ],
            database_operations=[],
        ),
    ]
