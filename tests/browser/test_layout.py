"""Every kind of page at desktop and phone width: nothing covers a control at any scroll
position, nothing scrolls sideways, no keyboard stop is out of sight, control borders stand out
(3:1), axe finds nothing and the page as served is valid HTML. One load per page and width."""

import pytest

from .conftest import axe_violations, signed_in
from .layout import html_errors, layout_problems
from .pages import WIDTHS, make_demo, partnership_pages, public_pages


def check_pages(page, base_url, kinds, width):
    """Each page's problems at ``width``, as {name: [problem]}, and its HTML as served."""
    page.set_viewport_size({"width": width, "height": 800})
    problems, served = {}, {}
    for kind in kinds:
        response = kind.open(page, base_url)
        served[kind.name] = response.text()
        problems[kind.name] = layout_problems(page) + axe_violations(page)
    return problems, served


def assert_no_problems(problems, served, width):
    if width == WIDTHS[0]:  # the HTML is the same at every width: validate it once
        for name, errors in html_errors(served).items():
            problems[name] = problems.get(name, []) + [f"HTML: {error}" for error in errors]
    found = {name: found for name, found in problems.items() if found}
    assert found == {}, "\n".join(
        f"{name}:\n  " + "\n  ".join(items) for name, items in found.items()
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages(site, page, width):
    problems, served = check_pages(page, site.url, public_pages(), width)
    assert_no_problems(problems, served, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_partnership_and_account_pages(site, context, width):
    demo = make_demo()
    page = signed_in(context, site, demo.facilitator)
    problems, served = check_pages(page, site.url, partnership_pages(demo), width)
    assert_no_problems(problems, served, width)


def test_the_checks_see_what_they_look_for(page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.set_content(
        """<!doctype html><html lang="en"><title>Faults</title><main>
        <input class="form-control" aria-label="Faint" style="border: 1px solid #dee2e6">
        <a href="#one" style="position: fixed; top: 0; left: 0">One</a>
        <button style="position: fixed; top: 0; left: 0">Two</button>
        <div style="width: 900px">Too wide</div>
        <div style="position: absolute; width: 1px; height: 1px; overflow: hidden;
          clip-path: inset(50%)"><a href="#hidden">Hidden</a></div>
        </main></html>"""
    )
    problems = layout_problems(page)
    assert any(problem.startswith("the page scrolls sideways") for problem in problems)
    assert any("“Faint” has a border of 1.3" in problem for problem in problems), problems
    assert any("“One” overlaps <button> “Two”" in problem for problem in problems), problems
    assert any("“Hidden” takes keyboard focus out of sight" in p for p in problems), problems
    errors = html_errors({"page": "<!doctype html><html lang=en><title>x</title><h2>a</h2><h4>b"})
    assert any("skipping 1 heading level" in error for error in errors["page"]), errors
