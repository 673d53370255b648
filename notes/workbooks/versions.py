"""What a cached workbook depends on, as short digests: a change to any of it is a new PDF.

The model has no timestamps, so its version is a digest of its whole content: any edit, by
the admin, a fixture or plain SQL, changes it. The layout version covers the templates, the
stylesheets and WeasyPrint itself, so a deploy that changes how workbooks look renders anew.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings

from domains.models import Cell, Domain, GuidanceItem, Source, Stage

LAYOUT_DIRECTORIES = [
    settings.BASE_DIR / "templates" / "workbooks",
    settings.BASE_DIR / "static" / "workbooks",
    settings.BASE_DIR / "templates" / "domains" / "includes",
]


def digest(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


DIMENSION_FIELDS = ("pk", "slug", "name", "position", "summary", "definition")


def model_content_version():
    return digest(
        [
            list(query.order_by("pk"))
            for query in (
                Domain.objects.values_list(*DIMENSION_FIELDS),
                Stage.objects.values_list(*DIMENSION_FIELDS),
                Cell.objects.values_list("pk", "domain", "stage", "purpose", "introduction"),
                GuidanceItem.objects.values_list("pk", "cell", "kind", "position", "text"),
                GuidanceItem.sources.through.objects.values_list("pk", "guidanceitem", "source"),
                Source.objects.values_list("pk", "code", "position", "title", "publisher", "url"),
            )
        ]
    )


@cache
def layout_version():
    """Fixed for the life of a process: the files it covers change only with a deploy."""
    files = sorted(path for root in LAYOUT_DIRECTORIES for path in Path(root).rglob("*.*"))
    return digest(
        [weasyprint.__version__]
        + [[str(path.relative_to(settings.BASE_DIR)), digest(path.read_text())] for path in files]
    )
