from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("data.json", views.download_data, name="data"),
    path("delete/", views.delete_account, name="delete"),
]
