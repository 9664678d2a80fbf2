from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cop.utils import login_url


def content_lang():
    """`` lang="nl"`` while the interface is in another language, else nothing.

    What members write (titles, stories, factor names, terms) is Dutch whatever the
    interface language; an element that holds it says so for screen readers and
    translators (WCAG 3.1.2): ``<h1{{ content_lang }}>{{ case.title }}</h1>``.
    """
    language = content_language()
    return mark_safe(f' lang="{language}"') if language else ""


def content_language():
    """The language of members' text ("nl") while the interface is in another one, else ""."""
    source = settings.LANGUAGE_CODE
    return "" if (get_language() or source) == source else source


def site(request):
    """Site-wide values for templates. Runs no database query."""
    match = getattr(request, "resolver_match", None)
    section = ""
    if match:
        section = match.namespace or ("glossary" if (match.url_name or "").startswith("glossary") else "")
    return {
        "nav_section": section,
        "licence_name": settings.COP_LICENCE_NAME,
        "licence_url": settings.COP_LICENCE_URL,
        "site_url": settings.SITE_URL,
        # The log-in link back to this page (never to an account page, see cop.utils.login_url);
        # not "login_url", which allauth's views put in their own context.
        "login_link": SimpleLazyObject(lambda: login_url(request)),
        "content_lang": content_lang(),
    }
