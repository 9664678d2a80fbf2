"""Open data downloads: every public dataset as CSV and as JSON, with the licence.

A dataset is a list of columns (stable names: other people's scripts depend on
them, so add columns at the end and never rename) and a function that yields one
dict per public row. Lists (themes, factors) are JSON arrays and ``; ``-joined
text in CSV. Both formats stream, so a large export does not sit in memory.
"""

import csv
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Prefetch
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import CaseFactor
from cop.models import TermVersion
from factors.evidence import strength_level
from factors.models import Factor
from meetings.models import Series
from portal import queries
from portal.feeds import FEEDS

CHUNK = 1000
LIST_SEPARATOR = "; "
# A cell that starts with one of these can run as a formula in a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def site_url(path):
    return f"{settings.SITE_URL}{path}"


def licence_text():
    return f"{settings.COP_LICENCE_NAME} {settings.COP_LICENCE_URL}"


def _iso(value):
    return value.isoformat() if value else ""


def case_rows():
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
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )
    for case in cases.iterator(chunk_size=CHUNK):
        yield {
            "slug": case.slug,
            "title": case.title,
            "summary": case.summary,
            "url": site_url(case.get_absolute_url()),
            "municipality": case.municipality.name if case.municipality_id else "",
            "area": case.area.name if case.area_id else "",
            "area_type": case.area_type,
            "scale": case.scale,
            "stage": case.stage,
            "perspective": case.perspective,
            "organisation": case.organisation.name if case.organisation_id else "",
            "themes": [theme.name for theme in case.themes.all()],
            "factors": [link.factor.slug for link in case.public_factor_links],
            "period_start": _iso(case.period_start),
            "period_end": _iso(case.period_end),
            "published_at": _iso(case.published_at),
        }


def factor_rows():
    factors = (
        queries.public_factors().select_related("cluster").prefetch_related("themes").order_by("kind", "order", "name")
    )
    for factor in factors.iterator(chunk_size=CHUNK):
        evidence = queries.evidence_of(factor)
        yield {
            "slug": factor.slug,
            "name": factor.name,
            "kind": factor.kind,
            "statement": factor.statement,
            "cluster": factor.cluster.name if factor.cluster_id else "",
            "themes": [theme.name for theme in factor.themes.all()],
            "url": site_url(factor.get_absolute_url()),
            "evidence_cases": evidence["cases"],
            "evidence_contributions": evidence["contributions"],
            "evidence_votes": evidence["votes"],
            "evidence_total": evidence["total"],
            "evidence_strength": evidence["strength"],
            "accepted_at": _iso(factor.accepted_at),
            "evidence_level": evidence["level"],
            "evidence_level_name": strength_level(evidence["level"]),
        }


def evidence_rows():
    links = (
        queries.public_factor_links()
        .select_related("case", "factor")
        .order_by("case__slug", "order", "factor__slug")
        .only("explanation", "case__slug", "case__title", "factor__slug", "factor__name", "factor__kind")
    )
    for link in links.iterator(chunk_size=CHUNK):
        yield {
            "case": link.case.slug,
            "case_title": link.case.title,
            "factor": link.factor.slug,
            "factor_name": link.factor.name,
            "kind": link.factor.kind,
            "explanation": link.explanation,
        }


def meeting_rows():
    meetings = (
        queries.public_meetings()
        .select_related("series")
        .prefetch_related(Prefetch("presented_cases", queryset=queries.public_cases(), to_attr="public_cases"))
        .order_by("-starts_at", "pk")
    )
    for meeting in meetings.iterator(chunk_size=CHUNK):
        harvest = meeting.harvest_is_public
        series = meeting.series if meeting.series_id and meeting.series.visibility == Series.Visibility.PUBLIC else None
        yield {
            "slug": meeting.slug,
            "title": meeting.title,
            "goal": meeting.goal,
            "url": site_url(meeting.get_absolute_url()),
            "series": series.title if series else "",
            "starts_at": _iso(meeting.starts_at),
            "ends_at": _iso(meeting.ends_at),
            "location_name": meeting.location_name,
            "status": meeting.status,
            "harvest_published_at": _iso(meeting.published_at) if harvest else "",
            "harvest_summary": queries.plain_text(meeting.summary) if harvest else "",
            "open_questions": queries.plain_text(meeting.open_questions) if harvest else "",
            "presented_cases": [case.slug for case in meeting.public_cases],
        }


def term_rows():
    terms = queries.public_terms().prefetch_related(
        Prefetch("versions", queryset=TermVersion.objects.public().order_by("number"), to_attr="public_versions")
    )
    for term in terms.order_by("-is_key", "order", "name"):
        current = term.public_versions[-1] if term.public_versions else None
        yield {
            "slug": term.slug,
            "name": term.name,
            "is_key": term.is_key,
            "url": site_url(term.get_absolute_url()),
            "definition": queries.plain_text(current.definition) if current else "",
            "version": current.number if current else "",
            "accepted_at": _iso(current.accepted_at) if current else "",
        }


@dataclass
class Dataset:
    slug: str
    title: str
    description: str
    columns: list
    rows: object  # a function yielding dicts with exactly ``columns``


DATASETS = {
    dataset.slug: dataset
    for dataset in [
        Dataset(
            "casussen",
            _("Casussen"),
            _("Gepubliceerde, openbare praktijkvoorbeelden met plaats, thema's en de factoren die ze noemen."),
            [
                "slug",
                "title",
                "summary",
                "url",
                "municipality",
                "area",
                "area_type",
                "scale",
                "stage",
                "perspective",
                "organisation",
                "themes",
                "factors",
                "period_start",
                "period_end",
                "published_at",
            ],
            case_rows,
        ),
        Dataset(
            "factoren",
            _("Werkzame factoren en belemmeringen"),
            _("Aanvaarde factoren met hun cluster, thema's en de omvang en sterkte van hun onderbouwing."),
            [
                "slug",
                "name",
                "kind",
                "statement",
                "cluster",
                "themes",
                "url",
                "evidence_cases",
                "evidence_contributions",
                "evidence_votes",
                "evidence_total",
                "evidence_strength",
                "accepted_at",
                "evidence_level",
                "evidence_level_name",
            ],
            factor_rows,
        ),
        Dataset(
            "onderbouwing",
            _("Onderbouwing: casussen en factoren"),
            _("Welke casus noemt welke factor, en hoe die meespeelde."),
            ["case", "case_title", "factor", "factor_name", "kind", "explanation"],
            evidence_rows,
        ),
        Dataset(
            "bijeenkomsten",
            _("Bijeenkomsten en oogsten"),
            _("Openbare bijeenkomsten; de samenvatting en open vragen zodra de oogst is gepubliceerd."),
            [
                "slug",
                "title",
                "goal",
                "url",
                "series",
                "starts_at",
                "ends_at",
                "location_name",
                "status",
                "harvest_published_at",
                "harvest_summary",
                "open_questions",
                "presented_cases",
            ],
            meeting_rows,
        ),
        Dataset(
            "begrippen",
            _("Begrippen"),
            _("De gedeelde taal: begrippen met hun huidige, vastgestelde omschrijving."),
            ["slug", "name", "is_key", "url", "definition", "version", "accepted_at"],
            term_rows,
        ),
    ]
}
# Every CSV row ends with the licence, so that a copy of the file never loses it.
LICENCE_COLUMN = "licence"


def csv_cell(value):
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, bool):
        value = "true" if value else "false"
    value = "" if value is None else str(value)
    if value.startswith(FORMULA_START):
        value = "'" + value
    return value


class _Echo:
    """A file-like object that hands back what csv.writer writes."""

    def write(self, value):
        return value


def csv_lines(dataset):
    writer = csv.writer(_Echo())
    yield writer.writerow([*dataset.columns, LICENCE_COLUMN])
    licence = licence_text()
    for row in dataset.rows():
        yield writer.writerow([*(csv_cell(row[column]) for column in dataset.columns), licence])


def json_chunks(dataset, request):
    head = {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "source": request.build_absolute_uri(reverse("open-data")),
        "licence": {"name": settings.COP_LICENCE_NAME, "url": settings.COP_LICENCE_URL},
        "generated_at": timezone.now().isoformat(),
        "columns": dataset.columns,
    }
    opening = json.dumps(head, ensure_ascii=False, cls=DjangoJSONEncoder)[:-1]
    yield opening + ', "items": ['
    for index, row in enumerate(dataset.rows()):
        yield ("," if index else "") + json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder)
    yield "]}"


def _download(dataset_slug, extension):
    dataset = DATASETS.get(dataset_slug)
    if dataset is None:
        raise Http404
    return dataset, f"weten-wat-werkt-{dataset.slug}.{extension}"


def _finish(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{settings.COP_LICENCE_URL}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def download_csv(request, dataset):
    dataset, filename = _download(dataset, "csv")
    response = StreamingHttpResponse(csv_lines(dataset), content_type="text/csv; charset=utf-8")
    return _finish(response, filename)


def download_json(request, dataset):
    dataset, filename = _download(dataset, "json")
    response = StreamingHttpResponse(json_chunks(dataset, request), content_type="application/json; charset=utf-8")
    return _finish(response, filename)


def open_data(request):
    return render(
        request,
        "portal/open_data.html",
        {"datasets": DATASETS.values(), "feeds": FEEDS, "licence_column": LICENCE_COLUMN},
    )
