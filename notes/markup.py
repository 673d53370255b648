"""Partnership notes are written in Markdown (CommonMark) and shown as safe HTML everywhere.

A note is rendered once, when it is saved (``notes/editing.py``), and the HTML is kept in
``Note.html``: pages and PDFs show that and never parse. The parser, markdown-it-py, works in
time linear in the text, and nesting is bounded, so no note can hold a request or a worker
nor make the PDF renderer recurse too deep: lists and block quotes nested deeper than
``NESTING_LIMIT`` are not opened (their lines stay in the innermost one, markers shown as
typed), and emphasis nested deeper is dropped (its words stay).

Two layers keep user text inert: markdown-it's raw-HTML rules are off, so typed tags are shown
as text; then nh3 (a whitelist sanitiser) keeps only the formatting tags below. Both layers
keep a link's target only if it is an absolute http(s) or mailto address: other links (relative,
protocol-relative, fragments, scripts) keep their words only. Images show their alt text.
"""

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt, rules_block

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr",
    "h3", "h4", "h5", "h6",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_PREFIXES = ("http://", "https://", "mailto:")
# A note sits under the page's own h1 and h2 headings: its headings start at h3, and each goes
# at most one level below the one it follows, so the page's outline skips no level.
TOP_HEADING = 3
# Lists and block quotes inside one another, and emphasis inside emphasis or a link.
NESTING_LIMIT = 10
# markdown-it drops whatever lies deeper than this many of its levels, and its time on runs of
# brackets grows with it. A list takes two levels (the list and its item): the text in
# NESTING_LIMIT lists sits at level 20, so 21 keeps every note's text and no more.
MAX_NESTING = 2 * NESTING_LIMIT + 1
DEPTH = "note_container_depth"  # the parser's env key: lists and quotes open around a line


def is_absolute_link(url: str) -> bool:
    return url[:8].lower().startswith(LINK_PREFIXES)


def depth_limited(rule):
    """The block rule ``rule`` (lists or block quotes), opening nothing deeper than the limit."""

    def limited(state, start_line, end_line, silent):
        depth = state.env.get(DEPTH, 0)
        if depth >= NESTING_LIMIT:
            return False  # the line stays in the container it is in, as text
        state.env[DEPTH] = depth + 1
        try:
            return rule(state, start_line, end_line, silent)
        finally:
            state.env[DEPTH] = depth

    return limited


def kept_inline(tokens):
    """A paragraph's inline tokens less the links to anywhere but absolute http(s) and mailto
    addresses and the emphasis nested deeper than the limit: their words stay."""
    dropped = []  # for each tag open here: whether it was left out
    for token in tokens:
        if token.nesting == 1:
            refused = token.type == "link_open" and not is_absolute_link(token.attrGet("href"))
            dropped.append(refused or len(dropped) >= NESTING_LIMIT)
            if dropped[-1]:
                continue
        elif token.nesting == -1 and dropped.pop():
            continue
        yield token


def demote_and_filter(state):
    outline = []  # (typed level, level given) of the headings that enclose the next one
    for token in state.tokens:
        if token.type == "heading_open":
            typed = int(token.tag[1])
            while outline and outline[-1][0] >= typed:
                outline.pop()
            level = min(outline[-1][1] + 1 if outline else TOP_HEADING, 6)
            outline.append((typed, level))
            token.tag = f"h{level}"
        elif token.type == "heading_close":
            token.tag = f"h{outline[-1][1]}"
        elif token.type == "inline" and token.children:
            token.children = list(kept_inline(token.children))


def image_as_alt_text(renderer, tokens, index, options, env):
    """No images: they would load from anywhere. Their description is shown instead."""
    return escape(renderer.renderInlineAsText(tokens[index].children, options, env))


class NoteParser(MarkdownIt):
    def __init__(self):
        super().__init__("commonmark", {"maxNesting": MAX_NESTING})
        self.disable(["html_block", "html_inline"])  # typed tags are text
        # The same rules, limited in depth, interrupting what markdown-it lets them interrupt.
        self.block.ruler.at(
            "blockquote",
            depth_limited(rules_block.blockquote),
            {"alt": ["paragraph", "reference", "blockquote", "list"]},
        )
        self.block.ruler.at(
            "list",
            depth_limited(rules_block.list_block),
            {"alt": ["paragraph", "reference", "blockquote"]},
        )
        self.core.ruler.push("demote_and_filter", demote_and_filter)
        self.add_render_rule("image", image_as_alt_text)

    def validateLink(self, url):
        """Every link is parsed, so that one whose target is refused keeps its words, not its
        brackets; ``kept_inline`` then removes the target."""
        return True


PARSER = NoteParser()


def keep_attribute(tag, attribute, value):
    """nh3's own check, the last line of defence: only absolute http(s) and mailto links."""
    if attribute == "href" and not is_absolute_link(value):
        return None
    return value


def render_note(text: str) -> SafeString:
    return mark_safe(  # noqa: S308 (nh3 has just sanitised it)
        nh3.clean(
            PARSER.render(text),
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=keep_attribute,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )


def saved_html(note) -> SafeString:
    """A note's HTML as ``render_note`` made it when the note was saved, for a template."""
    return mark_safe(note.html)  # noqa: S308 (sanitised before it was stored)
