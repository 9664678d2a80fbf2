"""Cases: the case and its workflow (``case``), its parts and invitations (``parts``), reflections.

``pending`` holds the changes to published cases that wait for a facilitator.
"""

from cases.models.case import RESERVED_SLUGS, Case, CaseQuerySet, text_of
from cases.models.parts import (
    CaseFactor,
    CaseFactorQuerySet,
    CaseImage,
    CaseLink,
    CasePartner,
    CaseRevision,
    CoEditorInvitation,
    CoEditorInvitationQuerySet,
    case_image_upload_to,
    invitation_token_hash,
)
from cases.models.pending import CasePendingChange, CasePendingChangeQuerySet
from cases.models.reflections import Reflection, ReflectionQuerySet

__all__ = [
    "RESERVED_SLUGS",
    "Case",
    "CaseFactor",
    "CaseFactorQuerySet",
    "CaseImage",
    "CaseLink",
    "CasePartner",
    "CasePendingChange",
    "CasePendingChangeQuerySet",
    "CaseQuerySet",
    "CaseRevision",
    "CoEditorInvitation",
    "CoEditorInvitationQuerySet",
    "Reflection",
    "ReflectionQuerySet",
    "case_image_upload_to",
    "invitation_token_hash",
    "text_of",
]
