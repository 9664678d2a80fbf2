"""Who sees which case, for each role; a visitor asking for a non-public case gets 404, not 403."""

import pytest
from django.urls import reverse

from tests.conftest import make_case

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "participant", "owner", "coeditor", "facilitator"]

# (status, visibility) → the roles that may read the case page.
READERS = {
    ("draft", "public"): {"owner", "coeditor"},
    ("submitted", "public"): {"owner", "coeditor", "facilitator"},
    ("withdrawn", "public"): {"owner", "coeditor", "facilitator"},
    ("published", "community"): {"participant", "owner", "coeditor", "facilitator"},
    ("published", "public"): set(ROLES),
}


@pytest.fixture
def people(owner, coeditor, participant, facilitator):
    return {
        "visitor": None,
        "participant": participant,
        "owner": owner,
        "coeditor": coeditor,
        "facilitator": facilitator,
    }


@pytest.mark.parametrize(("status", "visibility"), list(READERS))
@pytest.mark.parametrize("role", ROLES)
def test_the_case_page_answers_only_to_its_readers(client_of, people, role, status, visibility):
    case = make_case(people["owner"], title="Geheime casus", status=status, visibility=visibility)
    case.co_editors.add(people["coeditor"])
    response = client_of(people[role]).get(case.get_absolute_url())
    if role in READERS[(status, visibility)]:
        assert response.status_code == 200
        assert "Geheime casus" in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_library_lists_only_published_cases_a_role_may_read(client_of, people, role):
    owner = people["owner"]
    for status, visibility in READERS:
        case = make_case(owner, title=f"Casus {status} {visibility}", status=status, visibility=visibility)
        case.co_editors.add(people["coeditor"])
    html = client_of(people[role]).get(reverse("cases:library")).content.decode()
    assert "Casus published public" in html
    assert ("Casus published community" in html) == (role != "visitor")
    for status in ("draft", "submitted", "withdrawn"):
        assert f"Casus {status} public" not in html


def test_a_visitor_sees_the_name_of_a_non_public_case_nowhere(client, owner):
    make_case(owner, title="Alleen voor leden", visibility="community")
    for url in (reverse("cases:library"), reverse("cases:library") + "?q=leden"):
        assert "Alleen voor leden" not in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("role", "flags"),
    [
        ("visitor", set()),
        ("participant", set()),
        ("owner", {"Bewerken", "Indienen voor publicatie", "Mede-auteurs", "Versies"}),
        ("coeditor", {"Bewerken", "Indienen voor publicatie", "Mede-auteurs", "Versies"}),
    ],
)
def test_the_case_page_offers_only_the_actions_a_role_may_take(client_of, people, role, flags):
    case = make_case(people["owner"], status="published")
    case.co_editors.add(people["coeditor"])
    case.status = "draft"
    case.save()
    if role in ("visitor", "participant"):
        case.status = "published"
        case.save()
    html = client_of(people[role]).get(case.get_absolute_url()).content.decode()
    for label in {"Bewerken", "Indienen voor publicatie", "Mede-auteurs", "Versies", "Publiceren", "Terugtrekken"}:
        assert (f">{label}<" in html) == (label in flags), label


def test_a_facilitator_sees_publish_and_send_back_on_a_submitted_case(client_of, owner, facilitator):
    case = make_case(owner, status="submitted")
    html = client_of(facilitator).get(case.get_absolute_url()).content.decode()
    assert ">Publiceren<" in html
    assert "Terugsturen naar de auteurs" in html
    assert ">Bewerken<" not in html


def test_the_owner_sees_withdraw_on_a_published_case_but_a_co_editor_does_not(client_of, owner, coeditor):
    case = make_case(owner)
    case.co_editors.add(coeditor)
    assert ">Terugtrekken<" in client_of(owner).get(case.get_absolute_url()).content.decode()
    assert ">Terugtrekken<" not in client_of(coeditor).get(case.get_absolute_url()).content.decode()


@pytest.fixture
def case_with_a_proposal(owner, participant):
    from cases.models import CaseFactor
    from tests.conftest import make_factor

    case = make_case(owner, title="Kenniskwartier Arnhem")
    accepted = make_factor("Aansluiten bij wat leeft")
    proposal = make_factor("Voorstelfactor Zeldzaam", status="proposed", proposed_by=participant)
    retired = make_factor("Vervallen factor", status="retired")
    CaseFactor.objects.create(case=case, factor=accepted, explanation="Studenten vroegen wat er speelt.")
    CaseFactor.objects.create(case=case, factor=proposal, explanation="Uitleg bij een voorstel.")
    CaseFactor.objects.create(case=case, factor=retired, explanation="Toen nog aanvaard.")
    return case


@pytest.mark.parametrize(
    ("role", "sees_proposal"),
    [("visitor", False), ("owner", False), ("coeditor", False), ("participant", True), ("facilitator", True)],
)
def test_the_case_page_names_a_proposed_factor_only_to_whom_it_is_visible(
    client_of, people, case_with_a_proposal, role, sees_proposal
):
    # The participant proposed it; facilitators see every proposal; a visitor never does.
    html = client_of(people[role]).get(case_with_a_proposal.get_absolute_url()).content.decode()
    assert "Aansluiten bij wat leeft" in html
    assert "Vervallen factor" in html
    assert ("Voorstelfactor Zeldzaam" in html) is sees_proposal
    assert ("Uitleg bij een voorstel." in html) is sees_proposal
