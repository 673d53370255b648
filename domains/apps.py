from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DomainsConfig(AppConfig):
    name = "domains"
    verbose_name = _("The model")

    def ready(self):
        from .page_cache import connect_receivers

        connect_receivers(self.get_models())
