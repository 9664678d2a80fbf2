"""Each event tells exactly the right people once, never someone who may not see it (issue 16)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.models import Reflection
from cop.models import Term
from meetings import services
from meetings.models import Contribution, Registration, Round, Series
from notifications import tasks
from notifications.models import Follow, Kind, Notification
from notifications.targets import type_of
from tests.conftest import make_case, make_factor, make_meeting, make_user
from tests.notifications.conftest import step_url, submit

pytestmark = pytest.mark.django_db


def told(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_a_submitted_case_tells_the_facilitators_only(client_of, committed, draft, owner, facilitator, participant):
    response = committed(client_of(owner).post, step_url("submit", draft))
    assert response.status_code == 302
    assert told(Kind.CASE_SUBMITTED) == ["begeleider@example.org"]
    assert [m.to for m in mail.outbox] == [["begeleider@example.org"]]
    message = mail.outbox[0]
    assert "Buurtkamer De Linde" in message.subject and "wacht op je beoordeling" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/profiel/meldingen/afmelden/")
    assert message.alternatives[0][1] == "text/html"


def test_publishing_tells_the_authors_once(client_of, committed, draft, owner, coeditor, facilitator):
    submitted = submit(draft, owner)
    committed(client_of(facilitator).post, step_url("publish", submitted))
    assert told(Kind.CASE_PUBLISHED) == ["eigenaar@example.org", "mede@example.org"]
    # The same event delivered again adds nothing.
    submitted.refresh_from_db()
    key = Notification.objects.filter(kind=Kind.CASE_PUBLISHED).first().event_key
    tasks.case_step.call(submitted.pk, "publish", facilitator.pk, "", key)
    assert Notification.objects.filter(kind=Kind.CASE_PUBLISHED).count() == 2


def test_sending_back_tells_the_authors_with_the_message(client_of, committed, draft, owner, coeditor, facilitator):
    submitted = submit(draft, owner)
    mail.outbox.clear()
    committed(client_of(facilitator).post, step_url("send-back", submitted), {"message": "Voeg nog foto's toe."})
    assert told(Kind.CASE_SENT_BACK) == ["eigenaar@example.org", "mede@example.org"]
    assert all("Voeg nog foto's toe." in m.body for m in mail.outbox) and len(mail.outbox) == 2
    page = client_of(owner).get(reverse("notifications:list"))
    assert "Voeg nog foto&#x27;s toe." in page.content.decode()


def test_a_reflection_tells_the_authors_without_naming_who_did_not_consent(client_of, committed, owner, participant):
    case = make_case(owner, title="Kenniskwartier")
    data = {"perspective": "inwoners", "strikes": "Bewoners doen mee.", "learns": ""}
    committed(client_of(participant).post, reverse("cases:reflection-create", args=[case.slug]), data)
    assert told(Kind.REFLECTION) == ["eigenaar@example.org"]
    body = mail.outbox[-1].body
    assert "Pim" not in body and "Een deelnemer vanuit" in body


def test_hiding_a_reflection_tells_its_author_why(client_of, committed, owner, participant, facilitator):
    case = make_case(owner)
    reflection = Reflection.objects.create(case=case, author=participant, perspective="inwoners", strikes="Iets.")
    url = reverse("cases:reflection-hide", args=[case.slug, reflection.pk])
    committed(client_of(facilitator).post, url, {"reason": "Dit gaat over een persoon."})
    notification = Notification.objects.get(kind=Kind.HIDDEN)
    assert notification.recipient == participant and notification.message == "Dit gaat over een persoon."
    assert "Dit gaat over een persoon." in mail.outbox[-1].body


def test_hiding_a_contribution_tells_its_author(committed, participant, facilitator):
    meeting = make_meeting(status="live")
    round_ = Round.objects.create(meeting=meeting, prompt="Wat heeft gewerkt?", order=1, kind=Round.Kind.WORKING)
    contribution = Contribution.objects.create(
        meeting=meeting, round=round_, author=participant, text="Iets", perspective="inwoners"
    )
    committed(contribution.hide, by=facilitator, reason="Niet over het onderwerp.")
    assert told(Kind.HIDDEN) == ["deelnemer@example.org"]


def test_an_invitation_reaches_the_invitee_from_the_queue(client_of, committed, owner, participant):
    case = make_case(owner, status="draft")
    url = reverse("cases:coeditor-invite", args=[case.slug])
    response = committed(client_of(owner).post, url, {"email": "deelnemer@example.org"})
    assert response.status_code == 302
    notification = Notification.objects.get(kind=Kind.INVITATION)
    assert notification.recipient == participant
    assert mail.outbox[-1].to == ["deelnemer@example.org"]
    # The invitee cannot see the draft, but sees the invitation and where to accept it.
    page = client_of(participant).get(reverse("notifications:list")).content.decode()
    assert "uitgenodigd om mee te schrijven" in page


def test_nobody_is_told_about_what_they_may_not_see(owner, participant):
    draft = make_case(owner, status="draft")
    made = tasks.notify(Kind.HARVEST, draft, [participant.pk, owner.pk], event_key="x", title=draft.title)
    assert made == 1 and told(Kind.HARVEST) == ["eigenaar@example.org"]


def test_a_notification_disappears_when_its_case_is_no_longer_visible(client_of, owner, participant):
    case = make_case(owner, title="Later teruggetrokken")
    tasks.notify(Kind.HARVEST, case, [participant.pk], event_key="y", title=case.title)
    notification = Notification.objects.get()
    case.status = "draft"
    case.save()
    page = client_of(participant).get(reverse("notifications:list")).content.decode()
    assert "Later teruggetrokken" not in page
    assert client_of(participant).get(reverse("notifications:open", args=[notification.pk])).status_code == 404


def test_harvest_tells_those_present_and_the_followers(committed, facilitator, participant, owner, coeditor):
    series = Series.objects.create(title="Leerkring Lingewaard")
    meeting = make_meeting(status="closed", series=series, days=-1)
    factor = make_factor("Eigenaarschap")
    round_ = Round.objects.create(meeting=meeting, prompt="Wat heeft gewerkt?", order=1, kind=Round.Kind.WORKING)
    Contribution.objects.create(
        meeting=meeting,
        round=round_,
        author=facilitator,
        text="Bewoners trekken",
        perspective="inwoners",
        factor=factor,
    )
    Registration.objects.create(meeting=meeting, user=participant)
    Follow.objects.create(user=owner, target_type=type_of(factor), target_id=factor.pk)
    Follow.objects.create(user=coeditor, target_type=type_of(series), target_id=series.pk)
    make_user("buiten@example.org")
    committed(services.publish_harvest, meeting, by=facilitator)
    assert told(Kind.HARVEST) == ["deelnemer@example.org", "eigenaar@example.org", "mede@example.org"]


def test_a_reminder_the_day_before_with_the_calendar_file(participant, owner):
    meeting = make_meeting(days=1, location_name="Buurthuis De Linde", online_url="https://meet.example.org/x")
    meeting.starts_at = timezone.now().replace(hour=13, minute=30) + timezone.timedelta(days=1)
    meeting.save()
    Registration.objects.create(meeting=meeting, user=participant)
    Registration.objects.create(meeting=meeting, user=owner, status=Registration.Status.WAITLISTED)
    tasks.send_reminders.call()
    tasks.send_reminders.call()
    assert told(Kind.REMINDER) == ["deelnemer@example.org"]
    reminder = [m for m in mail.outbox if m.to == ["deelnemer@example.org"]]
    assert len(reminder) == 1
    assert "Buurthuis De Linde" in reminder[0].body and "https://meet.example.org/x" in reminder[0].body
    assert reminder[0].attachments[0][0].endswith(".ics")


def test_a_place_from_the_waiting_list_tells_the_member(committed, participant, owner):
    meeting = make_meeting(capacity=1)
    first = Registration.objects.create(meeting=meeting, user=owner)
    Registration.objects.create(meeting=meeting, user=participant, status=Registration.Status.WAITLISTED)
    committed(first.cancel)
    assert told(Kind.WAITLIST) == ["deelnemer@example.org"]


def test_a_new_definition_tells_the_followers_of_the_term(committed, facilitator, participant, owner):
    term = Term.objects.create(name="Gebiedsgericht werken")
    Follow.objects.create(user=participant, target_type=type_of(term), target_id=term.pk)
    version = term.propose_version("<p>Samen werken aan een gebied.</p>", by=owner)
    committed(version.accept, by=facilitator)
    assert told(Kind.TERM) == ["deelnemer@example.org"]


def test_a_reflector_is_named_only_while_they_consent(client_of, committed, owner):
    named = make_user("genoemd@example.org", name="Nadia Genoemd", public=True)
    case = make_case(owner, title="Kenniskwartier")
    data = {"perspective": "gemeente", "strikes": "Mooi.", "learns": ""}
    committed(client_of(named).post, reverse("cases:reflection-create", args=[case.slug]), data)
    assert "Nadia Genoemd" in mail.outbox[-1].body
    named.profile.show_name_publicly = False
    named.profile.save()
    page = client_of(owner).get(reverse("notifications:list")).content.decode()
    assert "Nadia" not in page and "Een deelnemer vanuit de gemeente" in page
