"""Push to the walls: the stream's access rules, what the hub sends, and NOTIFY across connections."""

import time

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.push import HUB
from meetings.views.wall import check_versions
from tests.conftest import make_factor, make_meeting, make_user
from tests.meetings.conftest import add_round

THREADED = {"wsgi.multithread": True}


def stream_url(meeting):
    return reverse("live:wall-stream", args=[meeting.join_code])


@pytest.fixture
def push(settings, monkeypatch):
    """Push on, without the hub's threads: the test feeds the inboxes itself (SQLite in memory)."""
    settings.LIVE_PUSH = True
    monkeypatch.setattr(HUB, "_start", lambda: None)
    yield HUB
    HUB.walls.clear()
    HUB.versions.clear()


def deliver(hub):
    for pk, (version, event) in check_versions(dict(hub.versions)).items():
        hub.versions[pk] = version
        for inbox in hub.walls.get(pk, ()):
            inbox.put(event)


def test_without_push_or_threads_the_stream_says_poll_instead(client, active_round, settings):
    settings.LIVE_PUSH = False
    assert client.get(stream_url(active_round.meeting), **THREADED).status_code == 204
    settings.LIVE_PUSH = True
    # A sync worker cannot hold a stream: the wall keeps polling.
    assert client.get(stream_url(active_round.meeting), **{"wsgi.multithread": False}).status_code == 204


def test_the_stream_of_an_unknown_or_closed_meeting_is_the_unknown_code_page(client, active_round, push):
    assert client.get(reverse("live:wall-stream", args=["QQQQQQ"]), **THREADED).status_code == 404
    active_round.meeting.close()
    assert client.get(stream_url(active_round.meeting), **THREADED).status_code == 404


def test_the_stream_says_hello_then_brings_each_new_contribution_once(client, active_round, push):
    meeting = active_round.meeting
    response = client.get(stream_url(meeting), **THREADED)
    assert response.status_code == 200 and response["Content-Type"] == "text/event-stream"
    chunks = iter(response.streaming_content)
    meeting.refresh_from_db()
    assert (
        next(chunks).decode() == f'event: hello\nid: {meeting.live_version}\ndata: {{"v": {meeting.live_version}}}\n\n'
    )
    seen = meeting.live_version
    active_round.contribute(text="Gepusht", perspective="gemeente", author=make_user("a@example.org"))
    deliver(push)
    event = next(chunks).decode()
    assert event.startswith(f"event: append\nid: {seen + 1}\n")
    assert f'"from": {seen}, "to": {seen + 1}' in event and "Gepusht" in event
    assert "Nieuwe bijdrage: Gepusht" in event
    deliver(push)  # nothing new: nothing sent
    response.close()
    assert meeting.pk not in push.walls


def test_a_process_holds_at_most_its_number_of_streams(client, active_round, push, settings):
    settings.LIVE_PUSH_STREAMS = 1
    first = client.get(stream_url(active_round.meeting), **THREADED)
    assert first.status_code == 200
    assert client.get(stream_url(active_round.meeting), **THREADED).status_code == 204
    first.close()


def test_the_hub_sends_redraw_for_clustering_hiding_and_closing(active_round, facilitator):
    meeting = active_round.meeting
    note = active_round.contribute(text="Een", perspective="gemeente", author=make_user("a@example.org"))
    meeting.refresh_from_db()
    seen = meeting.live_version
    note.hide(by=facilitator)
    ((version, (name, data)),) = check_versions({meeting.pk: seen}).values()
    assert name == "redraw" and data == {"to": version}
    meeting.refresh_from_db()
    seen = meeting.live_version
    meeting.close()
    assert check_versions({meeting.pk: seen})[meeting.pk][1][0] == "redraw"


def test_the_hub_reads_all_walls_meetings_in_one_query_and_renders_once(active_round, django_assert_num_queries):
    meeting = active_round.meeting
    other = add_round(make_other_meeting(), "Elders")
    meeting.refresh_from_db()
    other.meeting.refresh_from_db()
    versions = {meeting.pk: meeting.live_version, other.meeting_id: other.meeting.live_version}
    active_round.contribute(text="Nieuw", perspective="gemeente", author=make_user("a@example.org"))
    with django_assert_num_queries(2):  # the versions, and the new contributions of the one that changed
        changes = check_versions(versions)
    assert list(changes) == [meeting.pk] and changes[meeting.pk][1][0] == "append"


def make_other_meeting():
    other = make_meeting(title="Andere bijeenkomst", days=0)
    other.open_live()
    return other


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_notify_wakes_the_hub_of_another_connection_at_once(settings):
    """PostgreSQL: a contribution committed by this connection reaches the hub's own listener."""
    settings.LIVE_PUSH = True
    meeting = make_meeting(title="Live met NOTIFY", days=0)
    meeting.open_live()
    round_ = add_round(meeting, "Wat werkt?", guests_allowed=True)
    make_factor("Iets")
    meeting.refresh_from_db()
    inbox = HUB.subscribe(meeting.pk, meeting.live_version)
    try:
        for _ in range(50):  # the listener connects in its own thread
            if HUB.listening:
                break
            time.sleep(0.1)
        assert HUB.listening
        settings.LIVE_PUSH_POLL_MS = 60_000  # only NOTIFY can wake the hub now
        started = time.monotonic()
        round_.contribute(text="Via NOTIFY", perspective="gemeente", author=make_user("n@example.org"))
        name, data = inbox.get(timeout=10)
        assert name == "append" and "Via NOTIFY" in data["html"]
        assert time.monotonic() - started < 3  # about 0.1 s on a quiet machine; polling would take 60
    finally:
        HUB.unsubscribe(meeting.pk, inbox)
        HUB.stop()
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CLOSED)
