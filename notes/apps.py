from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotesConfig(AppConfig):
    name = "notes"
    verbose_name = _("Notes")

    def ready(self):
        # They answer accounts' signal for a person's data and partnerships' for its export.
        from . import export, transfer  # noqa: F401
