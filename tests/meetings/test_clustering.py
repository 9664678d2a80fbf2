"""Clustering in the console: buttons and checkboxes, new factors, moving, undo, hiding."""

import pytest
from django.urls import reverse

from cop.access import Refused
from factors.models import Cluster, CurationLog, Factor
from meetings.models import ClusteringStep, Contribution
from meetings.services import create_factor_from_meeting
from tests.conftest import make_factor, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(active_round):
    people = [make_user(f"p{n}@example.org") for n in range(3)]
    texts = ["Vaste wijkagent", "Buurtkamer open", "Geld voor één jaar"]
    return [
        active_round.contribute(text=t, perspective="gemeente", author=p) for t, p in zip(texts, people, strict=True)
    ]


def cluster(client, meeting, contributions, follow=False, **data):
    data["contributions"] = [c.pk for c in contributions]
    return client.post(reverse("meetings:cluster", args=[meeting.slug]), data, follow=follow)


def test_checked_contributions_go_onto_an_existing_factor(client_of, facilitator, posts):
    meeting = posts[0].meeting
    factor = make_factor("Vaste gezichten in de wijk")
    response = cluster(client_of(facilitator), meeting, posts[:2], factor=factor.pk, ronde=posts[0].round_id)
    assert response.status_code == 302 and f"ronde={posts[0].round_id}" in response.url
    assert set(factor.contributions.all()) == set(posts[:2])
    step = ClusteringStep.objects.get()
    assert step.by == facilitator and len(step.moves) == 2


def test_a_new_factor_is_born_proposed_and_logged_for_curation(client_of, facilitator, posts):
    meeting = posts[0].meeting
    cluster(
        client_of(facilitator),
        meeting,
        [posts[2]],
        new_name="Kortlopende subsidies",
        new_kind="obstacle",
        new_statement="Geld voor één jaar maakt continuïteit lastig.",
    )
    factor = Factor.objects.get(name="Kortlopende subsidies")
    assert (factor.kind, factor.status, factor.accepted_by) == ("obstacle", Factor.Status.PROPOSED, None)
    assert factor.proposed_by == facilitator
    assert factor.statement == "Geld voor één jaar maakt continuïteit lastig."
    assert list(factor.contributions.all()) == [posts[2]]
    log = CurationLog.objects.get(factor=factor)
    assert log.action == CurationLog.Action.PROPOSE
    assert meeting.title in log.summary and log.by == facilitator
    assert log.details["room_name"] == "Kortlopende subsidies"
    # Not on the public board, and not among the factors with evidence.
    assert "Kortlopende subsidies" not in client_of(None).get(reverse("factors:board")).content.decode()
    assert factor not in Factor.objects.strongest()


def test_a_factor_named_in_the_room_has_no_description_of_its_own(facilitator, posts):
    factor = create_factor_from_meeting(posts[0].meeting, name="Vertrouwen", kind="working", by=facilitator)
    assert (factor.statement, factor.status) == ("", Factor.Status.PROPOSED)
    assert factor.missing_for_public == ["een cluster", "een eigen beschrijving (meer dan de naam)"]


def test_a_facilitator_completes_a_room_factor_and_then_it_counts(client_of, facilitator, posts):
    factor = create_factor_from_meeting(posts[0].meeting, name="Vertrouwen", kind="working", by=facilitator)
    with pytest.raises(Refused):
        factor.accept(by=facilitator)
    factor.cluster = Cluster.objects.create(name="Relaties", slug="relaties")
    factor.statement = "Bewoners en professionals kennen elkaar en durven op elkaar te rekenen."
    factor.save()
    factor.accept(by=facilitator)
    factor.refresh_from_db()
    assert (factor.name, factor.status) == ("Vertrouwen", Factor.Status.ACCEPTED)


def test_choosing_both_an_existing_and_a_new_factor_is_refused(client_of, facilitator, posts):
    factor = make_factor()
    response = cluster(
        client_of(facilitator), posts[0].meeting, posts[:1], factor=factor.pk, new_name="Iets", follow=True
    )
    assert "niet allebei" in response.content.decode()
    assert not Contribution.objects.filter(factor__isnull=False).exists()


def test_nothing_checked_is_refused_with_a_message(client_of, facilitator, posts):
    response = cluster(client_of(facilitator), posts[0].meeting, [], factor=make_factor().pk, follow=True)
    assert "Vink eerst bijdragen aan" in response.content.decode()


def test_contributions_of_another_meeting_cannot_be_clustered(client_of, facilitator, posts):
    from tests.conftest import make_meeting
    from tests.meetings.conftest import add_round

    other = make_meeting(title="Andere bijeenkomst")
    other.open_live()
    stranger = add_round(other).contribute(text="Elders", perspective="gemeente", author=make_user("e@example.org"))
    cluster(client_of(facilitator), posts[0].meeting, [stranger], factor=make_factor().pk)
    stranger.refresh_from_db()
    assert stranger.factor is None


def test_moving_to_another_factor_and_taking_off(client_of, facilitator, posts):
    meeting = posts[0].meeting
    first, second = make_factor("Eerste"), make_factor("Tweede")
    client = client_of(facilitator)
    cluster(client, meeting, posts[:2], factor=first.pk)
    cluster(client, meeting, posts[:1], factor=second.pk)
    assert Contribution.objects.get(pk=posts[0].pk).factor == second
    client.post(reverse("meetings:uncluster", args=[meeting.slug]), {"contributions": [posts[1].pk]})
    assert Contribution.objects.get(pk=posts[1].pk).factor is None


def test_undo_reverses_the_last_step_first(client_of, facilitator, posts):
    meeting = posts[0].meeting
    first, second = make_factor("Eerste"), make_factor("Tweede")
    client = client_of(facilitator)
    cluster(client, meeting, posts[:2], factor=first.pk)
    cluster(client, meeting, posts[:1], factor=second.pk)
    undo = reverse("meetings:undo", args=[meeting.slug])
    client.post(undo)
    assert [Contribution.objects.get(pk=p.pk).factor for p in posts] == [first, first, None]
    client.post(undo)
    assert [Contribution.objects.get(pk=p.pk).factor for p in posts] == [None, None, None]
    response = client.post(undo, follow=True)
    assert "geen clusterstap" in response.content.decode()


def test_undoing_a_new_factor_removes_it_again(client_of, facilitator, posts):
    meeting = posts[0].meeting
    client = client_of(facilitator)
    cluster(client, meeting, posts[:1], new_name="Eenmalig", new_kind="working")
    assert Factor.objects.filter(name="Eenmalig").exists()
    client.post(reverse("meetings:undo", args=[meeting.slug]))
    assert not Factor.objects.filter(name="Eenmalig").exists()
    assert Contribution.objects.get(pk=posts[0].pk).factor is None


def test_clustering_works_with_the_keyboard_alone(client_of, facilitator, posts):
    """No dragging: every contribution has a labelled checkbox tied to the clustering form, and buttons."""
    meeting = posts[0].meeting
    page = client_of(facilitator).get(reverse("meetings:console", args=[meeting.slug])).content.decode()
    for post in posts:
        assert f'id="contribution-{post.pk}" form="cluster-form"' in page
        assert f'<label for="contribution-{post.pk}">' in page
    assert '<label for="cluster-factor">' in page and '<label for="cluster-new-name">' in page
    assert "Aangevinkte bijdragen clusteren" in page and "Laatste clusterstap ongedaan maken" in page
    assert "draggable" not in page


def test_a_facilitator_hides_an_inappropriate_contribution_with_a_reason(client_of, facilitator, posts):
    meeting = posts[0].meeting
    url = reverse("meetings:contribution-hide", args=[meeting.slug, posts[1].pk])
    assert client_of(facilitator).post(url, {"reason": "Noemt een persoon"}).status_code == 302
    hidden = Contribution.objects.get(pk=posts[1].pk)
    assert (hidden.hidden, hidden.hidden_reason, hidden.hidden_by) == (True, "Noemt een persoon", facilitator)
    client_of(facilitator).post(reverse("meetings:contribution-unhide", args=[meeting.slug, posts[1].pk]))
    assert not Contribution.objects.get(pk=posts[1].pk).hidden


@pytest.mark.parametrize("name", ["meetings:contribution-hide", "meetings:contribution-unhide"])
def test_hiding_is_a_post_by_facilitators_only(client, client_of, facilitator, posts, name):
    meeting = posts[0].meeting
    url = reverse(name, args=[meeting.slug, posts[0].pk])
    assert client_of(facilitator).get(url).status_code == 405
    assert reverse("account_login") in client.post(url).url
    assert client_of(posts[0].author).post(url).status_code == 403
    assert client_of(facilitator).post(reverse(name, args=[meeting.slug, 99999])).status_code == 404
    assert not Contribution.objects.get(pk=posts[0].pk).hidden


def test_a_participant_cannot_cluster(client_of, posts):
    factor = make_factor()
    response = cluster(client_of(posts[0].author), posts[0].meeting, posts, factor=factor.pk)
    assert response.status_code == 403
    assert not Contribution.objects.filter(factor__isnull=False).exists()
