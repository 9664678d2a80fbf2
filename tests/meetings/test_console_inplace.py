"""The console's actions in place (htmx) and without JavaScript, moderation, suggestions, confirmations."""

import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from cop.search import is_postgres
from factors.models import Factor
from meetings import services
from meetings.forms import FormatForm
from meetings.harvest import build_harvest
from meetings.models import Contribution, Meeting, Round
from meetings.suggestions import plain_words, suggest
from tests.conftest import make_factor, make_meeting
from tests.meetings.conftest import add_round

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def notes(active_round, participant):
    return [
        active_round.contribute(text=text, perspective="gemeente", author=participant)
        for text in ["Een vaste wijkagent", "Korte lijnen met de gemeente", "De buurtkamer is elke dag open"]
    ]


def url(name, meeting, *args):
    return reverse(f"meetings:{name}", args=[meeting.slug, *args])


# --- in place and without JavaScript ------------------------------------------------------


def test_clustering_through_htmx_answers_with_the_board_and_a_fresh_poll(
    client_of, facilitator, active_round, notes, django_assert_num_queries
):
    meeting = active_round.meeting
    factor = make_factor("Vaste gezichten in de wijk")
    client = client_of(facilitator)
    data = {"contributions": [notes[0].pk], "factor": factor.pk, "ronde": active_round.pk}
    # Session, user, facilitator check, meeting; the form (contributions, factor); the step (lock,
    # contributions, update, step, version, savepoints); then the board: meeting afresh, rounds,
    # undo, contributions, factors, clustered texts; last, the session renews the facilitator's own
    # kept pages (cop.cache: a write counter, an UPDATE in a savepoint).
    # On PostgreSQL one more: the Dutch lexemes of the notes for the suggestions.
    with django_assert_num_queries(23 + is_postgres()):
        response = client.post(url("cluster", meeting), data, **HTMX)
    assert response.status_code == 200
    assert response["HX-Replace-Url"] == f"{url('console', meeting)}?ronde={active_round.pk}"
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert html.startswith('<div id="console-main">') is False and 'id="console-board"' in html
    assert "1 bijdrage geclusterd bij ‘Vaste gezichten in de wijk’." in html
    meeting.refresh_from_db()
    assert f"?v={meeting.live_version}" in html and 'data-hx-swap-oob="true"' in html
    notes[0].refresh_from_db()
    assert notes[0].factor == factor
    # The message was for this answer only: the next full page does not show it again.
    assert "geclusterd bij" not in client.get(url("console", meeting)).content.decode()


def test_clustering_without_javascript_still_redirects_with_a_message(client_of, facilitator, active_round, notes):
    factor = make_factor("Vaste gezichten in de wijk")
    client = client_of(facilitator)
    data = {"contributions": [notes[0].pk], "factor": factor.pk, "ronde": active_round.pk}
    response = client.post(url("cluster", active_round.meeting), data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"?ronde={active_round.pk}#bijdragen")
    assert "1 bijdrage geclusterd" in client.get(response["Location"]).content.decode()


def test_a_wrong_cluster_request_shows_the_reason_in_place_and_changes_nothing(
    client_of, facilitator, active_round, notes
):
    response = client_of(facilitator).post(
        url("cluster", active_round.meeting), {"contributions": [notes[0].pk], "ronde": active_round.pk}, **HTMX
    )
    assert response.status_code == 200
    assert "Kies een factor of geef een naam voor een nieuwe." in response.content.decode()
    assert not Contribution.objects.filter(factor__isnull=False).exists()


def test_a_new_factor_comes_from_the_one_service_function(client_of, facilitator, active_round, notes, monkeypatch):
    made = []
    original = services.create_factor_from_meeting
    monkeypatch.setattr(services, "create_factor_from_meeting", lambda *a, **k: made.append(k) or original(*a, **k))
    client_of(facilitator).post(
        url("cluster", active_round.meeting),
        {"contributions": [notes[0].pk], "new_name": "Budget", "new_kind": "working", "ronde": active_round.pk},
        **HTMX,
    )
    assert [k["name"] for k in made] == ["Budget"]
    assert Contribution.objects.get(pk=notes[0].pk).factor.name == "Budget"


def test_uncluster_and_undo_work_in_place(client_of, facilitator, active_round, notes, django_assert_num_queries):
    meeting = active_round.meeting
    factor = make_factor("Korte lijnen")
    services.cluster_contributions(meeting, [notes[1].pk], by=facilitator, factor=factor)
    client = client_of(facilitator)
    response = client.post(
        url("uncluster", meeting), {"contributions": [notes[1].pk], "ronde": active_round.pk}, **HTMX
    )
    assert "1 bijdrage losgemaakt van het cluster." in response.content.decode()
    assert Contribution.objects.get(pk=notes[1].pk).factor is None
    with django_assert_num_queries(21 + is_postgres()):
        response = client.post(url("undo", meeting), {"ronde": active_round.pk}, **HTMX)
    assert "De laatste clusterstap is teruggedraaid." in response.content.decode()
    assert Contribution.objects.get(pk=notes[1].pk).factor == factor


def test_hiding_works_in_place(client_of, facilitator, active_round, notes, django_assert_num_queries):
    client = client_of(facilitator)
    with django_assert_num_queries(22):
        response = client.post(
            url("contribution-hide", active_round.meeting, notes[2].pk),
            {"reason": "persoonlijk", "ronde": active_round.pk},
            **HTMX,
        )
    html = response.content.decode()
    assert "De bijdrage is verborgen." in html and "Weer tonen" in html
    response = client.post(
        url("contribution-unhide", active_round.meeting, notes[2].pk), {"ronde": active_round.pk}, **HTMX
    )
    assert "De bijdrage is weer zichtbaar." in response.content.decode()


def test_starting_and_ending_rounds_answers_with_the_rounds_and_the_board(
    client_of, facilitator, active_round, django_assert_num_queries
):
    meeting = active_round.meeting
    second = add_round(meeting, "Wat hielp?", start=False)
    client = client_of(facilitator)
    # The access check (4), the round, the change under the lock (7), then the rounds and the board
    # (meeting afresh, rounds, undo, contributions, factors, clustered texts) and the content version.
    with django_assert_num_queries(23):
        response = client.post(url("round-start", meeting, second.pk), **HTMX)
    html = response.content.decode()
    assert html.startswith('<div id="console-main">')
    assert response["HX-Replace-Url"].endswith(f"?ronde={second.pk}")
    second.refresh_from_db()
    active_round.refresh_from_db()
    assert second.status == Round.Status.ACTIVE and active_round.status == Round.Status.PAUSED
    response = client.post(url("round-close", meeting, second.pk), **HTMX)
    assert "De ronde is afgerond." in response.content.decode()
    assert client.post(url("round-close", meeting, second.pk)).status_code == 302


def test_the_refresh_of_the_change_notice_is_in_place_and_for_facilitators_only(
    client_of, facilitator, participant, active_round, notes
):
    meeting = active_round.meeting
    response = client_of(facilitator).get(url("console-part", meeting), {"ronde": active_round.pk}, **HTMX)
    assert response.status_code == 200 and "Een vaste wijkagent" in response.content.decode()
    assert client_of(facilitator).get(url("console-part", meeting)).status_code == 302
    assert client_of(participant).get(url("console-part", meeting), **HTMX).status_code == 403
    assert client_of(None).get(url("console-part", meeting), **HTMX).status_code == 302


def test_notes_not_clustered_yet_come_before_the_clusters(client_of, facilitator, active_round, notes):
    services.cluster_contributions(active_round.meeting, [notes[0].pk], by=facilitator, factor=make_factor("X"))
    html = client_of(facilitator).get(url("console", active_round.meeting)).content.decode()
    assert html.index("Nog niet geclusterd") < html.index(">Geclusterd<") < html.index("Een vaste wijkagent")
    assert html.index("Korte lijnen met de gemeente") < html.index(">Geclusterd<")


# --- moderation ---------------------------------------------------------------------------


@pytest.fixture
def moderated(live_meeting):
    return add_round(live_meeting, "Wat werkt?", guests_allowed=True, moderated=True)


def test_a_contribution_of_a_moderated_round_waits_off_the_wall_the_harvest_and_the_evidence(
    moderated, participant, facilitator
):
    waiting = moderated.contribute(text="Een buurtfeest", perspective="inwoners", author=participant)
    assert waiting.awaiting_approval and waiting.hidden
    meeting = moderated.meeting
    assert list(Contribution.objects.on_wall()) == []
    assert list(Contribution.objects.awaiting()) == [waiting]
    services.cluster_contributions(meeting, [waiting.pk], by=facilitator, factor=make_factor("Samen feesten"))
    meeting.close()
    services.publish_harvest(Meeting.objects.get(pk=meeting.pk), by=facilitator)
    assert build_harvest(meeting) == []
    assert not Contribution.objects.evidence_for(facilitator).exists()


def test_a_facilitator_approves_in_place_and_the_wall_sees_it_as_new(
    client_of, facilitator, moderated, participant, django_assert_num_queries
):
    waiting = moderated.contribute(text="Een buurtfeest", perspective="inwoners", author=participant)
    before = waiting.live_version
    client = client_of(facilitator)
    with django_assert_num_queries(21):
        response = client.post(
            url("contribution-approve", moderated.meeting, waiting.pk), {"ronde": moderated.pk}, **HTMX
        )
    html = response.content.decode()
    assert "De bijdrage is goedgekeurd" in html and "Wachten op goedkeuring (0)" in html
    waiting.refresh_from_db()
    assert not waiting.awaiting_approval and not waiting.hidden and waiting.live_version > before
    assert list(Contribution.objects.on_wall()) == [waiting]
    # Approving twice is refused with a message, nothing changes.
    response = client.post(url("contribution-approve", moderated.meeting, waiting.pk), {"ronde": moderated.pk})
    assert response.status_code == 302
    assert "wachtte niet (meer) op goedkeuring" in client.get(response["Location"]).content.decode()


def test_hiding_a_waiting_contribution_rejects_it(client_of, facilitator, moderated, participant):
    waiting = moderated.contribute(text="Iets kwetsends", perspective="inwoners", author=participant)
    client_of(facilitator).post(url("contribution-hide", moderated.meeting, waiting.pk), {"reason": "kwetsend"})
    waiting.refresh_from_db()
    assert waiting.hidden and not waiting.awaiting_approval and waiting.hidden_reason == "kwetsend"


def test_only_the_facilitator_approves(client_of, participant, moderated):
    waiting = moderated.contribute(text="Een buurtfeest", perspective="inwoners", author=participant)
    target = url("contribution-approve", moderated.meeting, waiting.pk)
    assert client_of(None).post(target).status_code == 302
    assert client_of(participant).post(target, **HTMX).status_code == 403
    waiting.refresh_from_db()
    assert waiting.awaiting_approval


def test_a_contribution_of_another_meeting_is_not_found(client_of, facilitator, moderated, participant):
    other = make_meeting(title="Andere bijeenkomst", days=0)
    waiting = moderated.contribute(text="Een buurtfeest", perspective="inwoners", author=participant)
    assert client_of(facilitator).post(url("contribution-approve", other, waiting.pk)).status_code == 404
    assert client_of(facilitator).get(url("contribution-approve", moderated.meeting, waiting.pk)).status_code == 405


def test_a_waiting_contribution_is_always_hidden(moderated, participant):
    waiting = moderated.contribute(text="Een buurtfeest", perspective="inwoners", author=participant)
    with pytest.raises(IntegrityError), transaction.atomic():
        Contribution.objects.filter(pk=waiting.pk).update(hidden=False)


def test_the_round_form_offers_moderation(client_of, facilitator, live_meeting):
    client_of(facilitator).post(
        url("round-add", live_meeting),
        {"prompt": "Wat werkt?", "kind": "working", "mode": "contribute", "moderated": "on", "dots_per_person": 3},
    )
    assert Round.objects.get(prompt="Wat werkt?").moderated


# --- suggestions --------------------------------------------------------------------------


def test_the_plain_words_leave_out_stop_words_and_plural_endings():
    assert plain_words("De bewoners en de wijken van Arnhem") == {"bewoner", "wijk", "arnhem"}


def test_suggestions_come_from_the_factor_and_the_notes_already_on_it(active_round, participant):
    contact = make_factor("Vaste contactpersoon", statement="Een vast gezicht dat bewoners kennen.")
    money = make_factor("Flexibel budget", statement="Geld dat de wijk zelf besteedt.")
    make_factor("Iets anders", statement="Heel iets anders.")
    note = active_round.contribute(text="Een vast gezicht in de wijk", perspective="gemeente", author=participant)
    quick = active_round.contribute(text="Snel beschikbaar", perspective="gemeente", author=participant)
    factors = list(Factor.objects.all())
    found = suggest([note, quick], factors, [(money.pk, "Geld snel beschikbaar")])
    assert found[note.pk][0] == contact
    assert found[quick.pk] == [money]


def test_the_console_shows_suggestions_with_one_key_each(client_of, facilitator, active_round, notes):
    make_factor("Vaste wijkagent als gezicht")
    html = client_of(facilitator).get(url("console", active_round.meeting)).content.decode()
    assert 'data-suggestion="1"' in html and "Vaste wijkagent als gezicht" in html


# --- confirmations, buttons, kinds --------------------------------------------------------


def test_closing_asks_first_and_changes_nothing_until_confirmed(client_of, facilitator, live_meeting):
    client = client_of(facilitator)
    response = client.post(url("close", live_meeting))
    assert response.status_code == 200 and "Ja, bijeenkomst afsluiten" in response.content.decode()
    live_meeting.refresh_from_db()
    assert live_meeting.status == Meeting.Status.LIVE
    assert client.post(url("close", live_meeting), {"bevestigd": "1"}).status_code == 302
    live_meeting.refresh_from_db()
    assert live_meeting.status == Meeting.Status.CLOSED


def test_publishing_asks_first(client_of, facilitator, live_meeting):
    live_meeting.close()
    client = client_of(facilitator)
    response = client.post(url("publish", live_meeting))
    assert response.status_code == 200 and "Ja, oogst publiceren" in response.content.decode()
    live_meeting.refresh_from_db()
    assert live_meeting.status == Meeting.Status.CLOSED
    client.post(url("publish", live_meeting), {"bevestigd": "1"})
    live_meeting.refresh_from_db()
    assert live_meeting.status == Meeting.Status.PUBLISHED


def test_the_console_confirms_closing_in_place_without_javascript(client_of, facilitator, live_meeting):
    html = client_of(facilitator).get(url("console", live_meeting)).content.decode()
    assert '<details class="confirm-step">' in html and 'name="bevestigd" value="1"' in html


def test_deleting_a_round_is_an_outline_destructive_button(client_of, facilitator, live_meeting):
    add_round(live_meeting, "Nog niet gestart", start=False)
    html = client_of(facilitator).get(url("console", live_meeting)).content.decode()
    assert "button--secondary button--destructive" in html


def test_one_overig_among_the_kinds_of_1_2_4_all(meeting):
    labels = [str(label).lower() for _value, label in FormatForm(meeting=meeting).fields["kind"].choices]
    assert labels.count("overig") == 1


# --- attendance after a session ----------------------------------------------------------


def test_after_a_session_the_meeting_page_counts_who_took_part(client, active_round, participant):
    meeting = active_round.meeting
    meeting.capacity = 30
    meeting.save(update_fields=["capacity"])
    active_round.contribute(text="Een", perspective="gemeente", author=participant)
    active_round.contribute(text="Twee", perspective="gemeente", author=participant)
    active_round.contribute(text="Drie", perspective="inwoners", guest_key="gast-1")
    assert meeting.live_participant_count() == 2
    meeting.close()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "2 deelnemers deden mee in de live-modus" in html
    assert "van 30 bezet" not in html


def test_the_phone_says_a_note_waits_and_updates_in_place_when_approved_or_hidden(
    client_of, facilitator, moderated, participant
):
    meeting = moderated.meeting
    phone = client_of(participant)
    waiting = moderated.contribute(text="Een buurtfeest", perspective="inwoners", author=participant)
    page = phone.get(reverse("live:participate", args=[meeting.join_code])).content.decode()
    assert "Wacht op goedkeuring" in page
    poll = re.search(r'data-hx-get="([^"]+/wijzigingen/[^"]+)"', page).group(1).replace("&amp;", "&")
    # Nothing about this person changed: the poll does not redraw their list.
    meeting.bump_live_version()
    same = phone.get(poll, **HTMX).content.decode()
    assert 'id="live-mine"' not in same
    client_of(facilitator).post(url("contribution-approve", meeting, waiting.pk), {"ronde": moderated.pk}, **HTMX)
    approved = phone.get(poll, **HTMX).content.decode()
    assert 'id="live-mine" data-hx-swap-oob="true"' in approved
    assert "Goedgekeurd" in approved and "Wacht op goedkeuring" not in approved
    assert 'id="live-round"' not in approved  # the form with what the person types is left alone
    poll = re.search(r'data-hx-get="([^"]+/wijzigingen/[^"]+)"', approved).group(1).replace("&amp;", "&")
    client_of(facilitator).post(url("contribution-hide", meeting, waiting.pk), {"reason": "dubbel"})
    hidden = phone.get(poll, **HTMX).content.decode()
    assert "Verborgen door de begeleider" in hidden
