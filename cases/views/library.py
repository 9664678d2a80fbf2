"""The case library (/casussen/): filters, sorting, Dutch full-text search, pagination; htmx-aware."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from cases.library_filters import LibraryFilterForm
from cases.models import Case
from cop.cache import cached_by_content
from cop.models import Municipality, Theme
from cop.roles import is_member
from cop.search import search

PAGE_SIZE = 12


def library_page(cases, number, *, key):
    """One page of ``cases``, kept per filter combination (``key``) until published content changes.

    The count and the page's cases (with what their cards show) come from the cache
    (``cop.cache.cached_by_content``) after the first visitor asked for them.
    """

    def build():
        page = Paginator(cases, PAGE_SIZE).get_page(number)
        return page.paginator.count, page.number, list(page.object_list)

    count, page_number, object_list = cached_by_content("library", build, vary=key)
    page = Paginator(range(count), PAGE_SIZE).get_page(page_number)
    page.object_list = object_list
    return page


def _followables(request, form):
    """The theme and municipality the library is narrowed to, for their follow buttons (members only)."""
    if request.htmx or not is_member(request.user):
        return []
    found = []
    if form.value("thema"):
        found += list(Theme.objects.filter(slug=form.value("thema")))
    if form.value("gemeente"):
        found += list(Municipality.objects.filter(slug=form.value("gemeente")))
    return found


def library(request):
    form = LibraryFilterForm(request.GET, member=is_member(request.user))
    cases = Case.objects.listed_for(request.user).filter_library(
        theme=form.value("thema"),
        municipality=form.value("gemeente"),
        perspective=form.value("perspectief"),
        stage=form.value("fase"),
        factor=form.value("factor"),
        organisation_kind=form.value("organisatie"),
    )
    query, sort = form.value("q"), form.value("sorteer")
    if query:
        cases = search(cases, query)
    cases = cases.for_list()
    if sort == LibraryFilterForm.SORT_EVIDENCE:
        cases = cases.order_by("-evidence_count", "-published_at", "-pk")
    elif sort == LibraryFilterForm.SORT_NEWEST or not query:
        cases = cases.order_by("-published_at", "-pk")
    page = library_page(cases, request.GET.get("pagina"), key=(is_member(request.user), request.GET.urlencode()))
    context = {"form": form, "page": page, "query": query, "followables": _followables(request, form)}
    template = "cases/partials/_library_results.html" if request.htmx else "cases/library.html"
    response = render(request, template, context)
    if request.htmx:
        # The address bar shows the filters that apply, without the empty ones: a link to share.
        response["HX-Push-Url"] = form.shareable_url()
    patch_vary_headers(response, ["HX-Request"])
    return response
