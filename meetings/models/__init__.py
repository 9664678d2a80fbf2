"""Series, meetings, registrations (``meeting``) and the live mode (``live``: rounds, contributions; ``votes``).

The order of the imports is the order the models register in, which backups dump and restore in
(ops): a model after the ones it points to (Vote after Round).
"""

from meetings.models.clustering import ClusteringStep
from meetings.models.harvest_images import HarvestImage, harvest_upload_to
from meetings.models.live import Contribution, ContributionQuerySet, Round
from meetings.models.meeting import (
    DEFAULT_DURATION,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    LIVE_VERSIONS,
    Meeting,
    MeetingQuerySet,
    Registration,
    RegistrationQuerySet,
    Series,
    SeriesQuerySet,
    new_checkin_token,
    new_join_code,
    normalise_join_code,
)
from meetings.models.scribes import SCRIBE_LIMIT, Scribe
from meetings.models.votes import Vote, VoteQuerySet

__all__ = [
    "DEFAULT_DURATION",
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "LIVE_VERSIONS",
    "SCRIBE_LIMIT",
    "ClusteringStep",
    "Contribution",
    "ContributionQuerySet",
    "HarvestImage",
    "Meeting",
    "MeetingQuerySet",
    "Registration",
    "RegistrationQuerySet",
    "Round",
    "Scribe",
    "Series",
    "SeriesQuerySet",
    "Vote",
    "VoteQuerySet",
    "harvest_upload_to",
    "new_checkin_token",
    "new_join_code",
    "normalise_join_code",
]
