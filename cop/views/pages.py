"""Portal pages that combine the apps: home and the fixed pages."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from cases.models import Case
from cop.models import Term
from factors.models import Factor
from meetings.models import Meeting

KEY_TERM_SLUG = "gebiedsgericht-werken"


def home(request):
    definition = Term.objects.public().filter(slug=KEY_TERM_SLUG).prefetch_related("versions").first()
    factors = list(Factor.objects.public().select_related("cluster").order_by("kind", "order", "name")[:12])
    context = {
        "definition": definition,
        "working_factors": [f for f in factors if f.kind == Factor.Kind.WORKING],
        "obstacles": [f for f in factors if f.kind == Factor.Kind.OBSTACLE],
        "cases": Case.objects.public().select_related("municipality").order_by("-published_at")[:6],
        "next_meeting": Meeting.objects.public().upcoming(timezone.now()).first(),
    }
    return render(request, "cop/home.html", context)


def about(request):
    return render(request, "cop/about.html")


def privacy(request):
    return render(request, "cop/privacy.html", {"privacy_contact": settings.PRIVACY_CONTACT})


def accessibility(request):
    return render(request, "cop/accessibility.html")


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
