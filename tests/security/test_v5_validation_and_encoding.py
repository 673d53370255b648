"""OWASP ASVS 4.0.3, V5 (validation, sanitisation and encoding), level 1. The note sanitiser
(5.2.1) is tested in tests/test_note_markup.py and tests/test_notes.py; a partnership import's
validation (5.1.3, 5.1.4, 5.5.3) in tests/test_partnership_transfer.py."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.models import Profile
from partnerships.models import Partnership

from ..html import page
from ..people import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPS = ["collabmodel", "domains", "accounts", "partnerships", "notes", "assessments", "workbooks"]
PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"


def test_v5_3_3_what_people_type_is_shown_as_text_on_every_page(client, cast):
    Partnership.objects.filter(pk=cast.partnership.pk).update(
        name=PAYLOAD[:150].replace("\n", ""), goal=PAYLOAD, description=PAYLOAD
    )
    Profile.objects.filter(user=cast.editor).update(
        display_name=PAYLOAD[:100], organisation=PAYLOAD
    )
    client.force_login(cast.facilitator)
    pk = cast.partnership.pk
    for url in [
        reverse("partnerships:list"),
        reverse("partnerships:detail", args=[pk]),
        reverse("partnerships:members", args=[pk]),
        reverse("partnerships:remove", args=[pk, cast.membership(cast.editor).pk]),
        reverse("partnerships:edit", args=[pk]),
        reverse("notes:cell", args=[pk, "communication", "planning"]),
        reverse("domains:cell", args=["communication", "planning"]),
    ]:
        html = page(client.get(url))
        assert not html.select("script:not([src])"), url
        assert not html.select("[onerror]"), url
        assert "<script>alert(1)</script>" in html.get_text(), url  # shown, as typed


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_v5_1_5_logging_in_never_redirects_off_the_site(client, next_url):
    make_user("anna@example.org")
    response = client.post(
        reverse("account_login") + "?next=" + next_url,
        {"login": "anna@example.org", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:list")


def test_v5_3_4_the_apps_query_the_database_only_through_the_orm():
    raw = re.compile(r"\.raw\(|\.extra\(|RawSQL|cursor\.execute\(")
    found = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        # Migrations, and the benchmarks' filler of scale data (bulk COPY, no one's input).
        if "migrations" not in path.parts and path.name != "fill_scale.py"
        for line in path.read_text().splitlines()
        if raw.search(line)
    ]
    assert found == ['collabmodel/views.py: cursor.execute("SELECT 1")']
