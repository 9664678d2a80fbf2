from django.conf import settings
from django.utils.functional import SimpleLazyObject

from cop.utils import login_url


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
    }
