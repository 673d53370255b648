from django.urls import path

from . import views

app_name = "domains"

urlpatterns = [
    path("", views.home, name="home"),
    path("model/", views.matrix, name="matrix"),
    path("model/sources/", views.sources, name="sources"),
    path("model/domains/<slug:slug>/", views.domain_detail, name="domain"),
    path("model/stages/<slug:slug>/", views.stage_detail, name="stage"),
    path("model/<slug:domain>/<slug:stage>/", views.cell_detail, name="cell"),
]
