"""Closing freezes contributions; publishing puts the harvest on the portal and makes evidence."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cop.access import Refused
from cop.models import Term, TermVersion
from meetings import services
from meetings.models import Contribution, Meeting
from tests.conftest import make_factor, make_meeting, make_user
from tests.meetings.conftest import contribute

pytestmark = pytest.mark.django_db

CONFIRMED = {"bevestigd": "1"}  # the confirmation step of closing and publishing


@pytest.fixture
def clustered(active_round, facilitator):
    meeting = active_round.meeting
    factor = make_factor("Vaste gezichten")
    kept = active_round.contribute(
        text="Vaste wijkagent", perspective="gemeente", author=make_user("a@example.org", name="Anna Geheim")
    )
    hidden = active_round.contribute(text="Iets ongepasts", perspective="welzijn", author=make_user("b@example.org"))
    loose = active_round.contribute(text="Los idee", perspective="inwoners", guest_key="gast")
    services.cluster_contributions(meeting, [kept.pk, hidden.pk], by=facilitator, factor=factor)
    hidden.hide(by=facilitator, reason="Kwetsend")
    return meeting, factor, kept, hidden, loose


def png_bytes():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, format="PNG")
    return buffer.getvalue()


def test_closing_the_meeting_freezes_contributions(client_of, participant, clustered, facilitator):
    meeting = clustered[0]
    round_ = clustered[2].round
    assert client_of(facilitator).post(reverse("meetings:close", args=[meeting.slug]), CONFIRMED).status_code == 302
    meeting.refresh_from_db()
    round_.refresh_from_db()
    assert meeting.status == Meeting.Status.CLOSED and round_.status == "closed"
    late = contribute(client_of(participant), meeting, round_, "Na sluiting")
    # Not stored; the phone says thank you and gives the text back to copy.
    assert late.status_code == 409 and "Dank je wel" in late.content.decode() and "Na sluiting" in late.content.decode()
    assert not round_.contributions.filter(text="Na sluiting").exists()
    with pytest.raises(Refused):
        round_.contribute(text="Via de code", perspective="gemeente", author=participant)
    with pytest.raises(Refused):
        clustered[2].edit("Later aangepast")
    assert not Contribution.objects.filter(text__in=["Na sluiting", "Via de code"]).exists()


def test_a_meeting_must_be_closed_before_it_is_published(client_of, facilitator, clustered):
    meeting = clustered[0]
    response = client_of(facilitator).post(reverse("meetings:publish", args=[meeting.slug]), CONFIRMED, follow=True)
    assert "Sluit de bijeenkomst eerst af" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.LIVE


def test_publishing_shows_the_harvest_anonymously_and_makes_evidence(client_of, facilitator, clustered):
    meeting, factor, kept, _hidden, _loose = clustered
    meeting.summary = "<p>Het ging over vaste gezichten.</p>"
    meeting.save()
    meeting.close()
    assert not Contribution.objects.evidence().exists()
    client_of(facilitator).post(reverse("meetings:publish", args=[meeting.slug]), CONFIRMED)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED and meeting.published_at
    page = Client().get(meeting.get_absolute_url()).content.decode()
    assert "Het ging over vaste gezichten." in page
    assert "Vaste wijkagent" in page and "een deelnemer vanuit de gemeente" in page
    assert "Los idee" in page and "een deelnemer vanuit een inwonersinitiatief" in page
    assert "Iets ongepasts" not in page and "Kwetsend" not in page
    assert "Anna Geheim" not in page
    assert list(Contribution.objects.evidence()) == [kept]
    assert factor.get_absolute_url() in page


def test_a_community_meetings_harvest_is_no_public_evidence(client_of, facilitator, clustered):
    meeting = clustered[0]
    Meeting.objects.filter(pk=meeting.pk).update(visibility=Meeting.Visibility.COMMUNITY)
    meeting.close()
    services.publish_harvest(meeting, by=facilitator)
    assert not Contribution.objects.evidence().exists()
    assert Client().get(meeting.get_absolute_url()).status_code == 404


def test_unpublishing_takes_the_harvest_off_without_losing_data(client_of, facilitator, clustered):
    meeting, factor, kept, *_ = clustered
    meeting.close()
    services.publish_harvest(meeting, by=facilitator)
    assert client_of(facilitator).post(reverse("meetings:unpublish", args=[meeting.slug])).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CLOSED
    assert "Vaste wijkagent" not in Client().get(meeting.get_absolute_url()).content.decode()
    assert not Contribution.objects.evidence().exists()
    assert Contribution.objects.get(pk=kept.pk).factor == factor
    services.publish_harvest(meeting, by=facilitator)
    assert list(Contribution.objects.evidence()) == [kept]


def test_the_factor_page_shows_the_new_evidence(facilitator, clustered):
    meeting, factor, _kept, *_ = clustered
    visitor = Client()
    assert "Vaste wijkagent" not in visitor.get(factor.get_absolute_url()).content.decode()
    meeting.close()
    services.publish_harvest(meeting, by=facilitator)
    assert "Vaste wijkagent" in visitor.get(factor.get_absolute_url()).content.decode()


def test_publishing_accepts_the_agreed_glossary_versions(client_of, facilitator):
    meeting = make_meeting(status=Meeting.Status.CLOSED)
    term = Term.objects.create(name="Gebiedsgericht werken")
    version = TermVersion.objects.create(term=term, definition="<p>Samen werken aan een gebied.</p>")
    client_of(facilitator).post(
        reverse("meetings:harvest-edit", args=[meeting.slug]),
        {"summary": "<p>Kort</p>", "open_questions": "", "agreed_term_versions": [version.pk]},
    )
    client_of(facilitator).post(reverse("meetings:publish", args=[meeting.slug]), CONFIRMED)
    version.refresh_from_db()
    assert version.status == TermVersion.Status.ACCEPTED and version.accepted_by == facilitator
    page = Client().get(meeting.get_absolute_url()).content.decode()
    assert "Samen werken aan een gebied." in page and "Vastgestelde begrippen" in page


def test_photos_of_the_visual_harvest_are_verified_and_shown_with_alt_text(client_of, facilitator):
    meeting = make_meeting(status=Meeting.Status.PUBLISHED)
    upload = SimpleUploadedFile("flip.png", png_bytes(), content_type="image/png")
    response = client_of(facilitator).post(
        reverse("meetings:harvest-image-add", args=[meeting.slug]),
        {"image": upload, "kind": "flipover", "alt_text": "Flip-over met drie clusters", "caption": "", "order": 0},
    )
    assert response.status_code == 302
    image = meeting.harvest_images.get()
    assert image.image.name.startswith("harvest/") and "flip" not in image.image.name
    assert image.thumbnail
    page = Client().get(meeting.get_absolute_url()).content.decode()
    assert 'alt="Flip-over met drie clusters"' in page
    client_of(facilitator).post(reverse("meetings:harvest-image-delete", args=[meeting.slug, image.pk]))
    assert not meeting.harvest_images.exists()


def test_a_file_that_is_no_image_is_refused(client_of, facilitator):
    meeting = make_meeting()
    upload = SimpleUploadedFile("flip.png", b"not an image", content_type="image/png")
    response = client_of(facilitator).post(
        reverse("meetings:harvest-image-add", args=[meeting.slug]),
        {"image": upload, "kind": "photo", "alt_text": "Iets", "order": 0},
    )
    assert response.status_code == 400
    assert not meeting.harvest_images.exists()


def test_the_harvest_page_leaves_room_for_a_visual_and_keeps_its_heading_order(facilitator, clustered):
    meeting = clustered[0]
    meeting.close()
    services.publish_harvest(meeting, by=facilitator)
    page = Client().get(meeting.get_absolute_url()).content.decode()
    assert page.count("<h1") == 1
    assert page.index('id="harvest-title"') < page.index("<h3") < page.index("<h4")


@pytest.mark.parametrize("name", ["meetings:harvest-edit"])
def test_editing_the_harvest_is_for_facilitators(client, client_of, participant, name):
    meeting = make_meeting()
    url = reverse(name, args=[meeting.slug])
    assert reverse("account_login") in client.get(url).url
    assert client_of(participant).post(url, {"summary": "<p>Gekaapt</p>"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.summary == ""


def test_harvest_images_are_added_and_deleted_by_facilitators_only(client, client_of, participant, facilitator):
    meeting = make_meeting()
    add = reverse("meetings:harvest-image-add", args=[meeting.slug])
    assert client_of(facilitator).get(add).status_code == 405
    assert reverse("account_login") in client.post(add).url
    assert client_of(participant).post(add).status_code == 403
    delete = reverse("meetings:harvest-image-delete", args=[meeting.slug, 1])
    assert client_of(participant).post(delete).status_code == 403
    assert client_of(facilitator).post(delete).status_code == 404


def test_the_harvest_lists_the_heaviest_factor_first_and_leads_to_the_digest(client_of, facilitator, active_round):
    meeting = active_round.meeting
    light, heavy = make_factor("Aaa weinig genoemd"), make_factor("Zzz vaak genoemd")
    posts = [active_round.contribute(text=f"Bijdrage {n}", perspective="gemeente", guest_key=f"g{n}") for n in range(4)]
    services.cluster_contributions(meeting, [posts[0].pk], by=facilitator, factor=light)
    services.cluster_contributions(meeting, [p.pk for p in posts[1:]], by=facilitator, factor=heavy)
    meeting.close()
    client_of(facilitator).post(reverse("meetings:publish", args=[meeting.slug]), {"bevestigd": "1"})

    page = Client().get(meeting.get_absolute_url()).content.decode()
    harvest = page[page.index('id="harvest-title"') :]
    # By weight, not by name: three contributions before one.
    assert harvest.index("Zzz vaak genoemd") < harvest.index("Aaa weinig genoemd")
    assert "3 bijdragen" in harvest and "1 bijdrage" in harvest
    digest = reverse("meetings:digest", args=[meeting.slug])
    # The digest is linked at the top of the meeting and at the head of the harvest.
    assert page.index(digest) < page.index('id="harvest-title"')
    assert harvest.index(digest) < harvest.index("Zzz vaak genoemd")
