"""The API's view sets, pagination, router and the human root page.

Every queryset starts from a ``public()`` method (via ``portal.queries``); nested
relations are prefetched with public querysets too.
"""

from django.db.models import Prefetch
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from cases.models import Case, CaseFactor, Reflection
from cop.models import Perspective, TermVersion, Theme
from cop.search import search as search_queryset
from factors.models import Factor, FactorRelation
from meetings.models import Meeting, Series
from portal import queries
from portal.api import params as api_params
from portal.api.params import LEGACY_PAGE_SIZE_PARAM, MAX_PAGE_SIZE, PAGE_SIZE, PAGE_SIZE_PARAM, Param, clean_params
from portal.api.serializers import (
    LICENCE_SCHEMA,
    CaseDetailSerializer,
    CaseListSerializer,
    FactorDetailSerializer,
    FactorListSerializer,
    MeetingDetailSerializer,
    MeetingListSerializer,
    TermDetailSerializer,
    TermSerializer,
    ThemeDetailSerializer,
    ThemeSerializer,
    absolute,
    licence,
)


class LicencedPagination(PageNumberPagination):
    """Page-number pagination whose envelope also carries the licence; a wrong page or size is a 400."""

    page_size = PAGE_SIZE
    page_size_query_param = PAGE_SIZE_PARAM
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        for name in (PAGE_SIZE_PARAM, LEGACY_PAGE_SIZE_PARAM):
            size = api_params.whole_number(request.query_params, name, minimum=1, maximum=MAX_PAGE_SIZE)
            if size is not None:
                return size
        return self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        api_params.whole_number(request.query_params, self.page_query_param, minimum=1)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "licence": licence(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["licence"] = LICENCE_SCHEMA
        paginated["required"] = [*paginated["required"], "licence"]
        return paginated

    def get_schema_operation_parameters(self, view):
        return api_params.pagination_schema_parameters()


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only, anonymous, looked up by slug; its lists check their query parameters (``list_params``).

    The API-Version, licence and CORS headers come from ``portal.api.middleware``.
    """

    lookup_field = "slug"
    authentication_classes = []
    permission_classes = []
    pagination_class = LicencedPagination
    list_serializer_class = None
    list_params = ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.filters = clean_params(self.list_params, request.query_params) if self.action == "list" else {}

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class:
            return self.list_serializer_class
        return self.serializer_class


def _schema(params):
    return [param.schema() for param in params]


# What a slug (Django's SlugField) is made of; anything else is not found either.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


def _one(summary):
    slug = OpenApiParameter(
        "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="The object's slug.", pattern=SLUG_PATTERN
    )
    return extend_schema(summary=summary, parameters=[slug])


# The case library's filters (Case.objects.filter_library), offered by the API under the same names.
LIBRARY_FILTERS = ("theme", "municipality", "perspective", "stage", "factor")
CASE_PARAMS = (
    Param("theme", "Theme slug."),
    Param("municipality", "Municipality slug."),
    Param("perspective", "Perspective of the organisation that brought the case.", enum=tuple(Perspective.values)),
    Param("stage", "The stage of the work.", enum=tuple(Case.Stage.values)),
    Param("factor", "Only cases that name this factor (slug)."),
    Param("q", "Search words (Dutch full-text search on PostgreSQL)."),
)
FACTOR_PARAMS = (
    Param("kind", "Working factors or obstacles.", enum=tuple(Factor.Kind.values)),
    Param("cluster", "Cluster slug."),
    Param("theme", "Theme slug."),
    Param("sort", "'strength' for the best-founded first; default: the board's order.", enum=("order", "strength")),
)
MEETING_PARAMS = (
    Param("series", "Series slug."),
    Param("status", "The meeting's status.", enum=tuple(Meeting.Status.values)),
    Param("harvest", "true: only meetings with a published harvest.", boolean=True),
    Param("upcoming", "true: only meetings still to come; false: only past ones.", boolean=True),
)
TERM_PARAMS = (Param("key", "true: only key terms.", boolean=True),)


@extend_schema_view(
    list=extend_schema(summary="Published public cases", parameters=_schema(CASE_PARAMS)),
    retrieve=_one("One published public case"),
)
class CaseViewSet(PublicViewSet):
    """Cases that are published for everyone, with their factors, partners and reflections."""

    serializer_class = CaseDetailSerializer
    list_serializer_class = CaseListSerializer
    list_params = CASE_PARAMS

    def get_queryset(self):
        cases = (
            queries.public_cases()
            .select_related("municipality", "area", "organisation")
            .prefetch_related(
                "themes",
                Prefetch(
                    "factor_links",
                    queryset=CaseFactor.objects.filter(factor__status=Factor.Status.ACCEPTED)
                    .select_related("factor")
                    .order_by("order", "pk"),
                    to_attr="public_factor_links",
                ),
            )
            .order_by("-published_at", "-pk")
        )
        if self.action == "retrieve":
            return cases.select_related("owner__profile__organisation").prefetch_related(
                "partners__organisation",
                "links",
                "images",
                Prefetch(
                    "reflections",
                    queryset=Reflection.objects.public().select_related("author__profile__organisation"),
                    to_attr="public_reflections",
                ),
                Prefetch(
                    "meetings", queryset=queries.public_meetings().order_by("starts_at"), to_attr="public_meetings"
                ),
            )
        params = self.filters
        cases = cases.filter_library(**{name: params[name] or "" for name in LIBRARY_FILTERS})
        if params["q"]:
            cases = search_queryset(cases, params["q"], rank=False)
        return cases


@extend_schema_view(
    list=extend_schema(
        summary="Accepted working factors and obstacles with their evidence", parameters=_schema(FACTOR_PARAMS)
    ),
    retrieve=_one("One factor with its relations and the cases that name it"),
)
class FactorViewSet(PublicViewSet):
    """Accepted working factors and obstacles, with the evidence behind them."""

    serializer_class = FactorDetailSerializer
    list_serializer_class = FactorListSerializer
    list_params = FACTOR_PARAMS

    def get_queryset(self):
        params = self.filters
        factors = queries.public_factors(
            theme=params.get("theme"), kind=params.get("kind"), cluster=params.get("cluster")
        ).select_related("cluster")
        factors = factors.prefetch_related("themes")
        if params.get("sort") == "strength":
            factors = factors.by_strength()
        else:
            factors = factors.order_by("kind", "order", "name", "pk")
        if self.action == "retrieve":
            factors = factors.prefetch_related(
                Prefetch(
                    "relations_out",
                    queryset=FactorRelation.objects.filter(to_factor__status=Factor.Status.ACCEPTED).select_related(
                        "to_factor"
                    ),
                    to_attr="public_relations",
                ),
                Prefetch(
                    "case_links",
                    queryset=queries.public_case_links().select_related("case").order_by("-case__published_at"),
                    to_attr="public_case_links",
                ),
            )
        return factors


@extend_schema_view(
    list=extend_schema(
        summary="Public meetings (announced and past); the harvest once published",
        parameters=_schema(MEETING_PARAMS),
    ),
    retrieve=_one("One meeting with its harvest (when published)"),
)
class MeetingViewSet(PublicViewSet):
    """Public meetings of the community, and what was harvested there once published."""

    serializer_class = MeetingDetailSerializer
    list_serializer_class = MeetingListSerializer
    list_params = MEETING_PARAMS

    def get_queryset(self):
        meetings = queries.public_meetings().select_related("series").order_by("-starts_at", "pk")
        params = self.filters
        if params.get("series"):
            meetings = meetings.filter(series__slug=params["series"], series__visibility=Series.Visibility.PUBLIC)
        if params.get("status"):
            meetings = meetings.filter(status=params["status"])
        if params.get("harvest"):
            meetings = meetings.filter(status=Meeting.Status.PUBLISHED)
        if params.get("upcoming") is not None:
            now = timezone.now()
            meetings = meetings.filter(starts_at__gte=now) if params["upcoming"] else meetings.filter(starts_at__lt=now)
        if self.action == "retrieve":
            meetings = meetings.prefetch_related(
                Prefetch(
                    "presented_cases",
                    queryset=queries.public_cases().order_by("title"),
                    to_attr="public_presented_cases",
                )
            )
        return meetings


@extend_schema_view(
    list=extend_schema(
        summary="Terms of the shared language with their accepted definitions", parameters=_schema(TERM_PARAMS)
    ),
    retrieve=_one("One term with the history of its definition"),
)
class TermViewSet(PublicViewSet):
    """The shared language: terms and the history of their accepted definitions."""

    serializer_class = TermDetailSerializer
    list_serializer_class = TermSerializer
    list_params = TERM_PARAMS

    def get_queryset(self):
        versions = (
            TermVersion.objects.public()
            .order_by("number")
            .prefetch_related(
                Prefetch(
                    "agreed_in_meetings",
                    queryset=queries.public_meetings().order_by("starts_at"),
                    to_attr="public_meetings",
                )
            )
        )
        terms = queries.public_terms().prefetch_related(
            Prefetch("versions", queryset=versions, to_attr="public_versions")
        )
        if self.filters.get("key"):
            terms = terms.filter(is_key=True)
        return terms.order_by("-is_key", "order", "name", "pk")


@extend_schema_view(list=extend_schema(summary="Themes"), retrieve=_one("One theme"))
class ThemeViewSet(PublicViewSet):
    """The themes that cases and factors are grouped by."""

    serializer_class = ThemeDetailSerializer
    list_serializer_class = ThemeSerializer
    queryset = Theme.objects.order_by("order", "name")


router = SimpleRouter(trailing_slash=False)
router.register("cases", CaseViewSet, basename="case")
router.register("factors", FactorViewSet, basename="factor")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("terms", TermViewSet, basename="term")
router.register("themes", ThemeViewSet, basename="theme")

ENDPOINTS = [
    ("case-list", "cases"),
    ("factor-list", "factors"),
    ("meeting-list", "meetings"),
    ("term-list", "terms"),
    ("theme-list", "themes"),
]


def api_root(request):
    """A small human page about the API (``?format=json``: the same as links)."""
    if request.GET.get("format") == "json":
        return api_index(request)
    links = {name: absolute(request, reverse(f"api:{view}")) for view, name in ENDPOINTS}
    schema_url = absolute(request, reverse("api-schema"))
    return render(request, "portal/api.html", {"links": links, "schema_url": schema_url})


@require_safe
def api_index(request):
    """The base path /api/v1: the endpoints and the OpenAPI document as links."""
    links = {name: absolute(request, reverse(f"api:{view}")) for view, name in ENDPOINTS}
    return JsonResponse({**links, "schema": absolute(request, reverse("api-schema")), "licence": licence()})


def legacy_redirect(request, rest):
    """/api/<path> of before version 1 (with a trailing slash): a permanent 308 to /api/v1/<path>, query kept."""
    rest = rest.strip("/")
    if rest == "schema":
        target = reverse("api-schema-yaml" if request.GET.get("format") != "json" else "api-schema")
        query = request.GET.copy()
        query.pop("format", None)
    else:
        target = f"{reverse('api-index')}/{rest}"
        query = request.GET
    if query:
        target = f"{target}?{query.urlencode()}"
    return HttpResponsePermanentRedirect(target, preserve_request=True)
