"""Partnerships: starting one, My partnerships, the members list, roles, leaving, archiving."""

import re

import pytest
from django.urls import reverse

from partnerships.models import Membership, Partnership, Role

from .html import page, text
from .people import make_partnership, make_user

pytestmark = pytest.mark.django_db


def test_partnership_ids_are_random_not_sequential(db):
    fiona = make_user("fiona@example.org")
    first, second = make_partnership(fiona), make_partnership(fiona)
    for partnership in (first, second):
        assert re.fullmatch(r"[a-z0-9]{10}", partnership.pk)
    assert first.pk != second.pk


def test_starting_a_partnership_makes_the_creator_its_facilitator(client):
    anna = make_user("anna@example.org", "Anna Bērziņa")
    client.force_login(anna)
    response = client.post(
        reverse("partnerships:create"),
        {
            "name": "Active Riga",
            "goal": "Children move an hour a day.",
            "description": "City, schools and sports clubs.",
            "sectors": ["non-profit", "public"],
        },
        follow=True,
    )
    partnership = Partnership.objects.get()
    assert response.redirect_chain == [(partnership.get_absolute_url(), 302)]
    assert partnership.sectors == ["public", "non-profit"]
    assert partnership.created_by == anna
    assert Membership.objects.get(partnership=partnership, user=anna).role == Role.FACILITATOR
    content = text(response)
    assert "Active Riga" in content
    assert "Children move an hour a day." in content
    assert "Public body" in content
    assert "Non-profit organisation" in content
    assert "Anna Bērziņa (Facilitator)" in content


def test_bad_input_keeps_what_was_typed_and_says_what_to_fix(client):
    client.force_login(make_user("anna@example.org"))
    response = client.post(
        reverse("partnerships:create"),
        {"name": "", "goal": "My long goal text", "sectors": ["moon"]},
    )
    assert response.status_code == 400
    html = page(response)
    summary = [(a["href"], a.get_text()) for a in html.select(".error-summary a")]
    assert summary[0][0] == "#id_name"
    assert (
        "#id_sectors_0",
        "Sectors involved: Select a valid choice. moon is not one of the available choices.",
    ) in summary
    assert html.select_one("#id_goal").get_text().strip() == "My long goal text"
    assert html.select_one("#id_name")["aria-invalid"] == "true"
    assert Partnership.objects.count() == 0


def test_no_sector_chosen_is_a_clear_error(client):
    client.force_login(make_user("anna@example.org"))
    response = client.post(reverse("partnerships:create"), {"name": "X", "goal": "Y"})
    assert "Sectors involved: Choose at least one sector." in text(response)


def test_my_partnerships_shows_role_member_count_and_last_activity(client, cast):
    make_partnership(cast.stranger, name="Someone else's partnership")
    client.force_login(cast.viewer)
    response = client.get(reverse("partnerships:list"))
    cards = page(response).select(".partnership-card")
    assert len(cards) == 1
    card = " ".join(cards[0].get_text(" ").split())
    assert "Healthy schools" in card
    assert "Your role Viewer" in card
    assert "Members 4" in card
    assert "Last activity" in card
    assert "Someone else's partnership" not in text(response)


def test_archived_partnerships_are_listed_apart(client, cast):
    client.force_login(cast.facilitator)
    client.post(reverse("partnerships:archive", args=[cast.partnership.pk]))
    html = page(client.get(reverse("partnerships:list")))
    archived = html.find(id="archived-title").find_parent("section")
    assert "Healthy schools" in archived.get_text()
    assert "You are not in any partnership yet." in html.get_text()

    client.post(reverse("partnerships:restore", args=[cast.partnership.pk]))
    assert page(client.get(reverse("partnerships:list"))).find(id="archived-title") is None


def test_my_partnerships_runs_the_same_queries_for_one_or_many(client, django_assert_num_queries):
    anna = make_user("anna@example.org")
    client.force_login(anna)
    make_partnership(anna)
    with django_assert_num_queries(4) as one:
        client.get(reverse("partnerships:list"))
    for number in range(5):
        partnership = make_partnership(anna, name=f"Partnership {number}")
        Membership.objects.create(
            partnership=partnership, user=make_user(f"p{number}@example.org"), role=Role.VIEWER
        )
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(reverse("partnerships:list"))
    assert len(page(response).select(".partnership-card")) == 6


def test_members_page_runs_the_same_queries_for_few_or_many(
    client, cast, django_assert_num_queries
):
    client.force_login(cast.facilitator)
    url = reverse("partnerships:members", args=[cast.partnership.pk])
    with django_assert_num_queries(6) as few:
        client.get(url)
    for number in range(5):
        Membership.objects.create(
            partnership=cast.partnership,
            user=make_user(f"m{number}@example.org"),
            role=Role.EDITOR,
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(page(response).select("table.stack-on-phone tbody tr")) == 9


def test_members_page_lists_names_organisations_and_roles(client, cast):
    profile = cast.editor.profile
    profile.organisation = "Riga City Council"
    profile.save()
    client.force_login(cast.viewer)
    rows = [
        " ".join(row.get_text(" ").split())
        for row in page(
            client.get(reverse("partnerships:members", args=[cast.partnership.pk]))
        ).select("table.stack-on-phone tbody tr")
    ]
    assert rows[0].startswith("Fiona Facilitator Public body Facilitator")
    assert rows[2].startswith("Emma Riga City Council, Public body Editor")
    assert rows[3].startswith("Victor (you) Public body Viewer")


def test_only_facilitators_see_role_controls_and_invitations(client, cast):
    url = reverse("partnerships:members", args=[cast.partnership.pk])
    client.force_login(cast.editor)
    html = page(client.get(url))
    assert html.select("select[name=role]") == []
    assert html.find(id="invitations-title") is None
    client.force_login(cast.facilitator)
    html = page(client.get(url))
    assert len(html.select("select[name=role]")) == 4
    assert html.find(id="invitations-title") is not None


def change_role(client, cast, user, role):
    url = reverse("partnerships:change_role", args=[cast.partnership.pk, cast.membership(user).pk])
    return client.post(url, {"role": role}, follow=True)


def test_a_facilitator_changes_a_role(client, cast):
    client.force_login(cast.facilitator)
    response = change_role(client, cast, cast.viewer, "editor")
    assert cast.membership(cast.viewer).role == Role.EDITOR
    assert "Role of Victor changed to: Editor." in text(response)


def test_the_last_facilitator_cannot_be_demoted(client, cast):
    client.force_login(cast.facilitator)
    change_role(client, cast, cast.co_facilitator, "viewer")
    response = change_role(client, cast, cast.facilitator, "editor")
    assert cast.membership(cast.facilitator).role == Role.FACILITATOR
    assert "Fiona Facilitator is the only facilitator" in text(response)


def test_a_facilitator_removes_a_member(client, cast):
    client.force_login(cast.facilitator)
    url = reverse(
        "partnerships:remove", args=[cast.partnership.pk, cast.membership(cast.viewer).pk]
    )
    assert "Remove Victor?" in text(client.get(url))
    response = client.post(url, follow=True)
    assert "Victor is no longer a member." in text(response)
    assert not cast.partnership.memberships.filter(user=cast.viewer).exists()
    client.force_login(cast.viewer)
    assert client.get(cast.partnership.get_absolute_url()).status_code == 404


def test_removing_yourself_goes_through_leaving(client, cast):
    client.force_login(cast.facilitator)
    url = reverse(
        "partnerships:remove", args=[cast.partnership.pk, cast.membership(cast.facilitator).pk]
    )
    response = client.post(url)
    assert response["Location"] == reverse("partnerships:leave", args=[cast.partnership.pk])
    assert cast.partnership.memberships.filter(user=cast.facilitator).exists()


def test_a_member_leaves(client, cast):
    client.force_login(cast.editor)
    before = cast.partnership.last_activity_at
    response = client.post(reverse("partnerships:leave", args=[cast.partnership.pk]), follow=True)
    assert "You have left “Healthy schools”." in text(response)
    assert not cast.partnership.memberships.filter(user=cast.editor).exists()
    cast.partnership.refresh_from_db()
    assert cast.partnership.last_activity_at > before


def test_the_last_facilitator_cannot_leave(client, cast):
    Membership.objects.filter(user=cast.co_facilitator).delete()
    client.force_login(cast.facilitator)
    response = client.post(reverse("partnerships:leave", args=[cast.partnership.pk]))
    assert response.status_code == 409
    assert "You are the only facilitator" in text(response)
    assert cast.partnership.memberships.filter(user=cast.facilitator).exists()


def test_the_only_member_is_told_to_delete_instead_of_leaving(client):
    anna = make_user("anna@example.org")
    partnership = make_partnership(anna)
    client.force_login(anna)
    response = client.get(reverse("partnerships:leave", args=[partnership.pk]))
    assert "You are the only member, so you cannot leave." in text(response)
    assert page(response).find("a", string="Delete the partnership") is not None


def test_a_facilitator_edits_the_partnership(client, cast):
    client.force_login(cast.facilitator)
    url = reverse("partnerships:edit", args=[cast.partnership.pk])
    assert page(client.get(url)).select_one("#id_name")["value"] == "Healthy schools"
    client.post(url, {"name": "Healthy schools 2", "goal": "G", "sectors": ["citizen"]})
    cast.partnership.refresh_from_db()
    assert (cast.partnership.name, cast.partnership.sectors) == ("Healthy schools 2", ["citizen"])


def test_archiving_asks_first_and_keeps_everything(client, cast):
    client.force_login(cast.facilitator)
    url = reverse("partnerships:archive", args=[cast.partnership.pk])
    assert "Nothing is deleted" in text(client.get(url))
    cast.partnership.refresh_from_db()
    assert not cast.partnership.is_archived
    response = client.post(url, follow=True)
    assert "This partnership was archived on" in text(response)
    assert cast.partnership.memberships.count() == 4


def test_deleting_asks_first_then_removes_the_partnership_for_everyone(client, cast):
    client.force_login(cast.facilitator)
    url = reverse("partnerships:delete", args=[cast.partnership.pk])
    assert "for all 4 members" in text(client.get(url))
    assert Partnership.objects.filter(pk=cast.partnership.pk).exists()
    response = client.post(url, follow=True)
    assert "“Healthy schools” has been deleted." in text(response)
    assert not Partnership.objects.filter(pk=cast.partnership.pk).exists()
    assert not Membership.objects.filter(partnership_id=cast.partnership.pk).exists()


def test_partnership_home_shows_the_goal_members_and_a_link_to_the_model(client, cast):
    client.force_login(cast.viewer)
    response = client.get(cast.partnership.get_absolute_url())
    content = text(response)
    assert "More children walk or cycle to school." in content
    assert "Started by Fiona Facilitator" in content
    assert "Your role: Viewer" in content
    assert page(response).find("a", href=reverse("domains:matrix")) is not None
    assert "Delete the partnership" not in content


def test_user_text_is_escaped(client):
    anna = make_user("anna@example.org")
    partnership = make_partnership(anna, name="<script>alert(1)</script>")
    client.force_login(anna)
    for url in (reverse("partnerships:list"), partnership.get_absolute_url()):
        body = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize("name", ["Active\nRiga", "Active\r\nBcc: x@example.org", "Tab\there"])
def test_a_name_with_a_line_break_is_refused_and_kept_in_the_form(client, name):
    client.force_login(make_user("anna@example.org"))
    response = client.post(
        reverse("partnerships:create"),
        {"name": name, "goal": "Children move.", "description": "", "sectors": ["public"]},
    )
    assert response.status_code == 400
    assert "Use a single line, without line breaks or tabs." in text(response)
    assert page(response).find("input", attrs={"name": "name"})["value"] == name
    assert not Partnership.objects.exists()


def test_dates_carry_machine_readable_times_html_allows(client, cast):
    """HTML's datetime attribute takes no microseconds."""
    client.force_login(cast.facilitator)
    for url in (
        reverse("partnerships:list"),
        reverse("partnerships:members", args=[cast.partnership.pk]),
    ):
        stamps = [time["datetime"] for time in page(client.get(url)).find_all("time")]
        assert stamps
        for stamp in stamps:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp), stamp
