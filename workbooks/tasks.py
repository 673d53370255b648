"""Rendering workbooks in the background, on `manage.py db_worker` (django-tasks-db)."""

from django.core.cache import cache
from django.tasks import task

from .blank import BlankWorkbook
from .partnership import PartnershipWorkbook

# Each kind of workbook by name; a task gets the name and the workbook's JSON parameters.
WORKBOOKS = {workbook.kind: workbook for workbook in (BlankWorkbook, PartnershipWorkbook)}
PDF_TIMEOUT = 60 * 60 * 24 * 30


@task
def render_workbook(kind, params):
    """Render a workbook into the shared cache (the key first: the content is as new or newer)."""
    workbook = WORKBOOKS[kind].from_params(params)
    key = workbook.cache_key()
    if not cache.has_key(key):
        cache.set(key, workbook.render(), PDF_TIMEOUT)
    return key
