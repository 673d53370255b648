"""Rendering workbooks in the background, on `manage.py db_worker` (django-tasks-db)."""

from django.core.cache import cache
from django.tasks import task

from .blank import BlankWorkbook
from .partnership import PartnershipWorkbook

# Each kind of workbook by name; a task gets the name and the workbook's JSON parameters.
WORKBOOKS = {workbook.kind: workbook for workbook in (BlankWorkbook, PartnershipWorkbook)}
PDF_TIMEOUT = 60 * 60 * 24 * 30


@task
def render_workbook(kind, params, key):
    """Render a workbook into the shared cache under ``key``, the cache key the request that
    queued it found missing: what that request (and its "preparing" page) waits for. Content
    changed since then has a new key of its own and is rendered when asked for."""
    if not cache.has_key(key):
        cache.set(key, WORKBOOKS[kind].from_params(params).render(), PDF_TIMEOUT)
    return key
