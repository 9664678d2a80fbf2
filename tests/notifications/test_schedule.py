"""The hourly command only enqueues, and is safe to run as often as cron likes."""

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import DigestRun, Follow
from notifications.targets import type_of
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db


def test_the_scheduled_command_starts_each_digest_once(participant):
    factor = make_factor("Eigenaarschap")
    Follow.objects.create(user=participant, target_type=type_of(factor), target_id=factor.pk)
    call_command("notify_scheduled", "--digest", "weekly")
    call_command("notify_scheduled", "--digest", "weekly")
    assert DigestRun.objects.count() == 1
    assert mail.outbox == []  # nothing happened in what they follow: no digest
