"""Search across cases, factors, meetings and terms."""

from django.db.models import Q
from django.shortcuts import render

from cases.models import Case
from cop.models import Term
from factors.models import Factor
from meetings.models import Meeting


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = {}
    if query:
        results = {
            "cases": Case.objects.public().filter(
                Q(title__icontains=query) | Q(summary__icontains=query) | Q(story__icontains=query)
            )[:20],
            "factors": Factor.objects.public().filter(Q(name__icontains=query) | Q(statement__icontains=query))[:20],
            "meetings": Meeting.objects.public().filter(Q(title__icontains=query) | Q(goal__icontains=query))[:20],
            "terms": Term.objects.public().filter(name__icontains=query)[:20],
        }
    return render(request, "cop/search.html", {"query": query, "results": results})
