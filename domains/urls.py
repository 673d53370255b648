from django.urls import path

from . import views

app_name = "domains"

urlpatterns = [
    path("", views.home, name="home"),
    path("model/", views.matrix, name="matrix"),
    path("model/sources/", views.sources, name="sources"),
    path("model/warning-signs/", views.warning_signs, name="warning_signs"),
    path("model/glossary/", views.glossary, name="glossary"),
    path("model/domains/<slug:slug>/", views.domain_detail, name="domain"),
    path("model/stages/<slug:slug>/", views.stage_detail, name="stage"),
    path("model/<slug:domain>/<slug:stage>/", views.cell_detail, name="cell"),
]
