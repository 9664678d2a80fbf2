"""Facilitators edit a factor's statement, explanation, cluster and themes; the edit is logged."""

import pytest
from django.urls import reverse

from factors.models import Cluster, CurationLog, Factor
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db


def edit_url(factor):
    return reverse("factors:edit", kwargs={"slug": factor.slug})


def test_a_facilitator_edits_a_factor(client_of, facilitator):
    factor = make_factor("Vertrouwen", statement="Oud.")
    cluster = Cluster.objects.create(name="Relaties")
    client = client_of(facilitator)
    assert client.get(edit_url(factor)).status_code == 200
    response = client.post(
        edit_url(factor),
        {
            "kind": "working",
            "statement": "Vertrouwen groeit door samen te doen.",
            "explanation": "<p>Uitleg</p><script>alert(1)</script>",
            "cluster": cluster.pk,
            "order": 5,
        },
    )
    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.statement == "Vertrouwen groeit door samen te doen."
    assert factor.cluster == cluster
    assert "<script>" not in factor.explanation
    entry = CurationLog.objects.get(action=CurationLog.Action.EDIT)
    assert {"statement", "cluster", "explanation", "order"} <= set(entry.details["fields"])


def test_an_invalid_edit_keeps_what_was_typed(client_of, facilitator):
    factor = make_factor(statement="Oud.")
    response = client_of(facilitator).post(edit_url(factor), {"kind": "working", "statement": "", "order": "x"})
    assert response.status_code == 200
    assert Factor.objects.get().statement == "Oud."


def test_a_visitor_is_sent_to_log_in_and_a_participant_gets_403(client, client_of, participant):
    factor = make_factor(statement="Oud.")
    data = {"kind": "working", "statement": "Nieuw", "order": 1}
    assert client.post(edit_url(factor), data)["Location"].startswith(reverse("account_login"))
    assert client_of(participant).post(edit_url(factor), data).status_code == 403
    assert Factor.objects.get().statement == "Oud."


def test_an_unknown_factor_is_404(client_of, facilitator):
    assert client_of(facilitator).get(reverse("factors:edit", kwargs={"slug": "niets"})).status_code == 404
