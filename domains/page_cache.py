"""The public pages, served from a cache to anonymous visitors.

The model changes a few times a year; its pages are read all the time. Views marked
``@public_page`` have their anonymous answers kept per address (scheme, host, path and query)
and language, with the model's content version they were made from, in the ``pages`` cache
(each app process's own memory). The middleware ``public_page_cache`` answers from that copy
before the address is even resolved, while the version is still the current one. The version
lives in the shared cache and is renewed whenever any of the model's rows is saved or deleted
(the receivers below, connected in ``DomainsConfig.ready()``); each process reads it at most
once a second (``VERSION_CHECK_SECONDS``), so an edit in the admin shows at once in the process
that saved it and within a second in every other, and a kept page costs no query at all.

Only a request that carries no cookie but the language's and the CSRF token's gets the cached
copy, and only such a request fills it: a signed-in person's pages (the header's menu, a cell's
links into their partnerships), pages with messages, and responses that set a cookie or carry a
CSRF token are rendered for them alone and never kept. Error pages are never kept. The
language cookie (``collabmodel.middleware.remember_language``) is set further out, on the way
back: a kept page never carries it, and each visitor still gets it when their language changes.

Cached answers carry a weak ``ETag`` (their content, whatever the nonce), ``Last-Modified``
(when the model last changed) and ``Cache-Control: public, max-age=0, must-revalidate`` with
``Vary: Cookie``, so browsers and a reverse proxy ask again each time and get a 304 while
nothing changed. Each answer gets its own CSP nonce: the kept copy's nonce is replaced by the
request's.
"""

import hashlib
import secrets
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from django.utils.translation import get_language

VERSION_KEY = "domains:content-version"
# How long a process goes on with the version it last read: it spares each page a query, and
# lets an edit of the model reach the other app processes up to this much later.
VERSION_CHECK_SECONDS = 1
NEUTRAL_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


def digest(value):
    return hashlib.sha256(value).hexdigest()[:32]


def content_version():
    """The model's current content version: (a random token, when it began). The process
    keeps what it read from the shared cache for ``VERSION_CHECK_SECONDS``."""
    pages = caches["pages"]
    version = pages.get(VERSION_KEY)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, (secrets.token_hex(8), time.time()), None)
            version = cache.get(VERSION_KEY)
        pages.set(VERSION_KEY, version, VERSION_CHECK_SECONDS)
    return version


def renew_content_version(**kwargs):
    """A receiver for every change to the model's rows (the admin's, a fixture's): pages kept
    before it are not served again, by this process from now on, by the others within
    ``VERSION_CHECK_SECONDS``."""
    cache.set(VERSION_KEY, (secrets.token_hex(8), time.time()), None)
    caches["pages"].delete(VERSION_KEY)


def connect_receivers(models):
    for model in models:
        post_save.connect(renew_content_version, sender=model)
        post_delete.connect(renew_content_version, sender=model)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(renew_content_version, sender=field.remote_field.through)


def anonymous(request):
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= NEUTRAL_COOKIES


def version_for(request):
    """The content version, read once per request."""
    if not hasattr(request, "content_version"):
        request.content_version = content_version()
    return request.content_version


def public_page(view):
    """Mark ``view`` as a public page: its anonymous answers are kept (see the module's
    docstring); everyone else's are marked as not to be cached."""

    @wraps(view)
    def public_view(request, *args, **kwargs):
        version = version_for(request) if anonymous(request) else None
        response = view(request, *args, **kwargs)
        if version and response.status_code == 200 and not response.streaming:
            response.content_version = version  # read before the page was made from the model
        else:
            add_never_cache_headers(response)
        return response

    return public_view


def page_key(request):
    address = digest(request.build_absolute_uri().encode())
    return f"page:{get_language()}:{address}"


def kept_copy(request, response):
    """What the cache keeps of a response: its content and headers, the nonce it was rendered
    with and the content version it was made from."""
    nonce = str(get_nonce(request)) if get_nonce(request) else ""
    return {
        "content": response.content,
        "headers": dict(response.headers),
        "nonce": nonce,
        "etag": f'W/"{digest(response.content.replace(nonce.encode(), b""))}"',
        "version": response.content_version,
    }


def answer(request, kept):
    """The kept copy as an answer to ``request``: its content with the request's own nonce, or
    a 304 when the browser's copy is the same."""
    _token, changed_at = kept["version"]
    response = get_conditional_response(request, etag=kept["etag"], last_modified=int(changed_at))
    if response is None:
        content = kept["content"]
        if kept["nonce"]:
            content = content.replace(kept["nonce"].encode(), str(get_nonce(request)).encode())
        response = HttpResponse(content)
        for header, value in kept["headers"].items():
            response.headers[header] = value
    response["ETag"] = kept["etag"]
    response["Last-Modified"] = http_date(changed_at)
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def public_page_cache(get_response):
    """Answer anonymous visitors from the kept copy of a public page while the model has not
    changed, before the address is resolved; keep each public page's anonymous answer."""

    def middleware(request):
        if not anonymous(request):
            return get_response(request)
        key = page_key(request)
        pages = caches["pages"]
        kept = pages.get(key)
        if kept is not None and kept["version"] == version_for(request):
            return answer(request, kept)
        response = get_response(request)
        if getattr(response, "content_version", None) is None:
            return response
        if response.cookies or request.session.modified:
            add_never_cache_headers(response)
            return response
        kept = kept_copy(request, response)
        pages.set(key, kept)
        return answer(request, kept)

    return middleware
