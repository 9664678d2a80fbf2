"""The API's view sets, pagination, router and the human root page.

Every queryset starts from a ``public()`` method (via ``portal.queries``); nested
relations are prefetched with public querysets too.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from cases.models import CaseFactor, Reflection
from cop.models import TermVersion, Theme
from cop.search import search as search_queryset
from factors.models import Factor, FactorRelation
from meetings.models import Meeting, Series
from portal import queries
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
    truthy,
)


class LicencedPagination(PageNumberPagination):
    """Page-number pagination whose envelope also carries the licence."""

    page_size_query_param = "page_size"
    max_page_size = 100

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


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only, anonymous, looked up by slug; every answer names the licence and may be read cross-site."""

    lookup_field = "slug"
    authentication_classes = []
    permission_classes = []
    pagination_class = LicencedPagination
    list_serializer_class = None

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class:
            return self.list_serializer_class
        return self.serializer_class

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = f'<{settings.COP_LICENCE_URL}>; rel="license"'
        response["Access-Control-Allow-Origin"] = "*"
        return response


# The case library's filters (Case.objects.filter_library), offered by the API under the same names.
LIBRARY_FILTERS = ("theme", "municipality", "perspective", "stage", "factor")


def _param(name, description, type_=str):
    return OpenApiParameter(name, type_, OpenApiParameter.QUERY, required=False, description=description)


@extend_schema_view(
    list=extend_schema(
        summary="Published public cases",
        parameters=[
            _param("theme", "Theme slug."),
            _param("municipality", "Municipality slug."),
            _param("perspective", "Perspective of the organisation that brought the case."),
            _param("stage", "idea, running or finished."),
            _param("factor", "Only cases that name this factor (slug)."),
            _param("q", "Search words (Dutch full-text search on PostgreSQL)."),
        ],
    ),
    retrieve=extend_schema(summary="One published public case"),
)
class CaseViewSet(PublicViewSet):
    serializer_class = CaseDetailSerializer
    list_serializer_class = CaseListSerializer

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
        params = self.request.query_params
        cases = cases.filter_library(**{name: params.get(name, "") for name in LIBRARY_FILTERS})
        if params.get("q"):
            cases = search_queryset(cases, params["q"], rank=False)
        return cases


@extend_schema_view(
    list=extend_schema(
        summary="Accepted working factors and obstacles with their evidence",
        parameters=[
            _param("kind", "working or obstacle."),
            _param("cluster", "Cluster slug."),
            _param("theme", "Theme slug."),
            _param("sort", "'strength' for the best-founded first; default: the board's order."),
        ],
    ),
    retrieve=extend_schema(summary="One factor with its relations and the cases that name it"),
)
class FactorViewSet(PublicViewSet):
    serializer_class = FactorDetailSerializer
    list_serializer_class = FactorListSerializer

    def get_queryset(self):
        params = self.request.query_params
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
        parameters=[
            _param("series", "Series slug."),
            _param("status", "planned, live, closed or published."),
            _param("harvest", "'true': only meetings with a published harvest."),
            _param("upcoming", "'true': only meetings still to come; 'false': only past ones."),
        ],
    ),
    retrieve=extend_schema(summary="One meeting with its harvest (when published)"),
)
class MeetingViewSet(PublicViewSet):
    serializer_class = MeetingDetailSerializer
    list_serializer_class = MeetingListSerializer

    def get_queryset(self):
        meetings = queries.public_meetings().select_related("series").order_by("-starts_at", "pk")
        params = self.request.query_params
        if params.get("series"):
            meetings = meetings.filter(series__slug=params["series"], series__visibility=Series.Visibility.PUBLIC)
        if params.get("status"):
            meetings = meetings.filter(status=params["status"])
        if truthy(params.get("harvest", "")):
            meetings = meetings.filter(status=Meeting.Status.PUBLISHED)
        if "upcoming" in params:
            from django.utils import timezone

            now = timezone.now()
            meetings = (
                meetings.filter(starts_at__gte=now)
                if truthy(params["upcoming"])
                else meetings.filter(starts_at__lt=now)
            )
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
        summary="Terms of the shared language with their accepted definitions",
        parameters=[_param("key", "'true': only key terms.")],
    ),
    retrieve=extend_schema(summary="One term with the history of its definition"),
)
class TermViewSet(PublicViewSet):
    serializer_class = TermDetailSerializer
    list_serializer_class = TermSerializer

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
        if truthy(self.request.query_params.get("key", "")):
            terms = terms.filter(is_key=True)
        return terms.order_by("-is_key", "order", "name", "pk")


@extend_schema_view(list=extend_schema(summary="Themes"), retrieve=extend_schema(summary="One theme"))
class ThemeViewSet(PublicViewSet):
    serializer_class = ThemeDetailSerializer
    list_serializer_class = ThemeSerializer
    queryset = Theme.objects.order_by("order", "name")


router = SimpleRouter()
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
    links = {name: absolute(request, reverse(f"api:{view}")) for view, name in ENDPOINTS}
    schema_url = absolute(request, reverse("api-schema"))
    if request.GET.get("format") == "json":
        response = JsonResponse({**links, "schema": schema_url, "licence": licence()})
        response["Access-Control-Allow-Origin"] = "*"
        return response
    return render(request, "portal/api.html", {"links": links, "schema_url": schema_url})
