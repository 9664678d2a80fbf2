"""Helpers that build evidence for factors (tests may import the other apps)."""

import itertools

from django.utils import timezone

from cases.models import CaseFactor
from cop.models import Municipality
from meetings.models import Contribution, Round, Vote
from tests.conftest import make_case, make_meeting

_serial = itertools.count(1)


def make_municipality(name):
    return Municipality.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})[0]


def cite_in_case(factor, *, title=None, perspective="gemeente", municipality=None, explanation="", **case_kwargs):
    """A case (published and public unless said otherwise) that names ``factor``."""
    case = make_case(
        title=title or f"Casus {next(_serial)}", perspective=perspective, municipality=municipality, **case_kwargs
    )
    return CaseFactor.objects.create(case=case, factor=factor, explanation=explanation)


def published_meeting(title=None, *, days=-7, visibility="public", **kwargs):
    return make_meeting(
        title=title or f"Bijeenkomst {next(_serial)}",
        days=days,
        visibility=visibility,
        status="published",
        published_at=timezone.now(),
        **kwargs,
    )


def cluster_contribution(factor, meeting, *, perspective="inwoners", text=None, author=None, hidden=False, case=None):
    """A contribution in ``meeting`` clustered onto ``factor``."""
    round_ = meeting.rounds.first() or Round.objects.create(meeting=meeting, prompt="Wat heeft gewerkt?")
    return Contribution.objects.create(
        round=round_,
        meeting=meeting,
        text=text or f"Bijdrage {next(_serial)}",
        perspective=perspective,
        author=author,
        guest_key="" if author else f"gast-{next(_serial)}",
        factor=factor,
        hidden=hidden,
        case=case,
    )


def cast_dots(factor, meeting, n):
    round_ = Round.objects.create(meeting=meeting, prompt="Stippen", mode="vote")
    for _ in range(n):
        Vote.objects.create(round=round_, factor=factor, guest_key=f"gast-{next(_serial)}")
