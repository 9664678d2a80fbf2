"""The shared language: the glossary and the history of each term."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from cop.models import Term, TermVersion


def glossary(request):
    terms = Term.objects.visible_to(request.user).prefetch_related(
        Prefetch("versions", queryset=TermVersion.objects.public())
    )
    return render(request, "cop/glossary.html", {"terms": terms})


def term_detail(request, slug):
    term = get_object_or_404(Term.objects.visible_to(request.user).prefetch_related("versions"), slug=slug)
    return render(request, "cop/term_detail.html", {"term": term})
