"""Small views of a factor and of the board that networks put on their own site in an ``<iframe>``.

These are the only responses that other sites may frame: every other page sends
``X-Frame-Options: DENY`` and ``frame-ancestors 'none'``. They show public content
only, whoever asks (a framed page gets no session cookie anyway, SameSite=Lax),
and their links open the portal in a new window (``<base target="_blank">``).
"""

from functools import wraps

from csp.decorators import csp_replace
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt

from factors.models import Factor, FactorSlugRedirect
from portal import queries

EMBED_FACTORS_PER_KIND = 5


def frameable(view):
    """Let any site frame this response; the rest of the Content-Security-Policy stays as strict.

    It marks the response object, so it must stay the outermost decorator: a page
    cache (``cop.cache``) below it is fine, above it would serve cached copies
    without the marks, with ``DENY`` and ``frame-ancestors 'none'``.
    """

    @wraps(view)
    @xframe_options_exempt
    @csp_replace({"frame-ancestors": ["*"]})
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapper


@frameable
def board(request):
    working, obstacles = queries.strongest_factors(per_kind=EMBED_FACTORS_PER_KIND)
    context = {"chart": queries.strongest_chart(working, obstacles, uid="ingesloten-bord")}
    return render(request, "portal/embed_board.html", context)


@frameable
def factor(request, slug):
    found = Factor.objects.public().with_evidence().select_related("cluster").filter(slug=slug).first()
    if found is None:
        # An embed lives on for years on other sites: follow renames and merges.
        moved = FactorSlugRedirect.objects.filter(old_slug=slug).select_related("factor").first()
        merged = Factor.objects.filter(slug=slug, status=Factor.Status.MERGED).select_related("merged_into").first()
        target = moved.factor if moved else getattr(merged, "merged_into", None)
        if target is None or not target.is_public:
            raise Http404
        return HttpResponsePermanentRedirect(reverse("embed-factor", kwargs={"slug": target.slug}))
    return render(request, "portal/embed_factor.html", {"factor": found, "evidence": queries.evidence_of(found)})
