from django.shortcuts import get_object_or_404, render

from cases.models import Case


def library(request):
    cases = Case.objects.visible_to(request.user).select_related("municipality")
    return render(request, "cases/library.html", {"cases": cases})


def detail(request, slug):
    case = get_object_or_404(Case.objects.visible_to(request.user), slug=slug)
    return render(request, "cases/detail.html", {"case": case})
