from django.urls import path

from partnerships import converters  # noqa: F401 (registers the converters used below)

from .views import cells

app_name = "notes"

# A cell of the model inside a partnership. The project includes these after the partnership's
# own addresses, which would otherwise match <domain>/<stage>/ (e.g. members/invite/).
CELL = "partnerships/<partnership_id:partnership_id>/<slug:domain>/<slug:stage>/"

urlpatterns = [
    path(CELL, cells.cell_page, name="cell"),
    path(f"{CELL}note/", cells.save_note, name="save_note"),
    path(f"{CELL}note/preview/", cells.preview_note, name="preview"),
    path(f"{CELL}status/", cells.change_status, name="status"),
    path(f"{CELL}questions/", cells.mark_questions, name="questions"),
    path(f"{CELL}history/", cells.history, name="history"),
    path(f"{CELL}history/<version:version>/restore/", cells.restore, name="restore"),
]
