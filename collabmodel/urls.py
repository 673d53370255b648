from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("partnerships.urls")),
    path("", include("notes.urls")),  # after partnerships: its cell addresses are catch-alls
    path("", include("domains.urls")),
    path("", include("workbooks.urls")),
]
