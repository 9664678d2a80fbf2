"""Background tasks (django-tasks) and the signals lower apps send: the helpers every app may use.

Work that does not belong in a request (mail, digests, renders) is a task, enqueued only once the
transaction that asked for it has committed, so that the worker sees the new rows and a rolled back
request sends nothing. A task that fails tries again later (``retry_later``) a few times: the
tasks that send mail decide per message, every other task is ``@retried`` as a whole (its body
must be idempotent: running it twice, or again after it stopped halfway, does nothing twice).
"""

import functools
import inspect
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger("cop.tasks")
# How long the first retry waits; every next one waits twice as long.
FIRST_RETRY_SECONDS = 30


def enqueue(task, *args, **kwargs):
    """Enqueue ``task`` now. A queue that cannot be reached is logged, never an error page: what the task
    would have done is kept in the database by its caller and picked up again by the scheduled sweep."""
    try:
        return task.enqueue(*args, **kwargs)
    except Exception:
        logger.exception("Task %s could not be enqueued", task.name)
        return None


def enqueue_on_commit(task, *args, **kwargs):
    """Enqueue ``task`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))


def send_on_commit(signal, sender, **kwargs):
    """Send ``signal`` once the current transaction commits: receivers only see what was saved."""
    transaction.on_commit(lambda: signal.send(sender=sender, **kwargs))


def retry_later(task, attempt, *args, **kwargs):
    """Enqueue ``task`` again as attempt ``attempt + 1``, after a delay that doubles each time.

    False when the attempts are used up (``TASK_MAX_ATTEMPTS``) or the backend cannot wait (the
    immediate backend of the tests); the caller's rows stay pending for the scheduled sweep then.
    """
    if attempt >= getattr(settings, "TASK_MAX_ATTEMPTS", 5):
        logger.error("Task %s gave up after %s attempts", task.name, attempt)
        return False
    if not task.get_backend().supports_defer:
        return False
    delay = timedelta(seconds=FIRST_RETRY_SECONDS * 2 ** (attempt - 1))
    logger.warning("Task %s failed (attempt %s); trying again in %s s", task.name, attempt, delay.seconds)
    return enqueue(task.using(run_after=timezone.now() + delay), *args, attempt=attempt + 1, **kwargs) is not None


def retried(func):
    """Put under ``@task()``: when the task's body raises, log it and enqueue the task again later (with
    ``attempt + 1``, waiting twice as long each time, at most ``TASK_MAX_ATTEMPTS`` attempts). When no
    retry is left (or the backend cannot wait) the error is raised, so the backend records the task as
    failed with its traceback. A body that takes ``attempt`` itself gets it passed on."""
    passes_attempt = "attempt" in inspect.signature(func).parameters

    @functools.wraps(func)
    def run(*args, attempt=1, **kwargs):
        try:
            if passes_attempt:
                return func(*args, attempt=attempt, **kwargs)
            return func(*args, **kwargs)
        except Exception:
            logger.exception("Task %s failed (attempt %s)", func.__name__, attempt)
            # The module attribute of the same name is the Task that ``@task()`` made of this function.
            if retry_later(import_string(f"{func.__module__}.{func.__qualname__}"), attempt, *args, **kwargs):
                return None
            raise

    return run


def mail_as_data(message):
    """An e-mail as JSON for the queue (rendered in the request, sent by the worker)."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


@task()
def send_prepared_mail(data, attempt=1):
    """Send an e-mail rendered elsewhere (allauth's account mails); a failing server is tried again later."""
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError):
        logger.exception("Account e-mail could not be sent (attempt %s)", attempt)
        retry_later(send_prepared_mail, attempt, data)
        return "failed"
    return "sent"
