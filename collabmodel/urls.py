from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

# Staff log in on the site's own log-in page, with its rate limits; the admin's form is unused.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("partnerships.urls")),
    path("", include("notes.urls")),  # after partnerships: its cell addresses are catch-alls
    path("", include("domains.urls")),
    path("", include("workbooks.urls")),
]
