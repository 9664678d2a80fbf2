"""Co-editor invitations and the AVG: in the sender's export without the token, gone with either account."""

import json

import pytest
from django.urls import reverse

from cases.models import CoEditorInvitation
from privacy.accounts import ContentChoice, delete_member
from tests.conftest import make_case
from tests.privacy.conftest import read_export

pytestmark = pytest.mark.django_db


def test_the_senders_export_lists_the_invitations_without_the_token(client, owner, participant):
    case = make_case(owner, status="draft")
    invitation, token = CoEditorInvitation.issue(case=case, email=participant.email, invited_by=owner)
    client.force_login(owner)
    data, _overview, _files = read_export(client.get(reverse("profile-export")))
    assert [row["email"] for row in data["coeditor_invitations_sent"]] == [participant.email]
    text = json.dumps(data)
    assert invitation.token_hash not in text and token not in text


@pytest.mark.parametrize("content", [ContentChoice.ANONYMISE, ContentChoice.DELETE])
def test_deleting_an_account_removes_the_invitations_it_sent_and_received(owner, participant, content):
    case = make_case(owner, status="draft")
    CoEditorInvitation.issue(case=case, email=participant.email.upper(), invited_by=owner)
    own_case = make_case(participant, title="Casus van Pim", status="draft")
    CoEditorInvitation.issue(case=own_case, email="iemand@example.org", invited_by=participant)
    delete_member(participant, content=content)
    assert not CoEditorInvitation.objects.exists()
