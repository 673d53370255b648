"""A facilitator runs a self-assessment round: three members answer in their own browsers, the
facilitator closes the round and reads where to start."""

from playwright.sync_api import expect

from assessments.answering import close_round
from assessments.models import Answer

from ..assessment_rounds import a_round, answer
from ..people import make_partnership, make_user
from .conftest import axe_violations, signed_in

# The leadership cells' statements and how each member rates them: partners agree that
# leadership assessment is a strength, are divided on planning and see mapping as a concern.
RATINGS = {
    "We know who drives the cooperation": ["2", "2", "1"],
    "We have set a common goal together": ["1", "5", "5"],
    "We solve problems together as one team": ["3", "3", "4"],
    "We evaluate honestly what our leadership achieved": ["5", "4", "5"],
}
LABELS = {"1": "1 · not at all", "2": "2 · a little", "3": "3 · partly", "4": "4 · mostly",
          "5": "5 · fully"}  # fmt: skip


def assert_accessible(page):
    assert axe_violations(page) == [], page.url


def test_three_members_answer_and_the_facilitator_reads_where_to_start(site, browser):
    anna = make_user("anna@example.org", "Anna Andersen")
    partnership = make_partnership(anna, name="Active towns")
    ben, cleo = make_user("ben@example.org", "Ben Berg"), make_user("cleo@example.org", "Cleo")
    partnership.memberships.create(user=ben, role="editor")
    partnership.memberships.create(user=cleo, role="viewer")
    winter = a_round(partnership, anna, title="Winter check")
    for member in (anna, ben, cleo):
        answer(winter, member, {"leadership/mapping": "4", "leadership/planning": "3"})
    close_round(winter)

    facilitator = signed_in(browser.new_context(bypass_csp=True), site, anna)
    facilitator.goto(f"{site.url}/en/partnerships/{partnership.pk}/")
    facilitator.get_by_role("link", name="Self-assessment rounds").click()
    assert_accessible(facilitator)
    facilitator.get_by_role("link", name="Open a round").click()
    facilitator.get_by_label("Title").fill("Spring check")
    facilitator.get_by_label("Leadership").check()
    assert_accessible(facilitator)
    facilitator.get_by_role("button", name="Open the round").click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text("Spring check")
    expect(facilitator.locator(".alert-success")).to_contain_text("The round is open.")
    assert_accessible(facilitator)
    round_url = facilitator.url

    for position, member in enumerate([anna, ben, cleo]):
        page = (
            facilitator
            if member == anna
            else signed_in(browser.new_context(bypass_csp=True), site, member)
        )
        page.goto(round_url)
        expect(page.locator(".mode-notice")).to_contain_text("nobody, facilitators included")
        page.get_by_role("link", name="Answer now").click()
        expect(page.get_by_role("group", name="Leadership", exact=True)).to_be_visible()
        for statement, ratings in RATINGS.items():
            group = page.get_by_role("group", name=statement)
            group.get_by_label(LABELS[ratings[position]]).check()
        if member == ben:
            page.get_by_label("Comment (optional)").nth(1).fill("Nobody chairs our meetings.")
            assert_accessible(page)
        page.get_by_role("button", name="Save and finish").click()
        expect(page.locator(".alert-success")).to_contain_text("Your answers are saved.")
        expect(page.get_by_text("You have rated 4 of 4 statements.")).to_be_visible()
    assert Answer.objects.filter(response__round__title="Spring check").count() == 12

    facilitator.goto(round_url)
    expect(facilitator.get_by_text("3 members have answered", exact=True)).to_be_visible()
    expect(facilitator.locator("#results")).to_contain_text("The results appear once the round")
    facilitator.get_by_role("button", name="Close the round now").click()
    expect(facilitator.locator(".alert-success")).to_contain_text("The round is closed.")
    assert_accessible(facilitator)

    start = facilitator.locator(".where-to-start > li")
    expect(start).to_have_count(3)
    expect(start.nth(0)).to_contain_text("Leadership · Mapping")  # median 2, a concern
    expect(start.nth(0)).to_contain_text("Concern (2)")
    expect(start.nth(1)).to_contain_text("Leadership · Implementation")  # median 3
    expect(start.nth(2)).to_contain_text("Leadership · Planning")  # median 5, but divided
    expect(start.nth(2)).to_contain_text("Partners divided")
    expect(facilitator.locator(".comment-list")).to_have_text("Nobody chairs our meetings.")
    expect(facilitator.locator("#results")).not_to_contain_text("Ben")

    facilitator.get_by_role("link", name="Printable results").click()
    expect(facilitator.locator(".where-to-start > li")).to_have_count(3)
    assert_accessible(facilitator)
    facilitator.go_back()
    facilitator.get_by_label("Earlier round").select_option(value=str(winter.pk))
    facilitator.get_by_role("button", name="Show the change per cell").click()
    mapping = facilitator.locator("td", has_text="Leadership · Mapping")
    expect(mapping).to_contain_text("Down 2 since then")
    assert_accessible(facilitator)
    facilitator.get_by_role("link", name="Delete the round").click()
    assert_accessible(facilitator)
    facilitator.get_by_role("link", name="Cancel").click()
    start.nth(0).get_by_role("link", name="Its guiding questions").click()
    expect(facilitator.get_by_role("heading", level=2, name="Guiding questions")).to_be_visible()
