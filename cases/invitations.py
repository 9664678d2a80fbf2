"""Co-editor invitations: the mail, the per-owner rate limit and an answer that takes as long for every address.

Issue 14: the owner's answer must not tell whether an address belongs to a member.
So every address gets an invitation row and a rendered mail; only an active member
is sent it, and the answer is not given sooner than ``COEDITOR_INVITE_MIN_SECONDS``
after the request came in, whatever the mail server did.
"""

import time

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from cases.models import CoEditorInvitation
from cop import ratelimit
from cop.utils import one_line

RATE_WINDOW_SECONDS = 3600
SUBJECT_TITLE_CHARS = 50


def rate_limit():
    """Invitations one owner may send per hour (over all their cases)."""
    return getattr(settings, "COEDITOR_INVITATIONS_PER_HOUR", 10)


def rate_limited(user):
    """True when ``user`` has used up this hour's invitations (counts nothing)."""
    return ratelimit.used_up("coeditor-invite", user.pk, rate_limit(), seconds=RATE_WINDOW_SECONDS)


def count_invitation(user):
    """Count one invitation of ``user`` (in every app process alike); False when it is over this hour's limit."""
    return ratelimit.hit("coeditor-invite", user.pk, rate_limit(), seconds=RATE_WINDOW_SECONDS)


def addresses_of(user):
    """The lower-case addresses a member signs in with (the account's and the verified ones)."""
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {user.email.lower()} | {email.lower() for email in verified}


def open_invitations_for(user):
    """The open invitations addressed to ``user``, newest first (for their profile page)."""
    return (
        CoEditorInvitation.objects.open()
        .filter(email__in=addresses_of(user))
        .select_related("case", "invited_by__profile")
        .order_by("-created_at", "-pk")
    )


def member_with_address(email):
    """The active member whose account address is ``email``, or None."""
    return get_user_model().objects.filter(email__iexact=email, is_active=True).first()


def display_name(user):
    """A member's name for others: never their e-mail address (``get_full_name`` falls back to it)."""
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile else "") or _("een deelnemer")


def short_line(text, chars):
    """``text`` on one line (``cop.utils.one_line``), shortened to ``chars``."""
    return Truncator(one_line(text)).chars(chars)


def invitation_mail(invitation, token, *, inviter):
    """The invitation e-mail, addressed to nobody yet: the caller decides whether it goes out."""
    case = invitation.case
    url = settings.SITE_URL + reverse("cases:invitation", kwargs={"token": token})
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Uitnodiging: schrijf mee aan ‘%(title)s’") % {"title": short_line(case.title, SUBJECT_TITLE_CHARS)}
        body = _(
            "%(name)s nodigt je uit om mede-auteur te worden van de casus ‘%(title)s’ op Weten wat werkt.\n\n"
            "Log in met dit e-mailadres en neem de uitnodiging aan of sla haar af:\n%(url)s\n\n"
            "De uitnodiging verloopt op %(date)s. Ken je de afzender niet of wil je niet meedoen? "
            "Dan kun je dit bericht negeren."
        ) % {
            "name": short_line(display_name(inviter), 100),
            "title": short_line(case.title, 200),
            "url": url,
            "date": formats.date_format(invitation.expires_at, "j F Y"),
        }
    return EmailMessage(subject=one_line(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject), body=body)


def answer_no_sooner_than(started):
    """Wait until ``COEDITOR_INVITE_MIN_SECONDS`` have passed since ``started`` (``time.monotonic()``)."""
    remaining = getattr(settings, "COEDITOR_INVITE_MIN_SECONDS", 0.5) - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)
