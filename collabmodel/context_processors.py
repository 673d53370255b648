from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def site(request):
    return {"development_mode": settings.DEBUG}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's name in itself
    url: str  # this page in that language
    current: bool


def languages(request):
    """This page in every language, for the language switcher and the hreflang alternates: the
    same page, focus and partnership, only the language changes."""
    path = request.get_full_path()
    current = get_language()
    return {
        "language_links": [
            LanguageLink(code, name, translate_url(path, code), code == current)
            for code, name in settings.LANGUAGES
        ]
    }
