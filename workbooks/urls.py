from django.urls import path

from partnerships import converters  # noqa: F401 (registers the converters used below)

from . import views

app_name = "workbooks"

urlpatterns = [
    path("model/workbook.pdf", views.blank_workbook, name="blank"),
    path(
        "partnerships/<partnership_id:partnership_id>/workbook.pdf",
        views.partnership_workbook,
        name="partnership",
    ),
]
