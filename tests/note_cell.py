"""The partnership cell the note tests write on, and its addresses."""

from django.urls import reverse

from domains.models import Cell

DOMAIN, STAGE = "communication", "planning"


def the_cell():
    return Cell.objects.for_page().get(domain__slug=DOMAIN, stage__slug=STAGE)


def url(cast, name="cell", *extra):
    """The address ``notes:<name>`` of the cell in the cast's partnership."""
    return reverse(f"notes:{name}", args=[cast.partnership.pk, DOMAIN, STAGE, *extra])
