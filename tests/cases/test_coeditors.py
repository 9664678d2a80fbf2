"""Co-editors: the owner invites by e-mail address, the member accepts or declines, the owner removes.

Issue 14 (accounts could be enumerated): the owner's answer is the same, and as slow, for
every address; only a member gets an invitation and becomes co-editor only by accepting it;
invitations are rate limited per owner; the page never shows a co-editor's e-mail address.
"""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CoEditorInvitation
from cop.models import Organisation
from tests.conftest import make_case, make_user

pytestmark = pytest.mark.django_db

UNKNOWN = "dorien-onbekend@example.org"


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    # The answer's minimum duration has its own test; the others need not wait for it.
    settings.COEDITOR_INVITE_MIN_SECONDS = 0


def invite(client, case, email, **kwargs):
    return client.post(reverse("cases:coeditor-invite", args=[case.slug]), {"email": email}, **kwargs)


def page(client, case):
    return client.get(reverse("cases:coeditors", args=[case.slug])).content.decode()


def token_in(message):
    return re.search(r"/casussen/uitnodiging/([^/\s]+)/", message.body).group(1)


def invited(client_of, owner, case, member):
    """Invite ``member`` as ``owner``; returns the token from the mail."""
    assert invite(client_of(owner), case, member.email).status_code == 302
    return token_in(mail.outbox[-1])


def normalised(html):
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    html = re.sub(r'nonce="[^"]+"', "NONCE", html)
    return re.sub(r"/uitnodigingen/\d+/", "/uitnodigingen/PK/", html)


# --- the owner's answer tells nothing about the address -----------------------------------


def test_a_member_and_an_unknown_address_get_the_same_answer(client_of, draft, owner, participant):
    client = client_of(owner)
    known = invite(client, draft, participant.email, follow=True)
    known_html = normalised(known.content.decode())
    pk = draft.invitations.get().pk
    client.post(reverse("cases:coeditor-invitation-withdraw", args=[draft.slug, pk]), follow=True)
    unknown = invite(client, draft, UNKNOWN, follow=True)

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert known_html == normalised(unknown.content.decode())
    assert "Als er een deelnemer met dit adres is, krijgt die een uitnodiging." in known_html
    assert "Er is geen deelnemer" not in known_html
    # Only the member got a mail, and neither became co-editor without saying yes.
    assert [m.to for m in mail.outbox] == [[participant.email]]
    assert not draft.co_editors.filter(pk=participant.pk).exists()
    assert not draft.revisions.filter(action="coeditor_added").exists()


def test_the_answer_takes_the_minimum_time_for_every_address(client_of, draft, owner, participant, settings):
    settings.COEDITOR_INVITE_MIN_SECONDS = 0.3
    client, durations = client_of(owner), {}
    for email in (participant.email, UNKNOWN):
        started = time.monotonic()
        assert invite(client, draft, email).status_code == 302
        durations[email] = time.monotonic() - started
    assert min(durations.values()) >= 0.3
    assert abs(durations[participant.email] - durations[UNKNOWN]) < 0.2


def test_inviting_a_co_editor_again_answers_alike_and_mails_nobody(client_of, draft, owner, coeditor):
    response = invite(client_of(owner), draft, coeditor.email, follow=True)
    assert "Als er een deelnemer met dit adres is" in response.content.decode()
    assert mail.outbox == []


def test_the_addresses_are_stored_in_lower_case_and_the_token_only_as_a_hash(client_of, draft, owner, participant):
    invite(client_of(owner), draft, "DEELNEMER@Example.org")
    invitation = draft.invitations.get()
    assert invitation.email == "deelnemer@example.org"
    assert invitation.invited_by == owner
    token = token_in(mail.outbox[-1])
    assert token not in invitation.token_hash
    assert len(invitation.token_hash) == 64
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_the_mail_subject_is_one_short_line(client_of, owner, participant):
    case = make_case(owner, title="Bel ons nu\r\nBcc: iedereen@example.org " + "heel lang " * 15, status="draft")
    invite(client_of(owner), case, participant.email)
    message = mail.outbox[-1]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert len(message.subject) <= 100
    assert message.subject.startswith("[Weten wat werkt] Uitnodiging")
    assert "Olga Eigenaar" in message.body


def test_inviting_oneself_or_the_same_address_twice_is_explained(client_of, draft, owner):
    assert "Dit ben jij" in invite(client_of(owner), draft, owner.email.upper()).content.decode()
    invite(client_of(owner), draft, UNKNOWN)
    assert "al een uitnodiging open" in invite(client_of(owner), draft, UNKNOWN).content.decode()
    assert draft.invitations.count() == 1


# --- the rate limit -------------------------------------------------------------------------


def test_an_owner_sends_at_most_ten_invitations_an_hour(client_of, draft, owner):
    other_case = make_case(owner, title="Tweede concept", status="draft")
    client = client_of(owner)
    statuses = [invite(client, draft, f"persoon{i}@example.org").status_code for i in range(10)]
    assert statuses == [302] * 10
    response = invite(client, other_case, "nog-een@example.org")
    assert response.status_code == 429
    assert "Je hebt het afgelopen uur al 10 uitnodigingen verstuurd" in response.content.decode()
    assert CoEditorInvitation.objects.count() == 10
    # Another owner is not held back by Olga's limit.
    other_owner = make_user("ander@example.org", name="Anna Ander")
    assert invite(client_of(other_owner), make_case(other_owner, status="draft"), UNKNOWN).status_code == 302


# --- the invitee answers --------------------------------------------------------------------


def test_the_member_accepts_and_becomes_co_editor(client_of, draft, owner, participant):
    token = invited(client_of, owner, draft, participant)
    client = client_of(participant)
    html = client.get(reverse("cases:invitation", args=[token])).content.decode()
    assert "Olga Eigenaar nodigt je uit" in html and draft.title in html

    response = client.post(reverse("cases:invitation-accept", args=[token]))
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert draft.co_editors.filter(pk=participant.pk).exists()
    revision = draft.revisions.get(action="coeditor_added")
    assert revision.author == participant
    assert revision.changes["co_editors"]["added"] == ["Pim Deelnemer"]
    assert draft.invitations.get().accepted_at is not None
    # Used once: the link no longer works, and the owner's list no longer shows it.
    assert client.get(reverse("cases:invitation", args=[token])).status_code == 404
    assert "Uitnodiging aan" not in page(client_of(owner), draft)
    assert "Pim Deelnemer" in page(client_of(owner), draft)


def test_only_the_invited_member_signed_in_may_answer(client, client_of, draft, owner, participant):
    token = invited(client_of, owner, draft, participant)
    urls = [reverse(name, args=[token]) for name in ("cases:invitation-accept", "cases:invitation-decline")]
    outsider = make_user("buiten@example.org")
    for someone in (outsider, owner):
        assert client_of(someone).get(reverse("cases:invitation", args=[token])).status_code == 404
        assert [client_of(someone).post(url).status_code for url in urls] == [404, 404]
    assert reverse("account_login") in client.get(reverse("cases:invitation", args=[token]))["Location"]
    assert reverse("account_login") in client.post(urls[0])["Location"]
    assert client_of(participant).get(urls[0]).status_code == 405
    assert client_of(participant).post(reverse("cases:invitation-accept", args=["geraden"])).status_code == 404
    assert not draft.co_editors.filter(pk=participant.pk).exists()


def test_accepting_needs_the_csrf_token(draft, owner, participant, client_of):
    token = invited(client_of, owner, draft, participant)
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    assert client.post(reverse("cases:invitation-accept", args=[token])).status_code == 403
    assert not draft.co_editors.filter(pk=participant.pk).exists()


def test_the_member_declines_and_the_owner_cannot_tell(client_of, draft, owner, participant):
    token = invited(client_of, owner, draft, participant)
    response = client_of(participant).post(reverse("cases:invitation-decline", args=[token]))
    assert response["Location"] == reverse("profile")
    assert draft.invitations.get().declined_at is not None
    assert client_of(participant).post(reverse("cases:invitation-accept", args=[token])).status_code == 404
    assert not draft.co_editors.filter(pk=participant.pk).exists()
    # Listed as sent, as an invitation to an address without an account would be.
    assert "Uitnodiging aan d…@example.org" in page(client_of(owner), draft)


def test_an_expired_invitation_cannot_be_accepted_and_is_no_longer_listed(client_of, draft, owner, participant):
    token = invited(client_of, owner, draft, participant)
    draft.invitations.update(created_at=timezone.now() - timedelta(days=15))
    assert client_of(participant).post(reverse("cases:invitation-accept", args=[token])).status_code == 404
    assert "Uitnodiging aan" not in page(client_of(owner), draft)


def test_the_owner_withdraws_an_invitation(client_of, draft, owner, coeditor, participant):
    token = invited(client_of, owner, draft, participant)
    pk = draft.invitations.get().pk
    url = reverse("cases:coeditor-invitation-withdraw", args=[draft.slug, pk])
    assert client_of(coeditor).post(url).status_code == 403
    assert client_of(owner).get(url).status_code == 405
    assert client_of(owner).post(url).status_code == 302
    assert not draft.invitations.exists()
    assert client_of(participant).get(reverse("cases:invitation", args=[token])).status_code == 404


def test_the_invitee_answers_from_the_profile_page_too(client_of, draft, owner, participant):
    invited(client_of, owner, draft, participant)
    pk = draft.invitations.get().pk
    html = client_of(participant).get(reverse("profile")).content.decode()
    assert "Olga Eigenaar nodigt je uit voor ‘Concept van Olga’" in html
    assert owner.email not in html
    outsider = make_user("buiten@example.org")
    assert "Concept van Olga" not in client_of(outsider).get(reverse("profile")).content.decode()
    accept = reverse("cases:invitation-accept-listed", args=[pk])
    assert client_of(outsider).post(accept).status_code == 404
    assert client_of(participant).get(accept).status_code == 405

    assert client_of(participant).post(accept)["Location"] == draft.get_absolute_url()
    assert draft.co_editors.filter(pk=participant.pk).exists()
    assert "nodigt je uit" not in client_of(participant).get(reverse("profile")).content.decode()


def test_the_invitee_declines_from_the_profile_page(client_of, draft, owner, participant):
    invited(client_of, owner, draft, participant)
    pk = draft.invitations.get().pk
    response = client_of(participant).post(reverse("cases:invitation-decline-listed", args=[pk]))
    assert response["Location"] == reverse("profile")
    assert draft.invitations.get().declined_at is not None
    assert not draft.co_editors.filter(pk=participant.pk).exists()


# --- the page -------------------------------------------------------------------------------


def test_the_page_names_co_editors_and_never_shows_their_addresses(client_of, draft, owner, coeditor, participant):
    coeditor.profile.organisation = Organisation.objects.create(name="Woonstichting Oost")
    coeditor.profile.save()
    invite(client_of(owner), draft, participant.email)
    for viewer in (owner, coeditor):
        html = page(client_of(viewer), draft)
        assert "Mees Mede" in html and "Woonstichting Oost" in html
        assert coeditor.email not in html and participant.email not in html
    assert "Uitnodiging aan d…@example.org" in page(client_of(owner), draft)
    assert "Uitnodiging aan" not in page(client_of(coeditor), draft)


def test_a_co_editor_sees_the_list_but_no_invite_form(client_of, draft, coeditor):
    html = page(client_of(coeditor), draft)
    assert "Mees Mede" in html
    assert "Uitnodigen" not in html


# --- co-editors' rights and removal (unchanged) ----------------------------------------------


def test_a_co_editor_may_not_invite_or_remove(client_of, draft, coeditor, participant):
    assert invite(client_of(coeditor), draft, participant.email).status_code == 403
    remove = reverse("cases:coeditor-remove", args=[draft.slug, coeditor.pk])
    assert client_of(coeditor).post(remove).status_code == 403
    assert draft.co_editors.filter(pk=coeditor.pk).exists()


def test_a_co_editor_may_not_delete_the_case(client_of, draft, coeditor):
    assert client_of(coeditor).post(reverse("cases:delete", args=[draft.slug])).status_code == 403
    assert Case.objects.filter(pk=draft.pk).exists()


def test_the_owner_removes_a_co_editor_who_then_loses_access(client_of, draft, owner, coeditor):
    response = client_of(owner).post(reverse("cases:coeditor-remove", args=[draft.slug, coeditor.pk]))
    assert response.status_code == 302
    assert not draft.co_editors.exists()
    assert draft.revisions.filter(action="coeditor_removed").exists()
    assert client_of(coeditor).get(reverse("cases:edit", args=[draft.slug])).status_code == 404


def test_inviting_and_removing_are_post_only_and_need_login(client, client_of, draft, owner, coeditor):
    assert client_of(owner).get(reverse("cases:coeditor-invite", args=[draft.slug])).status_code == 405
    assert client_of(owner).get(reverse("cases:coeditor-remove", args=[draft.slug, coeditor.pk])).status_code == 405
    assert reverse("account_login") in invite(client, draft, "x@example.org")["Location"]


def test_outsiders_cannot_find_the_co_editors_of_a_draft(client_of, draft):
    outsider = make_user("buiten@example.org")
    assert client_of(outsider).get(reverse("cases:coeditors", args=[draft.slug])).status_code == 404
    assert invite(client_of(outsider), draft, "x@example.org").status_code == 404


def test_the_owner_deletes_the_case(client_of, draft, owner):
    response = client_of(owner).post(reverse("cases:delete", args=[draft.slug]))
    assert response["Location"] == reverse("profile")
    assert not Case.objects.filter(pk=draft.pk).exists()
    assert client_of(owner).get(reverse("cases:delete", args=[draft.slug])).status_code == 405
