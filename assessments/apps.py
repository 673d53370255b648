from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Self-assessment")

    def ready(self):
        from . import export  # noqa: F401 (it answers accounts' signal for a person's data)
