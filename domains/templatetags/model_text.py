"""Filters for the model's texts: glossary links and a tool's template."""

from django import template

from ..toolkit import tool_html

register = template.Library()


@register.filter
def glossary_links(text, links):
    """``text`` with its first use of each glossary term linked, where the page links terms."""
    return links(text) if links else text


@register.filter
def tool_table(template_text):
    return tool_html(template_text)
