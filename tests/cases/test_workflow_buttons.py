"""Which workflow buttons each role sees in each state, and that exactly those steps work.

The table below is written out by hand, not derived from ``Case.STEP_FROM`` or
``cases.access.STEP_ROLE``: it pins the rules, so that a change of either shows here.
"""

import pytest
from django.urls import reverse

from cases.models import Case
from tests.conftest import make_case

pytestmark = pytest.mark.django_db

BUTTONS = {
    "submit": "Indienen voor publicatie",
    "publish": "Publiceren",
    "withdraw": "Terugtrekken",
    "send_back": "Terugsturen naar de auteurs",
}
STATES = ["draft", "submitted", "published", "withdrawn"]
HIDDEN = None  # the role cannot see a case in this state at all (404)

# role → state → the steps offered (and allowed)
OFFERED = {
    "owner": {"draft": {"submit"}, "submitted": {"withdraw"}, "published": {"withdraw"}, "withdrawn": {"submit"}},
    "coeditor": {"draft": {"submit"}, "submitted": set(), "published": set(), "withdrawn": {"submit"}},
    "participant": {"draft": HIDDEN, "submitted": HIDDEN, "published": set(), "withdrawn": HIDDEN},
    "facilitator": {
        "draft": HIDDEN,
        "submitted": {"publish", "send_back"},
        "published": {"send_back"},
        "withdrawn": set(),
    },
    "visitor": {"draft": HIDDEN, "submitted": HIDDEN, "published": set(), "withdrawn": HIDDEN},
}
# Who may take each step at all (in some state).
ROLE_OF = {
    "submit": {"owner", "coeditor"},
    "publish": {"facilitator"},
    "send_back": {"facilitator"},
    "withdraw": {"owner"},
}
# Where each step goes.
TARGET = {"submit": "submitted", "publish": "published", "withdraw": "withdrawn", "send_back": "draft"}


@pytest.fixture
def people(owner, coeditor, participant, facilitator):
    return {"owner": owner, "coeditor": coeditor, "participant": participant, "facilitator": facilitator}


def case_in(state, owner, coeditor):
    case = make_case(owner, status=state, visibility="public")
    case.co_editors.add(coeditor)
    return case


def client_for(role, people, client_of):
    return client_of(people.get(role))


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", OFFERED)
def test_each_role_sees_the_buttons_of_its_steps(role, state, people, client_of, owner, coeditor):
    case = case_in(state, owner, coeditor)
    response = client_for(role, people, client_of).get(case.get_absolute_url())
    expected = OFFERED[role][state]
    if expected is HIDDEN:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    page = response.content.decode()
    shown = {step for step, label in BUTTONS.items() if label in page}
    assert shown == expected


@pytest.mark.parametrize("step", TARGET)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", OFFERED)
def test_exactly_the_offered_steps_change_the_case(role, state, step, people, client_of, owner, coeditor):
    case = case_in(state, owner, coeditor)
    data = {"message": "Vul de lessen nog aan."} if step == "send_back" else {}
    url = reverse(f"cases:{step.replace('_', '-')}", args=[case.slug])
    client = client_for(role, people, client_of)
    response = client.post(url, data)
    case.refresh_from_db()
    offered = OFFERED[role][state]
    if offered is not HIDDEN and step in offered:
        assert response.status_code == 302
        assert case.status == TARGET[step]
        return
    assert case.status == state
    if role == "visitor":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif offered is HIDDEN:
        assert response.status_code == 404
    elif role in ROLE_OF[step]:
        # The right role in the wrong state gets the model's refusal on the case page.
        assert response.status_code == 302
        assert "Dit kan niet bij een casus met de status" in client.get(response["Location"]).content.decode()
    else:
        assert response.status_code == 403


def test_the_states_of_each_step_are_the_models():
    assert Case.STEP_FROM == {
        "submit": ("draft", "withdrawn"),
        "publish": ("submitted",),
        "send_back": ("submitted", "published"),
        "withdraw": ("submitted", "published"),
    }
