"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from bench.chromium import CHROMIUM, CHROMIUM_ARGS

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as a script: let it past the app's strict Content-Security-Policy.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def site(live_server, transactional_db):
    """The live site with the model loaded (transactional tests start from an empty database)."""
    call_command("loaddata", "model", verbosity=0)
    return live_server


def axe_violations(page):
    """Run axe-core on the current page against the WCAG 2.x A and AA rules (up to 2.2)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes, e.g. "
        f"{violation['nodes'][0]['target']})"
        for violation in result["violations"]
    ]


def signed_in(context, site, user):
    """A browser page of ``user``, signed in through a session made on the server."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site.url,
            }
        ]
    )
    return context.new_page()
