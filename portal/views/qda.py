"""REFI-QDA downloads (portal.qda): a meeting's project, the CoP's project and the codebook.

The projects are for facilitators: there is no researcher role, and a project holds the
room's own words, also of meetings whose harvest is not (yet) public. A facilitator who
works with a researcher hands the file on. The codebook is the board's factors as codes,
so anyone may take it, with the factors they may see.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from cop.access import facilitator_required
from meetings.access import get_meeting_to_manage
from portal import qda


def download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def meeting_project(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    package = qda.qdpx(qda.meeting_export(meeting, request.user))
    return download(package, f"{meeting.slug}.qdpx", "application/zip")


@facilitator_required
def cop_project(request):
    return download(qda.qdpx(qda.cop_export(request.user)), "weten-wat-werkt.qdpx", "application/zip")


def codebook(request):
    factors = qda.board_order(qda.codebook_factors(request.user))
    if not factors:
        raise Http404  # a codebook needs at least one code
    return download(qda.codebook_xml(factors), "weten-wat-werkt.qdc", "application/xml; charset=utf-8")
