"""Serving a workbook: from the shared cache when it is there, else rendered in the background.

The states live in the shared cache (no per-process state), under the workbook's key:

- ``<key>``: the PDF. Served as it is, with no rendering and no waiting.
- ``<key>:job``: the render task queued for it. Added with ``cache.add``, which only one of
  several concurrent requests can do, so a workbook is queued once however many ask for it.

Until the PDF is there the answer is a "preparing" page (202) that checks again by itself
(htmx asks the same address: it gets the page's small polling part, and once the PDF is there
it says so and starts the download);
a failed render gives a page that says so and offers to try again, and so does a render
whose worker died in the middle of it (running for longer than a render may take).
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.tasks import TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh

from .render import RenderTimedOut
from .tasks import render_workbook

JOB_TIMEOUT = 15 * 60  # a render that has not finished by then is queued again
QUEUEING = "queueing"  # the job's value while the request that claimed it queues the task
# Beyond the render's own time limit, what a task may take to read its data and store its PDF.
STALL_GRACE = timedelta(minutes=1)


def job_key(key):
    return f"{key}:job"


TIMED_OUT = f"{RenderTimedOut.__module__}.{RenderTimedOut.__qualname__}"


def job_result(key):
    """The render queued for ``key`` as (status, whether it ran out of time), or (None, False)
    when there is none to wait for."""
    job_id = cache.get(job_key(key))
    if job_id is None:
        return None, False
    if job_id == QUEUEING:
        return TaskResultStatus.READY, False
    try:
        result = render_workbook.get_result(job_id)
    except TaskResultDoesNotExist:
        return None, False
    if result.status == TaskResultStatus.RUNNING and stalled(result):
        return TaskResultStatus.FAILED, False
    return result.status, any(error.exception_class_path == TIMED_OUT for error in result.errors)


def stalled(result):
    """Running for longer than a render may take: its worker died in the middle (killed,
    restarted, out of memory), so nothing will finish it and the reader may try again."""
    limit = timedelta(seconds=settings.WORKBOOK_RENDER_SECONDS) + STALL_GRACE
    return result.started_at is not None and timezone.now() - result.started_at > limit


def enqueue_once(workbook, key):
    """Queue the workbook's render unless a request has already claimed it."""
    if cache.add(job_key(key), QUEUEING, JOB_TIMEOUT):
        result = render_workbook.enqueue(workbook.kind, workbook.params, key)
        cache.set(job_key(key), result.id, JOB_TIMEOUT)


def pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def deliver(request, workbook, context):
    """The PDF if it is ready; else queue its render and say so. A POST retries a failed one."""
    key = workbook.cache_key()
    if request.method == "POST":
        if job_result(key)[0] == TaskResultStatus.FAILED:
            cache.delete(job_key(key))
        return redirect(request.get_full_path())
    pdf = cache.get(key)
    if pdf is not None and not request.htmx:
        return pdf_response(pdf, workbook.filename)
    if pdf is not None and request.headers.get("X-Workbook-Download"):
        response = HttpResponseClientRedirect(request.get_full_path())  # a plain download
    elif pdf is not None:
        response = render(request, "workbooks/preparing.html#poll", {**context, "ready": True})
    else:
        response = not_ready(request, workbook, key, context)
    add_never_cache_headers(response)
    patch_vary_headers(response, ["HX-Request"])
    return response


def not_ready(request, workbook, key, context):
    status, timed_out = job_result(key)
    if status == TaskResultStatus.FAILED:
        if request.htmx:
            return HttpResponseClientRefresh()  # the page then explains and offers a retry
        context = {**context, "timed_out": timed_out, "seconds": settings.WORKBOOK_RENDER_SECONDS}
        return render(request, "workbooks/failed.html", context, status=500)
    if status == TaskResultStatus.SUCCESSFUL:
        cache.delete(job_key(key))  # rendered, but the PDF has since left the cache
    if status in (None, TaskResultStatus.SUCCESSFUL):
        enqueue_once(workbook, key)
    template = "workbooks/preparing.html#poll" if request.htmx else "workbooks/preparing.html"
    return render(request, template, context, status=202)
