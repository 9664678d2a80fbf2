"""A whole meeting through the client: live mode, phones, wall, clustering, dots, harvest, evidence."""

import pytest
from django.test import Client
from django.urls import reverse

from cop.models import Perspective
from factors.models import Factor
from meetings.models import Contribution, Meeting, Round, Vote
from tests.conftest import make_factor, make_user
from tests.meetings.conftest import contribute, join_as_guest

pytestmark = pytest.mark.django_db

CONFIRMED = {"bevestigd": "1"}  # the confirmation step of closing and publishing


def test_a_facilitator_runs_a_meeting_and_the_harvest_lands_on_the_portal(client_of, facilitator, meeting):
    factor = make_factor("Vaste gezichten in de wijk")
    console = client_of(facilitator)
    slug = meeting.slug

    # The facilitator opens the live mode and adds a round that welcomes guests.
    assert console.post(reverse("meetings:open-live", args=[slug])).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.LIVE and len(meeting.join_code) == 6
    code = meeting.join_code
    response = console.post(
        reverse("meetings:round-add", args=[slug]),
        {
            "prompt": "Wat heeft gewerkt?",
            "kind": "working",
            "mode": "contribute",
            "guests_allowed": "on",
            "dots_per_person": 3,
        },
    )
    assert response.status_code == 302
    round_ = meeting.rounds.get()
    console.post(reverse("meetings:round-start", args=[slug, round_.pk]))
    wall = Client()
    wall_page = wall.get(reverse("live:wall", args=[code]))
    assert wall_page.status_code == 200
    version = wall_page.context["version"]

    # Three members and one guest contribute from their phones.
    people = [
        make_user("ans@example.org", name="Ans Aalbers", perspective=Perspective.MUNICIPALITY),
        make_user("bas@example.org", name="Bas Bakker", perspective=Perspective.HOUSING),
        make_user("cor@example.org", name="Cor Claes", perspective=Perspective.WELFARE),
    ]
    phones = [client_of(person) for person in people]
    for phone, text in zip(
        phones, ["Een vaste wijkagent", "Korte lijnen met de corporatie", "De buurtkamer"], strict=True
    ):
        phone_page = phone.get(reverse("live:participate", args=[code]))
        assert "Wat heeft gewerkt?" in phone_page.content.decode()
        assert contribute(phone, meeting, round_, text, perspective="").status_code == 302
    guest = Client()
    join_as_guest(guest, meeting, Perspective.RESIDENTS)
    assert contribute(guest, meeting, round_, "Bewoners die zelf trekken").status_code == 302
    assert Contribution.objects.filter(round=round_).count() == 4
    assert Contribution.objects.get(text="Bewoners die zelf trekken").author is None

    # The wall polls and gets the four new contributions.
    update = wall.get(reverse("live:wall-changes", args=[code]), {"v": version, "r": round_.pk}, HTTP_HX_REQUEST="true")
    assert update.status_code == 200
    assert update.content.decode().count('<li class="postit ') == 4

    # The facilitator clusters three on the existing factor and one on a new obstacle, then runs a vote.
    contributions = list(round_.contributions.order_by("id"))
    console.post(
        reverse("meetings:cluster", args=[slug]),
        {"contributions": [c.pk for c in contributions[:3]], "factor": factor.pk, "ronde": round_.pk},
    )
    console.post(
        reverse("meetings:cluster", args=[slug]),
        {"contributions": [contributions[3].pk], "new_name": "Bewoners als trekkers", "new_kind": "working"},
    )
    new_factor = Factor.objects.get(name="Bewoners als trekkers")
    console.post(
        reverse("meetings:round-add", args=[slug]),
        {
            "prompt": "Wat is het belangrijkst?",
            "kind": "other",
            "mode": "vote",
            "source_round": round_.pk,
            "dots_per_person": 2,
        },
    )
    vote_round = meeting.rounds.get(mode=Round.Mode.VOTE)
    console.post(reverse("meetings:round-next", args=[slug]))
    vote_round.refresh_from_db()
    round_.refresh_from_db()
    assert vote_round.status == Round.Status.ACTIVE and round_.status == Round.Status.CLOSED
    for phone in phones:
        phone.post(reverse("live:vote-add", args=[code, vote_round.pk, factor.pk]))
    phones[0].post(reverse("live:vote-add", args=[code, vote_round.pk, new_factor.pk]))
    assert Vote.objects.filter(round=vote_round).count() == 4
    hidden = wall.get(reverse("live:wall", args=[code])).content.decode()
    assert "3 stippen" not in hidden and "4 stippen gezet" in hidden  # no bandwagon while voting
    console.post(reverse("meetings:round-reveal", args=[slug, vote_round.pk]), {"reveal": "1"})
    assert "3 stippen" in wall.get(reverse("live:wall", args=[code])).content.decode()

    # Close and publish; a visitor sees the harvest, anonymous with perspective, and the evidence grows.
    assert Contribution.objects.evidence().count() == 0
    console.post(reverse("meetings:close", args=[slug]), CONFIRMED)
    console.post(reverse("meetings:publish", args=[slug]), CONFIRMED)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED
    visitor = Client()
    page = visitor.get(meeting.get_absolute_url()).content.decode()
    for text in [
        "Een vaste wijkagent",
        "Bewoners die zelf trekken",
        "Vaste gezichten in de wijk",
        "Bewoners als trekkers",
    ]:
        assert text in page
    assert "een deelnemer vanuit een woningcorporatie" in page
    assert "een deelnemer vanuit een inwonersinitiatief" in page
    assert "Ans Aalbers" not in page and "ans@example.org" not in page
    assert Contribution.objects.evidence().filter(factor=factor).count() == 3
    assert Contribution.objects.evidence().filter(factor=new_factor).count() == 1
    factor_page = visitor.get(factor.get_absolute_url())
    assert factor_page.status_code == 200
    assert "Een vaste wijkagent" in factor_page.content.decode()

    # After closing, a late post is thanked, not stored, and its text given back to copy.
    closed = phones[0].post(reverse("live:contribute", args=[code, round_.pk]), {"text": "Te laat"})
    assert closed.status_code == 409 and "Dank je wel" in closed.content.decode()
    assert "Te laat" in closed.content.decode()
    assert not Contribution.objects.filter(text="Te laat").exists()
