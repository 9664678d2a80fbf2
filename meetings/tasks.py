"""Background tasks of the meetings app: the registration e-mails (a slow mail server never slows a page)."""

import logging
import smtplib

from django_tasks import task

from cop.tasks import enqueue, retry_later
from meetings.emails import registration_email
from meetings.models import Registration

logger = logging.getLogger(__name__)


def mail_registration(sender, registration, promoted=False, **kwargs):
    """Receiver of ``registration_made``: the mail goes out from the queue."""
    enqueue(send_registration_email, registration.pk, promoted=promoted)


@task()
def send_registration_email(registration_id, promoted=False, attempt=1):
    """Tell the member where they stand; a mail server that fails is tried again later."""
    registration = Registration.objects.select_related("meeting", "user").filter(pk=registration_id).first()
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return "gone"
    try:
        registration_email(registration, promoted=promoted).send(fail_silently=False)
    except (smtplib.SMTPException, OSError):
        logger.exception(
            "Registration e-mail for registration %s could not be sent (attempt %s)", registration_id, attempt
        )
        retry_later(send_registration_email, attempt, registration_id, promoted=promoted)
        return "failed"
    return "sent"
