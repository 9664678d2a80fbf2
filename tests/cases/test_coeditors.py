"""Co-editors: the owner invites existing members by e-mail address and may remove them."""

import pytest
from django.core import mail
from django.urls import reverse

from cases.models import Case
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def invite(client, case, email):
    return client.post(reverse("cases:coeditor-invite", args=[case.slug]), {"email": email})


def test_the_owner_invites_a_member_by_e_mail_address(client_of, draft, owner, participant):
    response = invite(client_of(owner), draft, "DEELNEMER@example.org")
    assert response.status_code == 302
    assert draft.co_editors.filter(pk=participant.pk).exists()
    assert draft.revisions.filter(action="coeditor_added").exists()
    assert mail.outbox[-1].to == ["deelnemer@example.org"]
    assert draft.title in mail.outbox[-1].subject


def test_an_unknown_address_gets_a_clear_dutch_error(client_of, draft, owner):
    response = invite(client_of(owner), draft, "niemand@example.org")
    assert response.status_code == 200
    assert "Er is geen deelnemer met dit e-mailadres." in response.content.decode()
    assert draft.co_editors.count() == 1


def test_inviting_oneself_or_twice_is_explained(client_of, draft, owner, coeditor):
    assert "Dit ben jij" in invite(client_of(owner), draft, owner.email).content.decode()
    assert "al mede-auteur" in invite(client_of(owner), draft, coeditor.email).content.decode()


def test_a_co_editor_may_not_invite_or_remove(client_of, draft, coeditor, participant):
    assert invite(client_of(coeditor), draft, participant.email).status_code == 403
    remove = reverse("cases:coeditor-remove", args=[draft.slug, coeditor.pk])
    assert client_of(coeditor).post(remove).status_code == 403
    assert draft.co_editors.filter(pk=coeditor.pk).exists()


def test_a_co_editor_sees_the_list_but_no_invite_form(client_of, draft, coeditor):
    html = client_of(coeditor).get(reverse("cases:coeditors", args=[draft.slug])).content.decode()
    assert "Mees Mede" in html
    assert "Uitnodigen" not in html


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
