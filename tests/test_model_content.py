"""The model as data: the fixture gives the whole 5 x 4 model with full, real content."""

import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models

from domains.models import Cell, Domain, GuidanceItem, Source, Stage

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
                assert not PLACEHOLDER.search(row[name]), (model.__name__, row["pk"], name)


def test_loading_the_fixture_again_changes_nothing():
    def snapshot():
        return (
            list(Domain.objects.values()),
            list(Stage.objects.values()),
            list(Cell.objects.values()),
            list(GuidanceItem.objects.order_by("pk").values()),
            list(GuidanceItem.sources.through.objects.order_by("pk").values()),
        )

    before = snapshot()
    call_command("loaddata", "model", verbosity=0)
    assert snapshot() == before
