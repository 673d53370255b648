"""What an IT department relies on: `migrate` makes a working database, and a health check."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db


def cache_table_exists():
    return "django_cache" in connection.introspection.table_names()


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_cache_table():
    """Signing up needs the cache (its rate limits): `migrate` alone must make its table."""
    newest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        MigrationExecutor(connection).migrate([("collabmodel", None)])
        assert not cache_table_exists()
        MigrationExecutor(connection).migrate(newest)
        assert cache_table_exists()
    finally:
        MigrationExecutor(connection).migrate(newest)


def test_health_answers_while_the_database_does(client):
    response = client.get("/health/")
    assert (response.status_code, response.content) == (200, b"ok\n")
    assert "no-cache" in response["Cache-Control"]


def test_health_says_unavailable_without_details_when_the_database_does_not(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("could not connect to server: Connection refused"),
    ):
        response = client.get("/health/")
    assert (response.status_code, response.content) == (503, b"unavailable\n")


def test_the_favicon_browsers_ask_for_is_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
    assert client.get(response["Location"]).status_code == 200
