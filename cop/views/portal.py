"""Visual portal pages that combine the apps (factor map, …)."""

from django.http import HttpResponse


def factor_map(request):
    return HttpResponse("")
