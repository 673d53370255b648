from django.urls import path

from . import converters  # noqa: F401 (registers the converters used below)
from .views import invitations, members, partnerships, transfer

app_name = "partnerships"

PARTNERSHIP = "partnerships/<partnership_id:partnership_id>/"

urlpatterns = [
    path("partnerships/", partnerships.my_partnerships, name="list"),
    path("partnerships/new/", partnerships.create, name="create"),
    path("partnerships/import/", transfer.import_partnership, name="import"),
    path(PARTNERSHIP, partnerships.detail, name="detail"),
    path(f"{PARTNERSHIP}edit/", partnerships.edit, name="edit"),
    path(f"{PARTNERSHIP}archive/", partnerships.archive, name="archive"),
    path(f"{PARTNERSHIP}restore/", partnerships.restore, name="restore"),
    path(f"{PARTNERSHIP}delete/", partnerships.delete, name="delete"),
    path(f"{PARTNERSHIP}leave/", partnerships.leave, name="leave"),
    path(f"{PARTNERSHIP}export.json", transfer.export_json, name="export_json"),
    path(f"{PARTNERSHIP}export.zip", transfer.export_zip, name="export_zip"),
    path(f"{PARTNERSHIP}members/", members.members, name="members"),
    path(f"{PARTNERSHIP}members/invite/", members.invite, name="invite"),
    path(f"{PARTNERSHIP}members/<row_id:member_id>/role/", members.change_role, name="change_role"),
    path(f"{PARTNERSHIP}members/<row_id:member_id>/remove/", members.remove, name="remove"),
    path(f"{PARTNERSHIP}invitations/<row_id:invitation_id>/revoke/", members.revoke, name="revoke"),
    path(f"{PARTNERSHIP}invitations/<row_id:invitation_id>/resend/", members.resend, name="resend"),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
]
