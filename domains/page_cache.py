"""The public pages, served from a cache to anonymous visitors.

The model changes a few times a year; its pages are read all the time. A public page is kept
per address (scheme, host, path and query), language and the model's content version, in the
``pages`` cache (each app process's own memory). The version lives in the shared cache and is
renewed whenever any of the model's rows is saved or deleted (the receivers below, connected
in ``DomainsConfig.ready()``), so an edit in the admin shows at once in every process.

Only a request that carries no cookie but the language's and the CSRF token's gets the cached
copy, and only such a request fills it: a signed-in person's pages (the header's menu, a cell's
links into their partnerships), pages with messages, and responses that set a cookie or carry a
CSRF token are rendered for them alone and never kept. Error pages are never kept.

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
NEUTRAL_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


def digest(value):
    return hashlib.sha256(value).hexdigest()[:32]


def content_version():
    """The model's current content version: (a random token, when it began)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, (secrets.token_hex(8), time.time()), None)
        version = cache.get(VERSION_KEY)
    return version


def renew_content_version(**kwargs):
    """A receiver for every change to the model's rows (the admin's, a fixture's): pages kept
    before it are not served again."""
    cache.set(VERSION_KEY, (secrets.token_hex(8), time.time()), None)


def connect_receivers(models):
    for model in models:
        post_save.connect(renew_content_version, sender=model)
        post_delete.connect(renew_content_version, sender=model)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(renew_content_version, sender=field.remote_field.through)


def anonymous(request):
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= NEUTRAL_COOKIES


def keepable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.session.modified
    )


def kept_copy(request, response):
    """What the cache keeps of a response: its content, with the nonce it was rendered with."""
    nonce = str(get_nonce(request)) if get_nonce(request) else ""
    return {
        "content": response.content,
        "content_type": response["Content-Type"],
        "nonce": nonce,
        "etag": f'W/"{digest(response.content.replace(nonce.encode(), b""))}"',
    }


def from_copy(request, kept):
    """The kept copy as an answer to ``request``: its content with the request's own nonce."""
    content = kept["content"]
    if kept["nonce"]:
        content = content.replace(kept["nonce"].encode(), str(get_nonce(request)).encode())
    return HttpResponse(content, content_type=kept["content_type"])


def public_page(view):
    """Serve ``view`` from the page cache to anonymous visitors (see the module's docstring)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not anonymous(request):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response
        token, changed_at = content_version()
        address = digest(request.build_absolute_uri().encode())
        key = f"page:{token}:{get_language()}:{address}"
        pages = caches["pages"]
        kept = pages.get(key)
        if kept is None:
            response = view(request, *args, **kwargs)
            if not keepable(request, response):
                add_never_cache_headers(response)
                return response
            kept = kept_copy(request, response)
            pages.set(key, kept)
        response = get_conditional_response(
            request, etag=kept["etag"], last_modified=int(changed_at)
        ) or from_copy(request, kept)
        response["ETag"] = kept["etag"]
        response["Last-Modified"] = http_date(changed_at)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    return cached_view
