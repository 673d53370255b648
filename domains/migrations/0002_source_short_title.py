from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("domains", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="source",
            name="short_title",
            field=models.CharField(
                default="",
                help_text="Used where an item credits its source.",
                max_length=60,
                verbose_name="short title",
            ),
            preserve_default=False,
        ),
    ]
