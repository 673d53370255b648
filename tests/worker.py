"""Running the background worker inside a test, as a deployment's db_worker would."""

from unittest import mock

from django.core.management import call_command


def run_worker():
    """Run every queued task, then stop. The worker's connection recycling is turned off: it
    would close the test's own transaction."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
