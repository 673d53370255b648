"""Partnership notes are written in Markdown and shown as safe HTML everywhere.

Two layers keep user text inert: Markdown's raw-HTML handling is switched off, so typed
tags are shown as text; then nh3 (a whitelist sanitiser) keeps only the formatting tags
below and only http(s) and mailto links. Pages, PDFs and the admin all use ``render_note``.
"""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr",
    "h3", "h4", "h5", "h6",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
# A note sits under the page's own h1 and h2 headings: its headings start at h3.
HEADING_OFFSET = 2


class DemoteHeadings(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                element.tag = f"h{min(int(element.tag[1]) + HEADING_OFFSET, 6)}"


class SafeNotes(Extension):
    """No raw HTML and no images (they would load from anywhere); headings demoted."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        for pattern in ("html", "image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(pattern)
        md.treeprocessors.register(DemoteHeadings(md), "demote_headings", 0)


def render_note(text: str) -> SafeString:
    html = markdown.markdown(text, extensions=[SafeNotes(), "sane_lists"])
    return mark_safe(  # noqa: S308 (nh3 has just sanitised it)
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )
