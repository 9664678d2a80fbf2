"""Following from the pages (htmx and plain forms), managing it, the header count, export and deletion."""

import json
import zipfile
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications import tasks
from notifications.models import Follow, Kind, Notification
from privacy.accounts import ContentChoice, delete_member
from tests.conftest import make_case, make_factor

pytestmark = pytest.mark.django_db


def follow_url(kind, obj):
    return reverse("notifications:follow", args=[kind, obj.pk])


def test_a_member_follows_a_factor_with_htmx_and_without(client_of, participant):
    factor = make_factor("Eigenaarschap")
    c = client_of(participant)
    page = c.get(factor.get_absolute_url()).content.decode()
    assert follow_url("factor", factor) in page and 'aria-pressed="false"' in page
    answer = c.post(follow_url("factor", factor), HTTP_HX_REQUEST="true")
    assert answer.status_code == 200 and 'aria-pressed="true"' in answer.content.decode()
    assert Follow.objects.filter(user=participant).count() == 1
    back = c.post(follow_url("factor", factor), {"next": factor.get_absolute_url()})
    assert back.status_code == 302 and back["Location"] == factor.get_absolute_url()
    assert not Follow.objects.exists()


def test_visitors_see_no_button_and_cannot_follow(client):
    factor = make_factor("Eigenaarschap")
    assert "notifications" not in client.get(factor.get_absolute_url()).content.decode().replace("/profiel/volgen", "")
    assert follow_url("factor", factor) not in client.get(factor.get_absolute_url()).content.decode()
    assert client.post(follow_url("factor", factor)).status_code == 302
    assert not Follow.objects.exists()


def test_nobody_follows_what_they_may_not_see(client_of, owner, participant):
    draft = make_case(owner, status="draft")
    assert client_of(participant).post(follow_url("casus", draft)).status_code == 404
    assert client_of(participant).post(reverse("notifications:follow", args=["iets", 1])).status_code == 404


def test_the_profile_lists_what_you_follow(client_of, participant):
    factor = make_factor("Eigenaarschap")
    client_of(participant).post(follow_url("factor", factor))
    page = client_of(participant).get(reverse("notifications:settings")).content.decode()
    assert "Eigenaarschap" in page and "Niet meer volgen" in page


def test_the_header_count_costs_one_query_and_nothing_for_visitors(client_of, client, owner, participant):
    case = make_case(owner)
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="a", title=case.title)
    with CaptureQueriesContext(connection) as queries:
        page = client_of(participant).get(reverse("about"))
    counted = [q["sql"] for q in queries.captured_queries if "notifications_notification" in q["sql"]]
    assert len(counted) == 1
    assert '<span class="badge">1<span class="visually-hidden"> ongelezen</span>' in page.content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("about"))
    assert not [q for q in queries.captured_queries if "notifications_" in q["sql"]]


def test_opening_a_notification_marks_it_read(client_of, owner, participant):
    case = make_case(owner)
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="a", title=case.title)
    notification = Notification.objects.get()
    response = client_of(participant).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert client_of(owner).get(reverse("notifications:open", args=[notification.pk])).status_code == 404


def test_notifications_and_follows_are_exported_and_deleted_with_the_account(client_of, owner, participant):
    case = make_case(owner)
    factor = make_factor("Eigenaarschap")
    client_of(participant).post(follow_url("factor", factor))
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="a", title=case.title)
    archive = zipfile.ZipFile(BytesIO(client_of(participant).get(reverse("profile-export")).content))
    data = json.loads(archive.read("gegevens.json"))
    assert data["notifications"][0]["title"] == case.title
    assert data["follows"][0]["target_id"] == factor.pk
    delete_member(participant, content=ContentChoice.DELETE)
    assert not Notification.objects.exists() and not Follow.objects.exists()
