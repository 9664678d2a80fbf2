"""A page with one inline script carrying the request's nonce (tests only)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

PAGE = engines["django"].from_string(
    '<!doctype html><html lang="nl"><title>t</title><script nonce="{{ request.csp_nonce }}">let a = 1;</script></html>'
)


def page_with_nonce(request):
    return HttpResponse(PAGE.render({}, request))


urlpatterns = [path("met-nonce/", page_with_nonce), path("", include("config.urls"))]
