from django.urls import path

from partnerships.views import invitations, members, partnerships

from .views import cells

app_name = "notes"

PARTNERSHIP = "partnerships/<str:partnership_id>/"
CELL = PARTNERSHIP + "<slug:domain>/<slug:stage>/"

urlpatterns = [
    path("partnerships/", partnerships.my_partnerships, name="list"),
    path("partnerships/new/", partnerships.create, name="create"),
    path(PARTNERSHIP, partnerships.detail, name="detail"),
    path(f"{PARTNERSHIP}edit/", partnerships.edit, name="edit"),
    path(f"{PARTNERSHIP}archive/", partnerships.archive, name="archive"),
    path(f"{PARTNERSHIP}restore/", partnerships.restore, name="restore"),
    path(f"{PARTNERSHIP}delete/", partnerships.delete, name="delete"),
    path(f"{PARTNERSHIP}leave/", partnerships.leave, name="leave"),
    path(f"{PARTNERSHIP}members/", members.members, name="members"),
    path(f"{PARTNERSHIP}members/invite/", members.invite, name="invite"),
    path(f"{PARTNERSHIP}members/<int:member_id>/role/", members.change_role, name="change_role"),
    path(f"{PARTNERSHIP}members/<int:member_id>/remove/", members.remove, name="remove"),
    path(f"{PARTNERSHIP}invitations/<int:invitation_id>/revoke/", members.revoke, name="revoke"),
    path(f"{PARTNERSHIP}invitations/<int:invitation_id>/resend/", members.resend, name="resend"),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
    # A cell of the model inside the partnership; after the fixed addresses above.
    path(CELL, cells.cell_page, name="cell"),
    path(f"{CELL}note/", cells.save_note, name="save_note"),
    path(f"{CELL}status/", cells.change_status, name="status"),
    path(f"{CELL}questions/", cells.mark_questions, name="questions"),
    path(f"{CELL}history/", cells.history, name="history"),
    path(f"{CELL}history/<int:version>/restore/", cells.restore, name="restore"),
]
