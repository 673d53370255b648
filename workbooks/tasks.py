"""Rendering workbooks in the background, on `manage.py db_worker` (django-tasks-db).

Besides the renders a request asks for, a partnership's default workbook (the whole model, no
options chosen, in each of its members' languages) is rendered ahead of time, so that "Print"
finds it in the cache: after every change to the partnership's notes, ticks, statuses or
members, once the edits have settled (``WORKBOOK_SETTLE_SECONDS`` without a change). A change
queues one render, to run a settling time later, unless one is already waiting; when it runs
and the partnership has changed since, it waits again. One render per partnership at a time.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from partnerships.models import Membership, Partnership

from .blank import BlankWorkbook
from .partnership import PartnershipWorkbook

# Each kind of workbook by name; a task gets the name and the workbook's JSON parameters.
WORKBOOKS = {workbook.kind: workbook for workbook in (BlankWorkbook, PartnershipWorkbook)}
PDF_TIMEOUT = 60 * 60 * 24 * 30
# A waiting or running render older than this is taken to have died with its worker.
PRERENDER_TIMEOUT = 60 * 60


@task
def render_workbook(kind, params, key):
    """Render a workbook into the shared cache under ``key``, the cache key the request that
    queued it found missing: what that request (and its "preparing" page) waits for. Content
    changed since then has a new key of its own and is rendered when asked for."""
    if not cache.has_key(key):
        cache.set(key, WORKBOOKS[kind].from_params(params).render(), PDF_TIMEOUT)
    return key


def waiting_key(partnership_id):
    return f"workbook:prerender:{partnership_id}:waiting"


def rendering_key(partnership_id):
    return f"workbook:prerender:{partnership_id}:rendering"


def settled_at(partnership):
    return partnership.last_activity_at + timedelta(seconds=settings.WORKBOOK_SETTLE_SECONDS)


def schedule_prerender(partnership_id):
    """Queue the partnership's render for a settling time from now, unless one is waiting."""
    key = waiting_key(partnership_id)
    if cache.get(key) is None and cache.add(key, True, PRERENDER_TIMEOUT):
        later = timezone.now() + timedelta(seconds=settings.WORKBOOK_SETTLE_SECONDS)
        prerender_workbooks.using(run_after=later).enqueue(partnership_id)


@task
def prerender_workbooks(partnership_id):
    """Render the partnership's default workbooks if its edits have settled, else wait."""
    partnership = Partnership.objects.filter(pk=partnership_id).first()
    if partnership is None:
        cache.delete(waiting_key(partnership_id))
        return []
    if settled_at(partnership) > timezone.now() or not cache.add(
        rendering_key(partnership_id), True, PRERENDER_TIMEOUT
    ):
        later = max(settled_at(partnership), timezone.now() + timedelta(seconds=1))
        prerender_workbooks.using(run_after=later).enqueue(partnership_id)
        return []
    # From here on, a change queues a render of its own: this one may miss it.
    cache.delete(waiting_key(partnership_id))
    try:
        return [render_default(partnership, language) for language in member_languages(partnership)]
    finally:
        cache.delete(rendering_key(partnership_id))


def member_languages(partnership):
    return sorted(
        set(
            Membership.objects.filter(partnership=partnership).values_list(
                "user__profile__language", flat=True
            )
        )
        - {None}
    )


def render_default(partnership, language):
    workbook = PartnershipWorkbook.default(partnership, language)
    key = workbook.cache_key()
    if not cache.has_key(key):
        cache.set(key, workbook.render(), PDF_TIMEOUT)
    return key


def after_commit(partnership_id):
    transaction.on_commit(lambda: schedule_prerender(partnership_id))


# Receivers (connected in WorkbooksConfig.ready()) for what a partnership's workbook shows.
def activity_seen(sender, partnership, **kwargs):
    after_commit(partnership.pk)


def membership_changed(sender, instance, **kwargs):
    after_commit(instance.partnership_id)


def partnership_saved(sender, instance, **kwargs):
    after_commit(instance.pk)
