"""Test-wide settings and fixtures shared by every app's tests."""

import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.utils import translation

# Fast hashing and plain static files: tests do not need production's costs.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
settings.WHITENOISE_USE_FINDERS = True
settings.STATIC_ROOT = None
# Playwright's sync API runs an event loop in the test thread; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the model's content once per test run, as the app's own set-up does."""
    with django_db_blocker.unblock():
        call_command("loaddata", "model", verbosity=0)


@pytest.fixture(autouse=True)
def language_of_a_fresh_process():
    """Each test starts in the default language: a request through LocaleMiddleware leaves its
    language active in the thread, which would carry over to the next test."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no public page kept (domains/page_cache.py): the cache lives in the
    process's memory, which outlasts a test's rolled-back database."""
    caches["pages"].clear()
