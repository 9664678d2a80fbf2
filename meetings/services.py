"""Work on meetings that reaches into other apps.

Clustering creates factors (and logs them for curation in ``factors``);
publishing a harvest makes every clustered contribution public evidence of its
factor on /wat-werkt/ (``Contribution.objects.evidence()``, read by the factors
app through ``factor.contributions``) and accepts the glossary versions the
meeting agreed.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cop.access import Refused
from cop.models import TermVersion
from cop.tasks import send_on_commit
from factors.models import CurationLog, Factor
from meetings.models import ClusteringStep, Contribution, Meeting
from meetings.signals import harvest_published


def create_factor_from_meeting(meeting, *, name, kind, statement="", by):
    """A factor named while clustering. It starts *proposed*: the room has
    recognised something, but it counts publicly (on /wat-werkt/, in the
    evidence of the portal) only after a facilitator has given it a cluster and
    a description of its own and accepted it (``Factor.accept``). The name the
    room gave it is kept, on the factor and in the log."""
    factor = Factor.objects.create(
        name=name,
        kind=kind,
        statement=statement,
        status=Factor.Status.PROPOSED,
        proposed_by=by,
    )
    CurationLog.objects.create(
        action=CurationLog.Action.PROPOSE,
        factor=factor,
        by=by,
        summary=_("„%(factor)s” voorgesteld bij het clusteren in de bijeenkomst „%(meeting)s”.")
        % {"factor": name, "meeting": meeting.title},
        details={"meeting": meeting.pk, "source": "clustering", "room_name": name},
    )
    return factor


def cluster_contributions(meeting, contribution_ids, *, by, factor=None, new_factor=None):
    """Put contributions of ``meeting`` on ``factor``, on a new factor (``new_factor``:
    name, kind, statement) or, with neither, take them off their factor.

    Returns the ``ClusteringStep`` (None when nothing changed), which ``undo_clustering`` reverses.
    """
    with transaction.atomic():
        locked = Meeting.lock(meeting.pk)
        created = None
        if new_factor:
            created = factor = create_factor_from_meeting(locked, by=by, **new_factor)
        target = factor.pk if factor is not None else None
        contributions = Contribution.objects.filter(meeting=locked, pk__in=list(contribution_ids)).only("id", "factor")
        moves = [
            {"contribution": c.pk, "from": c.factor_id, "to": target} for c in contributions if c.factor_id != target
        ]
        if not moves and created is None:
            return None
        Contribution.objects.filter(pk__in=[move["contribution"] for move in moves]).update(
            factor_id=target, updated_at=timezone.now()
        )
        step = ClusteringStep.objects.create(meeting=locked, by=by, moves=moves, created_factor=created)
        locked.bump_live_version()
        return step


def undo_clustering(meeting, *, by):
    """Reverse the last clustering step that is not undone yet (steps undo last-in, first-out)."""
    with transaction.atomic():
        locked = Meeting.lock(meeting.pk)
        step = locked.clustering_steps.filter(undone=False).order_by("-at", "-id").first()
        if step is None:
            raise Refused(_("Er is geen clusterstap om ongedaan te maken."))
        for move in step.moves:
            Contribution.objects.filter(pk=move["contribution"], meeting=locked, factor_id=move["to"]).update(
                factor_id=move["from"], updated_at=timezone.now()
            )
        factor = step.created_factor
        step.undone = True
        step.created_factor = None
        step.save(update_fields=["undone", "created_factor"])
        if factor is not None and not (
            factor.contributions.exists() or factor.case_links.exists() or factor.votes.exists()
        ):
            # The step made this factor and nothing else uses it: undoing the step removes it.
            factor.delete()
        locked.bump_live_version()
        return step


def publish_harvest(meeting, *, by):
    """Publish the harvest of a closed meeting.

    From now on its clustered, not hidden contributions are public evidence of
    their factors (when the meeting is public), and the glossary versions the
    meeting agreed are accepted.
    """
    with transaction.atomic():
        meeting.publish()
        for version in meeting.agreed_term_versions.filter(status=TermVersion.Status.PROPOSED):
            version.accept(by=by, meeting=meeting)
        send_on_commit(harvest_published, sender=Meeting, meeting=meeting, by=by)


def unpublish_harvest(meeting, *, by):
    """Take the harvest off the portal; contributions, clusters and votes stay as they are.

    Glossary versions stay accepted: the glossary keeps its own history.
    """
    meeting.unpublish()
