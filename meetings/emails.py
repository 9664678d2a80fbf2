"""E-mails about registrations: confirmation (with the calendar entry), waiting list, moved up.

They are sent by a background task (``meetings.tasks``), never inside the request.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cop.utils import one_line
from meetings.calendar import calendar_bytes


def registration_email(registration, *, promoted=False):
    """Tell the member where they stand; a confirmed place comes with an .ics attachment."""
    meeting = registration.meeting
    context = {
        "registration": registration,
        "meeting": meeting,
        "promoted": promoted,
        "site_url": settings.SITE_URL,
        "meeting_url": settings.SITE_URL + meeting.get_absolute_url(),
        "registration_url": settings.SITE_URL + reverse("meetings:registration", kwargs={"slug": meeting.slug}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("meetings/email/registration_subject.txt", context).strip()
        body = render_to_string("meetings/email/registration_body.txt", context)
    message = EmailMessage(
        # One line: a title saved with a line break (before forms refused them) must not
        # make the header invalid (BadHeaderError: a 500 on every registration).
        subject=one_line(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject),
        body=body,
        to=[registration.user.email],
    )
    if registration.status == registration.Status.REGISTERED:
        message.attach(
            f"{meeting.slug}.ics",
            calendar_bytes([meeting], with_online_link=True),
            "text/calendar; charset=utf-8; method=PUBLISH",
        )
    return message
