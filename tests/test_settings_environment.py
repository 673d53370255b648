"""Settings from the environment: secrets from files (`*_FILE`), and a shared Redis cache
(CACHE_URL), tested against the machine's own Redis."""

import runpy
import socket
import uuid
from pathlib import Path

import pytest
import redis as redis_client
from django.contrib.auth import SESSION_KEY
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from .html import text
from .people import PASSWORD, make_user

SETTINGS = Path(__file__).resolve().parent.parent / "collabmodel" / "settings.py"
REDIS = ("127.0.0.1", 6379)
SECRET = "a-production-secret-read-from-a-file-" + "x7Qp2Lr9Vt4Wm8Zk3Hs6Jd1Nf5Bc0Gy"
ENVIRONMENT = [
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST", "EMAIL_HOST_PASSWORD",
    "EMAIL_FILE_PATH", "CACHE_URL",
]  # fmt: skip


def settings_with(monkeypatch, **environment):
    """The settings module as a server started with exactly this environment would have it."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(f"{name}_FILE", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def secret_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    return str(path)


def test_secrets_are_read_from_the_files_their_file_variables_name(monkeypatch, tmp_path):
    settings = settings_with(
        monkeypatch,
        DEBUG_FILE=secret_file(tmp_path, "debug", "false\n"),
        ALLOWED_HOSTS="collab.example.org",
        EMAIL_HOST="mail.example.org",
        SECRET_KEY_FILE=secret_file(tmp_path, "secret_key", SECRET + "\n"),
        DATABASE_URL_FILE=secret_file(
            tmp_path, "database_url", "postgres://collab:s3cr%40t@db.example.org:5432/collab\n"
        ),
        EMAIL_HOST_PASSWORD_FILE=secret_file(tmp_path, "mail_password", "mail pass word\n"),
    )
    assert (settings["DEBUG"], settings["SECRET_KEY"]) == (False, SECRET)
    database = settings["DATABASES"]["default"]
    assert (database["HOST"], database["USER"], database["PASSWORD"], database["NAME"]) == (
        "db.example.org",
        "collab",
        "s3cr@t",
        "collab",
    )
    outgoing = settings["MAILERS"]["outgoing"]["OPTIONS"]
    assert (outgoing["host"], outgoing["password"]) == ("mail.example.org", "mail pass word")


def test_a_secret_set_twice_is_refused(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="Set SECRET_KEY or SECRET_KEY_FILE, not both"):
        settings_with(
            monkeypatch,
            SECRET_KEY=SECRET,
            SECRET_KEY_FILE=secret_file(tmp_path, "secret_key", SECRET),
        )


def test_a_missing_secret_file_is_a_clear_error(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match=r"SECRET_KEY_FILE: cannot read .*/missing"):
        settings_with(monkeypatch, SECRET_KEY_FILE=str(tmp_path / "missing"))


def test_the_database_is_the_cache_unless_cache_url_names_a_redis(monkeypatch):
    cache = settings_with(monkeypatch)["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    cache = settings_with(monkeypatch, CACHE_URL="redis://cache.example.org:6379/1")["CACHES"]
    assert cache["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.example.org:6379/1",
    }
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must be a redis:// address"):
        settings_with(monkeypatch, CACHE_URL="memcached://cache.example.org")


def redis_is_reachable():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache(monkeypatch, settings):
    """The site's cache on the machine's Redis (its last database), as CACHE_URL sets it, with
    a key prefix of its own, so that nothing else stored there is touched."""
    if not redis_is_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379 (scripts/test starts one)")
    url = f"redis://{REDIS[0]}:{REDIS[1]}/15"
    cache = settings_with(monkeypatch, CACHE_URL=url)["CACHES"]["default"]
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {**cache, "KEY_PREFIX": prefix}}
    redis = redis_client.Redis.from_url(url)
    yield lambda: redis.keys(f"{prefix}:*")
    if keys := redis.keys(f"{prefix}:*"):
        redis.delete(*keys)
    redis.close()


@pytest.mark.django_db
def test_with_redis_the_rate_limits_and_workbooks_live_in_redis(redis_cache):
    assert not redis_cache()
    make_user("anna@example.org")
    for _ in range(5):
        Client().post(
            reverse("account_login"), {"login": "anna@example.org", "password": "wrong password"}
        )
    other_browser = Client()  # another app server would answer the same: the count is shared
    response = other_browser.post(
        reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD}
    )
    assert "Too many failed login attempts. Try again later." in text(response)
    assert SESSION_KEY not in other_browser.session
    assert redis_cache(), "the rate limit's counts are kept in Redis"

    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 4000
    caches["default"].set("workbook", pdf)
    assert caches["default"].get("workbook") == pdf
