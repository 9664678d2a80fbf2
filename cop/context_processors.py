from django.conf import settings


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
    }
