"""The receivers of the lower apps' signals: each queues one task and does nothing else in the request."""

from cases import signals as case_signals
from cop import signals as cop_signals
from cop.tasks import enqueue
from meetings import signals as meeting_signals
from notifications import tasks


def _stamp(moment):
    return f"{moment.timestamp():.6f}" if moment else "0"


def on_case_step(sender, case, step, by, message="", **kwargs):
    key = f"case-{step}-{case.pk}-{_stamp(case.updated_at)}"
    enqueue(tasks.case_step, case.pk, step, getattr(by, "pk", None), message or "", key)


def on_reflection_posted(sender, reflection, **kwargs):
    enqueue(tasks.reflection_posted, reflection.pk)


def on_reflection_hidden(sender, reflection, reason="", **kwargs):
    key = f"hidden-reflection-{reflection.pk}-{_stamp(reflection.updated_at)}"
    enqueue(tasks.item_hidden, "reflection", reflection.pk, reason or "", key)


def on_contribution_hidden(sender, contribution, reason="", **kwargs):
    key = f"hidden-contribution-{contribution.pk}-{_stamp(contribution.updated_at)}"
    enqueue(tasks.item_hidden, "contribution", contribution.pk, reason or "", key)


def on_invitation(sender, invitation, invitee, **kwargs):
    enqueue(tasks.invitation_sent, invitation.pk, invitee.pk)


def on_registration(sender, registration, promoted=False, **kwargs):
    if promoted:
        key = f"waitlist-{registration.pk}-{_stamp(registration.updated_at)}"
        enqueue(tasks.place_from_waitlist, registration.pk, key)


def on_harvest(sender, meeting, by=None, **kwargs):
    key = f"harvest-{meeting.pk}-{_stamp(meeting.published_at)}"
    enqueue(tasks.harvest_published, meeting.pk, getattr(by, "pk", None), key)


def on_term_version(sender, version, **kwargs):
    enqueue(tasks.term_accepted, version.pk)


def connect():
    pairs = [
        (case_signals.case_step_taken, on_case_step),
        (case_signals.reflection_posted, on_reflection_posted),
        (case_signals.reflection_hidden, on_reflection_hidden),
        (case_signals.coeditor_invited, on_invitation),
        (meeting_signals.contribution_hidden, on_contribution_hidden),
        (meeting_signals.registration_made, on_registration),
        (meeting_signals.harvest_published, on_harvest),
        (cop_signals.term_version_accepted, on_term_version),
    ]
    for signal, receiver in pairs:
        signal.connect(receiver, dispatch_uid=f"notifications-{receiver.__name__}")
