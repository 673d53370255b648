from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Cell, Domain, GuidanceItem, Source, Stage


@admin.register(Domain, Stage)
class DimensionAdmin(TranslationAdmin):
    list_display = ["name", "position", "summary"]
    ordering = ["position"]
    prepopulated_fields = {"slug": ["name"]}


class GuidanceItemInline(TranslationTabularInline):
    model = GuidanceItem
    fields = ["kind", "position", "text", "sources"]
    ordering = ["kind", "position"]
    extra = 0
    filter_horizontal = ["sources"]


@admin.register(Cell)
class CellAdmin(TranslationAdmin):
    list_display = ["__str__", "purpose"]
    list_filter = ["domain", "stage"]
    list_select_related = ["domain", "stage"]
    search_fields = ["purpose", "introduction", "items__text"]
    inlines = [GuidanceItemInline]


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    list_display = ["title", "publisher", "position"]
