"""A cell's tool and the glossary, as a page shows them.

A tool's template is Markdown written in the admin: a table (or a list) with room to fill in.
It is shown as a table on the cell page and in the workbook. A partnership's note does not
render tables, so the note gets the same template as a fill-in list (``note_skeleton``).
"""

import re

import nh3
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

TOOL_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "p", "strong", "em", "ul", "ol", "li"}
tool_parser = MarkdownIt("commonmark").enable("table").disable(["html_block", "html_inline"])


def tool_html(template):
    """The tool's template as safe HTML: its tables, lists and emphasis, nothing else."""
    return mark_safe(nh3.clean(tool_parser.render(template), tags=TOOL_TAGS, attributes={}))  # noqa: S308


def table_cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def is_table_line(line):
    return line.lstrip().startswith("|")


def note_skeleton(template):
    """The template with each table row turned into a numbered item listing the columns."""
    lines = template.splitlines()
    out = []
    index = 0
    while index < len(lines):
        if not is_table_line(lines[index]):
            out.append(lines[index])
            index += 1
            continue
        block = []
        while index < len(lines) and is_table_line(lines[index]):
            block.append(lines[index])
            index += 1
        header, rows = table_cells(block[0]), block[2:]
        for number, row in enumerate(rows, start=1):
            first, *rest = table_cells(row) + [""] * len(header)
            out.append(f"{number}. {header[0]}: {first}".rstrip())
            out.extend(
                f"   - {column}: {value}".rstrip()
                for column, value in zip(header[1:], rest, strict=False)
            )
        out.append("")
    return "\n".join(out).strip() + "\n"


class GlossaryLinks:
    """Links the first use of each glossary term on one page to the term's entry.

    Called on each text of the page in reading order; every text comes back escaped. Terms are
    matched as whole words, in any case, by the forms they list in the page's language.
    """

    do_not_call_in_templates = True  # a template passes it to the filter, uncalled

    def __init__(self, terms, url):
        self.url = url
        self.by_form = {form.lower(): term for term in terms for form in term.form_list}
        forms = sorted(self.by_form, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE
        )
        self.linked = []

    def __call__(self, text):
        if not self.by_form:
            return escape(text)
        parts, start = [], 0
        for match in self.pattern.finditer(text):
            term = self.by_form[match.group(0).lower()]
            if term in self.linked:
                continue
            self.linked.append(term)
            parts.append(escape(text[start : match.start()]))
            parts.append(
                format_html(
                    '<a href="{}#term-{}" class="glossary-link">{}</a>',
                    self.url,
                    term.slug,
                    match.group(0),
                )
            )
            start = match.end()
        parts.append(escape(text[start:]))
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or format_html
