from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class WorkbooksConfig(AppConfig):
    name = "workbooks"
    verbose_name = _("Workbooks")

    def ready(self):
        from partnerships.models import Membership, Partnership
        from partnerships.signals import activity

        from .tasks import activity_seen, membership_changed, partnership_saved

        # A partnership's default workbook is rendered again after a change (workbooks/tasks.py).
        activity.connect(activity_seen, sender=Partnership)
        post_save.connect(membership_changed, sender=Membership)
        post_delete.connect(membership_changed, sender=Membership)
        post_save.connect(partnership_saved, sender=Partnership)
