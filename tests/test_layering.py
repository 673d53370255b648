"""The apps' layering holds in templates too: the public model's templates (domains) know no
other app. Where a public page shows something of another app, they include a project hook
(templates/hooks/), which the project fills; import-linter checks the Python side."""

from pathlib import Path

import pytest
from django.template import engines
from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_TEMPLATES = sorted((ROOT / "templates" / "domains").rglob("*.html"))
# What a domains template may include or extend: its own, the site's layout and partials, and
# the project's hooks. It may load Django's template tags, its own and crispy-forms' (the site's
# one way to render forms).
INCLUDABLE = ("domains/", "includes/", "hooks/", "base.html")


def tags(path):
    """Each template tag in the file, as its words: ["url", "'domains:matrix'"] and so on."""
    source = path.read_text()
    return [token.split_contents() for token in Lexer(source).tokenize()
            if token.token_type == TokenType.BLOCK]  # fmt: skip


def template_libraries():
    """Every {% load %} library the project can use, by name, with the module it comes from."""
    return engines["django"].engine.libraries


def problems(path):
    found = []
    libraries = template_libraries()
    for words in tags(path):
        name, arguments = words[0], words[1:]
        if name == "url":
            url_name = arguments[0].strip("'\"")
            if not url_name.startswith("domains:"):
                found.append(f"uses the URL name {arguments[0]}")
        elif name == "load":
            for library in (
                arguments[: arguments.index("from")] if "from" in arguments else arguments
            ):
                module = libraries.get(library, "")
                if not module.startswith(("django.", "domains.", "crispy_forms.")):
                    found.append(f"loads the template tags {library!r} ({module or 'unknown'})")
        elif name in {"include", "extends"}:
            template = arguments[0].strip("'\"")
            if arguments[0][0] in "'\"" and not template.startswith(INCLUDABLE):
                found.append(f"{name}s {arguments[0]}")
    return found


@pytest.mark.parametrize(
    "path", DOMAIN_TEMPLATES, ids=[str(p.relative_to(ROOT)) for p in DOMAIN_TEMPLATES]
)
def test_the_public_models_templates_know_no_other_app(path):
    assert problems(path) == []


def test_the_check_finds_another_apps_url_names_tags_and_templates(tmp_path):
    """The check above would fail for a domains template that reached into another app."""
    template = tmp_path / "cell.html"
    template.write_text(
        '{% load i18n note_hooks %}{% url "domains:matrix" %}{% url "partnerships:list" %}'
        '{% include "domains/includes/source.html" %}'
        '{% include "workbooks/includes/print_link.html" %}'
    )
    assert problems(template) == [
        "loads the template tags 'note_hooks' (notes.templatetags.note_hooks)",
        'uses the URL name "partnerships:list"',
        'includes "workbooks/includes/print_link.html"',
    ]
