from django.urls import path

from partnerships import converters  # noqa: F401 (registers the converters used below)

from . import round_views, views

app_name = "assessments"

ROUNDS = "partnerships/<partnership_id:partnership_id>/assessments/"
ROUND = f"{ROUNDS}<row_id:round_id>/"

urlpatterns = [
    path("model/self-check/", views.self_check, name="self_check"),
    path(ROUNDS, round_views.rounds, name="rounds"),
    path(f"{ROUNDS}new/", round_views.open_new, name="open"),
    path(ROUND, round_views.round_page, name="round"),
    path(f"{ROUND}answer/<slug:domain>/", round_views.answer, name="answer"),
    path(f"{ROUND}close/", round_views.close, name="close"),
    path(f"{ROUND}delete/", round_views.delete, name="delete"),
    path(f"{ROUND}print/", round_views.print_page, name="print"),
    path(f"{ROUND}results.csv", round_views.results_csv, name="csv"),
]
