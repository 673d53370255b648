"""The only way a workbook's HTML can reach a file: the app's own static files.

WeasyPrint fetches every URL the HTML or CSS names (images, stylesheets, @import, url()).
Workbooks will carry partners' own text, so nothing in them may make the server open a
network connection or read a file outside the static files: every other URL is refused.
"""

import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Workbook HTML is rendered with this made-up origin as its base URL: a static file's URL
# resolves to it, and nothing else the fetcher could be asked for does.
BASE_URL = "https://workbook.invalid/"

CONTENT_TYPES = {
    ".css": "text/css",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
}


class RefusedURL(ValueError):
    pass


def static_name(url):
    """The static file's name for a URL under BASE_URL's static prefix, else None."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or parts.query:
        return None
    path = unquote(parts.path)
    prefix = urlsplit(settings.STATIC_URL).path
    if not path.startswith(prefix) or posixpath.normpath(path) != path:
        return None
    name = path.removeprefix(prefix)
    return name if name and ".." not in name.split("/") else None


def static_path(name):
    """The file behind a static name: collected files in production, the finders otherwise."""
    if settings.STATIC_ROOT and staticfiles_storage.exists(name):
        return staticfiles_storage.path(name)
    return finders.find(name)


class StaticFilesFetcher(URLFetcher):
    """Serves the app's static files by their URL; refuses every other URL."""

    def fetch(self, url, headers=None):
        name = static_name(url)
        extension = posixpath.splitext(name or "")[1].lower()
        path = static_path(name) if name and extension in CONTENT_TYPES else None
        if path is None:
            raise RefusedURL(f"Workbooks may only use the app's static files, not {url[:200]}")
        with open(path, "rb") as file:
            body = file.read()
        return URLFetcherResponse(url, body, {"Content-Type": CONTENT_TYPES[extension]})
