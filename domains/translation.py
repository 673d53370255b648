"""The model's content is translatable: each text field below gets one column per language.

English is the source language. Adding a language to LANGUAGES (and a migration) adds its
columns; until a field is translated, readers see the English text (fallback).
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Cell, Domain, GlossaryTerm, GuidanceItem, Source, Stage, Tool, WorkedExample


@register([Domain, Stage])
class DimensionTranslation(TranslationOptions):
    fields = ("name", "summary", "definition")


@register(Cell)
class CellTranslation(TranslationOptions):
    fields = ("purpose", "introduction", "statement")


@register(GuidanceItem)
class GuidanceItemTranslation(TranslationOptions):
    fields = ("text",)


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "short_title", "description")


@register(Tool)
class ToolTranslation(TranslationOptions):
    fields = ("name", "purpose", "template")


@register(WorkedExample)
class WorkedExampleTranslation(TranslationOptions):
    fields = ("text",)


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "forms", "definition")
