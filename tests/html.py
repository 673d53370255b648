"""Reading pages the way a user would: text, headings and links."""

from bs4 import BeautifulSoup


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(response):
    """The visible text of a page's main content, with whitespace folded."""
    main = page(response).find("main")
    return " ".join(main.get_text(" ").split())
