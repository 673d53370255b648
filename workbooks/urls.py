from django.urls import path

from . import views

app_name = "workbooks"

urlpatterns = [
    path("model/workbook.pdf", views.blank_workbook, name="blank"),
    path(
        "partnerships/<str:partnership_id>/workbook.pdf",
        views.partnership_workbook,
        name="partnership",
    ),
]
