from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("model/self-check/", views.self_check, name="self_check"),
]
