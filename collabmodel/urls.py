from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from . import statements, views

# Staff log in on the site's own log-in page, with its rate limits; the admin's form is unused.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("health/", views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
]
# Every page's address starts with its language (/lv/model/…); an address without one is
# redirected to the visitor's language by LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accessibility/", statements.accessibility, name="accessibility"),
    path("privacy/", statements.privacy, name="privacy"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("partnerships.urls")),
    path("", include("assessments.urls")),  # before notes and domains, whose cells catch all
    path("", include("notes.urls")),  # after partnerships: its cell addresses are catch-alls
    path("", include("domains.urls")),
    path("", include("workbooks.urls")),
)
