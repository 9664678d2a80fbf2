"""Portal pages that combine the apps: home and the fixed pages."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from cop.cache import cached_by_content
from portal import queries

# The home page's parts that are the same for everyone, kept until what they show changes
# (cop.cache.cached_by_content); the time-dependent ones (the next meeting) at most 10 minutes.
TIMELY_SECONDS = 600


def _strongest():
    return queries.explain_strongest(*queries.strongest_factors())


def home(request):
    """What the CoP found, first: the strongest factors with their perspectives, what helps
    against the strongest obstacles and the latest harvest; then definitions, cases, meetings."""
    working, obstacles = cached_by_content("home:strongest", _strongest, kinds=("factors", "site"))
    context = {
        "key_terms": queries.key_terms(request.user),
        "working_factors": working,
        "obstacles": obstacles,
        # One scale for both kinds, so that the bars compare across the two columns.
        "max_strength": max((f.evidence_strength or 0 for f in [*working, *obstacles]), default=0),
        "cases": cached_by_content("home:cases", queries.newest_cases, kinds=("cases", "people", "site")),
        "next_meeting": cached_by_content(
            "home:next-meeting", queries.next_meeting, TIMELY_SECONDS, kinds=("meetings", "seats", "site")
        ),
        "latest_harvest": cached_by_content(
            "home:harvest", queries.latest_harvest, kinds=("meetings", "factors", "people", "site")
        ),
    }
    return render(request, "portal/home.html", context)


def about(request):
    return render(request, "portal/about.html")


def privacy(request):
    return render(request, "portal/privacy.html", {"privacy_contact": settings.PRIVACY_CONTACT})


def accessibility(request):
    return render(request, "portal/accessibility.html")


def set_language(request, code):
    """Switch the interface language with a plain link (no form, so pages stay cacheable).

    Only a preference cookie changes, nothing on the server, so a GET is fine.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


def _prefix(path):
    """``/accounts/login/`` → ``/accounts/``: the first segment of a path."""
    return "/" + path.strip("/").split("/")[0] + "/"


def robots_disallowed():
    """The paths crawlers skip: accounts, the member's own pages, the live mode, the admin and redirects."""
    return [
        _prefix(reverse("account_login")),
        _prefix(reverse("profile")),
        _prefix(reverse("live:join")),
        _prefix(reverse("admin:index")),
        # Redirects back to the page they came from, with a cookie: nothing to index.
        _prefix(reverse("set-language", args=["nl"])),
        _prefix(reverse("set_language")),
    ]


@require_GET
def robots_txt(request):
    """robots.txt (RFC 9309): public pages are open to crawlers; the sitemap lists them."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in robots_disallowed()), "Allow: /", ""]
    lines.append(f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "max-age=86400"
    return response
