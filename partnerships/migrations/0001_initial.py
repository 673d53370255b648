"""Partnership, Membership and Invitation move here from notes/, with their tables and rows.

The tables were made by notes' own migrations: this one only tells Django that the models now
belong to this app (state only, no change to the database). notes/0010 drops them from notes'
state, and 0002 here renames the tables to this app's names.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import partnerships.models

ROLES = [("facilitator", "Facilitator"), ("editor", "Editor"), ("viewer", "Viewer")]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("notes", "0003_note_html_single_line_names_protected_ticks"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Partnership",
                    fields=[
                        ("id", models.CharField(default=partnerships.models.new_partnership_id, editable=False, max_length=12, primary_key=True, serialize=False)),
                        ("name", models.CharField(max_length=150, validators=[partnerships.models.validate_single_line], verbose_name="name")),
                        ("goal", models.TextField(help_text="The shared problem the partners want to solve together, in a sentence or two.", max_length=1000, verbose_name="common goal")),
                        ("description", models.TextField(blank=True, help_text="Optional: who the partners are, where and when you work.", max_length=5000, verbose_name="description")),
                        ("sectors", models.JSONField(default=list, validators=[partnerships.models.validate_sectors], verbose_name="sectors involved")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                        ("archived_at", models.DateTimeField(blank=True, null=True, verbose_name="archived")),
                        ("last_activity_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="last activity")),
                        ("created_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="partnerships_created", to=settings.AUTH_USER_MODEL, verbose_name="created by")),
                    ],
                    options={
                        "verbose_name": "partnership",
                        "verbose_name_plural": "partnerships",
                        "db_table": "notes_partnership",
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("role", models.CharField(choices=ROLES, max_length=12, verbose_name="role")),
                        ("joined_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="joined")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="memberships", to=settings.AUTH_USER_MODEL, verbose_name="user")),
                        ("partnership", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="memberships", to="partnerships.partnership", verbose_name="partnership")),
                    ],
                    options={
                        "verbose_name": "membership",
                        "verbose_name_plural": "memberships",
                        "db_table": "notes_membership",
                        "constraints": [models.UniqueConstraint(fields=("partnership", "user"), name="one_membership_per_partnership_and_user")],
                    },
                ),
                migrations.CreateModel(
                    name="Invitation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("email", models.EmailField(max_length=254, verbose_name="e-mail address")),
                        ("role", models.CharField(choices=ROLES, max_length=12, verbose_name="role")),
                        ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="sent")),
                        ("expires_at", models.DateTimeField(verbose_name="expires")),
                        ("accepted_at", models.DateTimeField(blank=True, null=True, verbose_name="accepted")),
                        ("declined_at", models.DateTimeField(blank=True, null=True, verbose_name="declined")),
                        ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="revoked")),
                        ("invited_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="invitations_sent", to=settings.AUTH_USER_MODEL, verbose_name="invited by")),
                        ("partnership", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="invitations", to="partnerships.partnership", verbose_name="partnership")),
                    ],
                    options={
                        "verbose_name": "invitation",
                        "verbose_name_plural": "invitations",
                        "db_table": "notes_invitation",
                        "constraints": [models.UniqueConstraint(django.db.models.functions.text.Lower("email"), models.F("partnership"), condition=models.Q(("accepted_at", None), ("declined_at", None), ("revoked_at", None)), name="one_pending_invitation_per_address")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
