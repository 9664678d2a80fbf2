from django.shortcuts import get_object_or_404, render

from factors.models import Factor


def board(request):
    factors = Factor.objects.visible_to(request.user).select_related("cluster")
    return render(request, "factors/board.html", {"factors": factors})


def detail(request, slug):
    factor = get_object_or_404(Factor.objects.visible_to(request.user), slug=slug)
    return render(request, "factors/detail.html", {"factor": factor})
