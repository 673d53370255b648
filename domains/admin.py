from django.contrib import admin
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from .models import Cell, Domain, GlossaryTerm, GuidanceItem, Source, Stage, Tool, WorkedExample


@admin.register(Domain, Stage)
class DimensionAdmin(TranslationAdmin):
    list_display = ["name", "position", "summary"]
    ordering = ["position"]
    prepopulated_fields = {"slug": ["name"]}


class GuidanceItemInline(TranslationTabularInline):
    model = GuidanceItem
    fields = ["kind", "position", "text", "sources", "from_practice", "core", "noticed"]
    ordering = ["kind", "position"]
    extra = 0
    filter_horizontal = ["sources"]


class ToolInline(TranslationStackedInline):
    model = Tool
    fields = ["name", "purpose", "template"]


class WorkedExampleInline(TranslationStackedInline):
    model = WorkedExample
    fields = ["text"]


@admin.register(Cell)
class CellAdmin(TranslationAdmin):
    list_display = ["__str__", "purpose"]
    list_filter = ["domain", "stage"]
    list_select_related = ["domain", "stage"]
    search_fields = ["purpose", "introduction", "items__text"]
    inlines = [ToolInline, WorkedExampleInline, GuidanceItemInline]


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    list_display = ["title", "publisher", "position"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(TranslationAdmin):
    list_display = ["term", "forms"]
    search_fields = ["term", "forms", "definition"]
