"""The production queue for real: django-tasks' RQ backend on a running Redis, and an RQ burst worker.

Needs a Redis at ``TEST_REDIS_URL`` (``.ci/run`` starts redis-server on a loopback port and sets it).
Locally without it the tests skip with that reason; under ``REQUIRE_ALL_TESTS=1`` (CI) they fail.
The worker is RQ's ``SimpleWorker`` in this process, so it sees the test's database transaction and
Django's in-memory mail outbox.
"""

import os

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import Kind, Notification
from tests.notifications.conftest import step_url

pytestmark = pytest.mark.django_db
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
if REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER", "").startswith("gw"):
    # One Redis database per test process (gw0 → 1, gw1 → 2, …): their queues never meet.
    REDIS_URL = f"{REDIS_URL.rsplit('/', 1)[0]}/{1 + int(os.environ['PYTEST_XDIST_WORKER'][2:]) % 15}"


def _require_redis():
    reason = None
    if not REDIS_URL:
        reason = "needs a running Redis in TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15; .ci/run starts one)"
    else:
        import redis

        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
        except redis.RedisError as error:
            reason = f"needs the Redis at TEST_REDIS_URL={REDIS_URL}, which did not answer ({error})"
    if reason is None:
        return
    if os.environ.get("REQUIRE_ALL_TESTS") == "1":
        pytest.fail(f"REQUIRE_ALL_TESTS=1 but this test {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def rq_queue(settings):
    _require_redis()
    import django_rq
    from django_tasks import task_backends

    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    # Enqueue at once: our code already waits for the commit (cop.tasks), and a test never commits.
    settings.RQ = {"COMMIT_MODE": "auto"}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    assert type(task_backends["default"]).__name__ == "RQBackend"
    queue = django_rq.get_queue("default")
    queue.empty()
    for registry in (queue.scheduled_job_registry, queue.failed_job_registry, queue.finished_job_registry):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    yield queue
    queue.empty()
    for job_id in queue.scheduled_job_registry.get_job_ids():
        queue.scheduled_job_registry.remove(job_id, delete_job=True)


def burst(queue):
    """An RQ worker that runs what is queued and stops (``manage.py rqworker --burst`` in this process)."""
    import django_rq
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    worker = django_rq.get_worker("default", worker_class=SimpleWorker, job_class=Job)
    return worker.work(burst=True, with_scheduler=False)


def test_a_submitted_case_reaches_the_facilitator_through_rq(rq_queue, committed, client_of, owner, facilitator, draft):
    response = committed(client_of(owner).post, step_url("submit", draft))
    assert response.status_code == 302
    assert rq_queue.count == 1 and mail.outbox == []  # queued in Redis, nothing done in the request
    burst(rq_queue)  # the event task, then the delivery it queued
    assert [m.to for m in mail.outbox] == [["begeleider@example.org"]]
    assert Notification.objects.get(kind=Kind.CASE_SUBMITTED).mail == Notification.Mail.SENT
    assert rq_queue.count == 0 and rq_queue.failed_job_registry.count == 0


def test_a_failing_mail_server_is_tried_again_later_by_rq(
    settings, rq_queue, committed, client_of, owner, facilitator, draft
):
    settings.EMAIL_BACKEND = "tests.notifications.test_retry.FailingBackend"
    committed(client_of(owner).post, step_url("submit", draft))
    burst(rq_queue)
    assert mail.outbox == []
    (job_id,) = rq_queue.scheduled_job_registry.get_job_ids()  # the retry waits in RQ's schedule
    when = rq_queue.scheduled_job_registry.get_scheduled_time(job_id)
    assert 20 < (when - timezone.now()).total_seconds() < 40
    # Its time comes (moved to the queue as RQ's scheduler does) and the server is back: sent once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    rq_queue.scheduled_job_registry.remove(job_id)
    rq_queue.enqueue_job(rq_queue.fetch_job(job_id))
    burst(rq_queue)
    assert [m.to for m in mail.outbox] == [["begeleider@example.org"]]
    assert Notification.objects.get().mail == Notification.Mail.SENT
