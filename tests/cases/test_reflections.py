"""Reflections: members reflect on published cases; grouped by perspective; names only with consent."""

import pytest
from django.urls import reverse

from cases.models import Reflection
from tests.conftest import make_case, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(owner):
    return make_case(owner, title="Kenniskwartier")


def url(name, case, reflection=None):
    args = [case.slug] + ([reflection.pk] if reflection else [])
    return reverse(f"cases:reflection-{name}", args=args)


def reflect(case, author, **fields):
    fields.setdefault("perspective", "gemeente")
    fields.setdefault("strikes", "De studenten blijven.")
    return Reflection.objects.create(case=case, author=author, **fields)


def test_a_member_reflects_with_their_perspective(client_of, case, participant):
    response = client_of(participant).post(
        url("create", case), {"perspective": "inwoners", "strikes": "Bewoners doen mee.", "learns": ""}
    )
    assert response.status_code == 302
    reflection = Reflection.objects.get()
    assert (reflection.author, reflection.perspective, reflection.strikes) == (
        participant,
        "inwoners",
        "Bewoners doen mee.",
    )


def test_the_perspective_defaults_to_the_members_own(client_of, case, participant):
    html = client_of(participant).get(case.get_absolute_url()).content.decode()
    assert '<option value="inwoners" selected>' in html


def test_an_empty_reflection_is_refused_in_dutch(client_of, case, participant):
    response = client_of(participant).post(
        url("create", case), {"perspective": "inwoners", "strikes": " ", "learns": ""}
    )
    assert response.status_code == 200
    assert "Beantwoord minstens één van de twee vragen." in response.content.decode()
    assert not Reflection.objects.exists()


def test_a_visitor_is_sent_to_log_in_to_reflect(client, case):
    response = client.post(url("create", case), {"perspective": "inwoners", "strikes": "x"})
    assert reverse("account_login") in response["Location"]


def test_nobody_reflects_on_a_draft(client_of, owner, participant):
    draft = make_case(owner, status="draft")
    assert (
        client_of(participant).post(url("create", draft), {"perspective": "inwoners", "strikes": "x"}).status_code
        == 404
    )
    assert client_of(owner).post(url("create", draft), {"perspective": "inwoners", "strikes": "x"}).status_code == 403


def test_reflections_are_grouped_by_perspective_with_names_only_with_consent(client, case):
    named = make_user("naam@example.org", name="Nina Naam", public=True)
    hidden = make_user("anoniem@example.org", name="Geheime Naam")
    reflect(case, named, perspective="welzijn", strikes="Goed gedaan.")
    reflect(case, hidden, perspective="gemeente", strikes="Slim opgezet.")
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Vanuit gemeente" in html and "Vanuit welzijn" in html
    assert html.index("Vanuit gemeente") < html.index("Slim opgezet.") < html.index("Vanuit welzijn")
    assert "Nina Naam" in html
    assert "Geheime Naam" not in html
    assert "een deelnemer vanuit de gemeente" in html


def test_the_author_edits_their_reflection(client_of, case, participant):
    reflection = reflect(case, participant)
    client = client_of(participant)
    assert client.get(url("edit", case, reflection)).status_code == 200
    response = client.post(
        url("edit", case, reflection), {"perspective": "welzijn", "strikes": "Anders gezien.", "learns": ""}
    )
    assert response.status_code == 302
    reflection.refresh_from_db()
    assert (reflection.perspective, reflection.strikes) == ("welzijn", "Anders gezien.")


def test_others_may_not_edit_or_delete_a_reflection(client_of, case, participant, owner, facilitator):
    reflection = reflect(case, participant)
    for other in (owner, facilitator):
        assert client_of(other).get(url("edit", case, reflection)).status_code == 403
        assert client_of(other).post(url("delete", case, reflection)).status_code == 403
    assert Reflection.objects.filter(pk=reflection.pk).exists()


def test_the_author_deletes_their_reflection(client_of, case, participant):
    reflection = reflect(case, participant)
    assert client_of(participant).get(url("delete", case, reflection)).status_code == 405
    assert client_of(participant).post(url("delete", case, reflection)).status_code == 302
    assert not Reflection.objects.exists()


def test_a_facilitator_hides_a_reflection_with_a_reason(client_of, client, case, participant, facilitator):
    reflection = reflect(case, participant, strikes="Iets ongepasts.")
    response = client_of(facilitator).post(url("hide", case, reflection), {"reason": "Niet respectvol."})
    assert response.status_code == 302
    reflection.refresh_from_db()
    assert (reflection.hidden, reflection.hidden_reason, reflection.hidden_by) == (
        True,
        "Niet respectvol.",
        facilitator,
    )
    assert "Iets ongepasts." not in client.get(case.get_absolute_url()).content.decode()
    other = make_user("ander@example.org")
    assert "Iets ongepasts." not in client_of(other).get(case.get_absolute_url()).content.decode()
    # The author and the facilitators still see it, marked hidden with the reason.
    for viewer in (participant, facilitator):
        html = client_of(viewer).get(case.get_absolute_url()).content.decode()
        assert "Iets ongepasts." in html and "Niet respectvol." in html


def test_hiding_needs_a_reason_and_a_facilitator(client, client_of, case, participant, owner, facilitator):
    reflection = reflect(case, participant)
    assert client_of(facilitator).get(url("hide", case, reflection)).status_code == 405
    assert reverse("account_login") in client.post(url("hide", case, reflection), {"reason": "x"})["Location"]
    assert client_of(owner).post(url("hide", case, reflection), {"reason": "x"}).status_code == 403
    response = client_of(facilitator).post(url("hide", case, reflection), {"reason": ""})
    assert "Geef een reden op." in response.content.decode()
    reflection.refresh_from_db()
    assert not reflection.hidden


def test_a_facilitator_shows_a_hidden_reflection_again(client_of, case, participant, facilitator):
    reflection = reflect(case, participant, hidden=True, hidden_reason="x")
    client_of(facilitator).post(url("unhide", case, reflection))
    reflection.refresh_from_db()
    assert not reflection.hidden and reflection.hidden_reason == ""


def test_reflections_on_a_community_case_are_not_public(client, owner, participant):
    case = make_case(owner, visibility="community")
    reflection = reflect(case, participant)
    assert client.get(case.get_absolute_url()).status_code == 404
    assert not Reflection.objects.public().filter(pk=reflection.pk).exists()
