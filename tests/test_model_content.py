"""The model as data: the fixture gives the whole 5 x 4 model with full, real content."""

import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from domains.models import (
    Cell,
    Domain,
    GlossaryTerm,
    GuidanceItem,
    Source,
    Stage,
    Tool,
    WorkedExample,
)

pytestmark = pytest.mark.django_db

DOMAINS = ["risk-identification", "leadership", "communication", "coordination", "motivation"]
STAGES = ["mapping", "planning", "implementation", "assessment"]
PLACEHOLDER = re.compile(
    r"lorem|ipsum|\bTODO\b|\bTBD\b|\bFIXME\b|coming soon|placeholder|\bXXX\b", re.IGNORECASE
)


def test_five_domains_and_four_stages_in_model_order():
    assert list(Domain.objects.values_list("slug", flat=True)) == DOMAINS
    assert list(Stage.objects.values_list("slug", flat=True)) == STAGES


def test_exactly_one_cell_for_each_domain_and_stage():
    pairs = list(Cell.objects.for_matrix().values_list("domain__slug", "stage__slug"))
    assert pairs == [(domain, stage) for domain in DOMAINS for stage in STAGES]


@pytest.mark.parametrize("model", [Domain, Stage])
def test_every_domain_and_stage_is_defined(model):
    for dimension in model.objects.all():
        assert len(dimension.summary) > 30, dimension
        assert len(dimension.definition) > 200, dimension


def test_every_cell_has_full_guidance():
    for cell in Cell.objects.for_page():
        assert 20 < len(cell.purpose) <= 200, cell
        assert cell.introduction.count(".") >= 2, cell
        assert 5 <= len(cell.questions) <= 8, cell
        assert 3 <= len(cell.practices) <= 5, cell
        assert 2 <= len(cell.warnings) <= 4, cell
        assert all(question.text.endswith("?") for question in cell.questions), cell
        assert cell.sources, f"{cell} credits no source"


def test_item_positions_count_up_without_gaps():
    for cell in Cell.objects.for_page():
        for kind in GuidanceItem.Kind:
            positions = [item.position for item in cell.items_of_kind(kind)]
            assert positions == list(range(1, len(positions) + 1)), (cell, kind)


def test_no_item_is_written_twice():
    texts = list(GuidanceItem.objects.values_list("text", flat=True))
    assert len(texts) == len(set(texts))


def test_all_four_sources_are_credited():
    assert Source.objects.count() == 4
    for source in Source.objects.all():
        assert source.items.exists(), f"{source} is never cited"


def test_no_placeholder_text_anywhere_in_the_content():
    for model in apps.get_app_config("domains").get_models():
        text_fields = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, models.CharField | models.TextField)
        ]
        for row in model.objects.values("pk", *text_fields):
            for name in text_fields:
                assert not PLACEHOLDER.search(row[name] or ""), (model.__name__, row["pk"], name)


def test_loading_the_fixture_again_changes_nothing():
    def snapshot():
        return (
            list(Domain.objects.values()),
            list(Stage.objects.values()),
            list(Cell.objects.values()),
            list(GuidanceItem.objects.order_by("pk").values()),
            list(GuidanceItem.sources.through.objects.order_by("pk").values()),
            list(Tool.objects.order_by("pk").values()),
            list(WorkedExample.objects.order_by("pk").values()),
            list(GlossaryTerm.objects.order_by("pk").values()),
        )

    before = snapshot()
    call_command("loaddata", "model", verbosity=0)
    assert snapshot() == before


def test_every_cell_has_one_tool_one_example_and_two_or_three_core_questions():
    for cell in Cell.objects.for_page():
        assert cell.tool.name, cell
        assert cell.tool.purpose, cell
        assert "|---" in cell.tool.template, f"{cell}: the tool has no table to fill in"
        words = len(cell.example.text.split())
        assert 80 <= words <= 150, f"{cell}: the worked example has {words} words"
        assert 2 <= len(cell.core_questions) <= 3, cell
    assert not GuidanceItem.objects.exclude(kind=GuidanceItem.Kind.QUESTION).filter(core=True)


def test_one_running_example_builds_across_the_cells():
    """The same made-up partnership in every cell: its partners come back, cell after cell."""
    for cell in Cell.objects.for_page():
        named = [p for p in ("health department", "school board", "sports club", "bakery",
                             "patients' association") if p in cell.example.text]  # fmt: skip
        assert len(named) >= 2, f"{cell}: the example does not follow the running partnership"


def uncredited(items):
    """Items that neither credit a source nor are marked as advice from practice, or do both."""
    return [item for item in items if bool(item.sources.all()) == item.from_practice]


def test_every_item_credits_its_source_or_is_marked_from_practice():
    assert uncredited(GuidanceItem.objects.prefetch_related("sources")) == []
    assert GuidanceItem.objects.filter(from_practice=True).exists()


def test_an_item_with_no_credit_and_no_practice_mark_is_caught():
    cell = Cell.objects.get(domain__slug="leadership", stage__slug="mapping")
    bare = GuidanceItem.objects.create(
        cell=cell, kind=GuidanceItem.Kind.PRACTICE, position=9, text="Meet often."
    )
    assert uncredited(GuidanceItem.objects.prefetch_related("sources")) == [bare]


@pytest.mark.parametrize(
    ("domain", "stage", "kind", "position"),
    [
        # Credits that stretched a source to the writers' own advice are now marked as practice.
        ("motivation", "implementation", "warning", 3),  # cameras off
        ("motivation", "implementation", "practice", 2),  # online work
        ("leadership", "mapping", "warning", 2),  # one enthusiastic person
    ],
)
def test_stretched_credits_are_marked_from_practice(domain, stage, kind, position):
    item = GuidanceItem.objects.get_by_natural_key(domain, stage, kind, position)
    assert item.from_practice
    assert not item.sources.exists()


def test_the_corrected_credits_say_what_their_sources_say():
    funding = GuidanceItem.objects.get_by_natural_key("coordination", "planning", "practice", 4)
    assert "combine" not in funding.text.lower()
    structures = GuidanceItem.objects.get_by_natural_key("coordination", "mapping", "question", 5)
    assert "instead of creating" not in structures.text


def normalised(text):
    return re.sub(r"\W+", " ", text.lower()).strip()


def test_no_item_repeats_another_in_other_words_of_case_or_punctuation():
    texts = [normalised(text) for text in GuidanceItem.objects.values_list("text", flat=True)]
    assert len(texts) == len(set(texts))


def test_the_jargon_is_gone_from_the_cells():
    for phrase in ("intrinsic", "extrinsic", "value added", "frame of reference"):
        assert not GuidanceItem.objects.filter(text__icontains=phrase).exists(), phrase
        assert not Cell.objects.filter(introduction__icontains=phrase).exists(), phrase
        assert not Cell.objects.filter(purpose__icontains=phrase).exists(), phrase


def test_every_planning_cell_plans_the_evaluation():
    for cell in Cell.objects.for_page().filter(stage__slug="planning"):
        texts = " ".join(item.text for item in cell.items.all()).lower()
        assert re.search(r"evaluat|indicator|at the end|check later", texts), cell


def test_every_warning_sign_says_where_it_is_noticed():
    warnings = GuidanceItem.objects.filter(kind=GuidanceItem.Kind.WARNING)
    assert not warnings.filter(noticed="").exists()
    assert not GuidanceItem.objects.exclude(kind=GuidanceItem.Kind.WARNING).exclude(noticed="")
    assert set(warnings.values_list("noticed", flat=True)) == set(GuidanceItem.Noticed.values)


def test_sources_have_the_addresses_their_documents_give():
    assert Source.objects.get(code="oecd-opsi").url == "https://www.youtube.com/watch?v=pXVXvBXJ4tc"
    assert Source.objects.get(code="riconfigure").url == "https://www.riconfigure.eu"


def test_every_glossary_term_has_forms_to_link_and_a_definition():
    for term in GlossaryTerm.objects.all():
        assert term.form_list, term
        assert len(term.definition) > 40, term
