"""Series, meetings, registrations (``meeting``) and the live mode (``live``: rounds, contributions, votes)."""

from meetings.models.clustering import ClusteringStep
from meetings.models.live import Contribution, ContributionQuerySet, Round, Vote, VoteQuerySet
from meetings.models.meeting import (
    DEFAULT_DURATION,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    LIVE_VERSIONS,
    HarvestImage,
    Meeting,
    MeetingQuerySet,
    Registration,
    RegistrationQuerySet,
    Series,
    SeriesQuerySet,
    harvest_upload_to,
    new_checkin_token,
    new_join_code,
    normalise_join_code,
)

__all__ = [
    "DEFAULT_DURATION",
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "LIVE_VERSIONS",
    "ClusteringStep",
    "Contribution",
    "ContributionQuerySet",
    "HarvestImage",
    "Meeting",
    "MeetingQuerySet",
    "Registration",
    "RegistrationQuerySet",
    "Round",
    "Series",
    "SeriesQuerySet",
    "Vote",
    "VoteQuerySet",
    "harvest_upload_to",
    "new_checkin_token",
    "new_join_code",
    "normalise_join_code",
]
