"""The facilitators' console: proposals, clusters in board order, and the curation log."""

import pytest
from django.urls import reverse

from factors.models import Cluster, CurationLog
from tests.conftest import make_factor

pytestmark = pytest.mark.django_db

CONSOLE = reverse("factors:console")
LOG = reverse("factors:log")


def test_the_console_lists_proposals_and_recent_curation(client_of, facilitator, participant):
    make_factor("Wacht op besluit", status="proposed", proposed_by=participant)
    make_factor("Al aanvaard")
    make_factor("Goed idee").retire(by=facilitator, reason="")
    html = client_of(facilitator).get(CONSOLE).content.decode()
    assert "Wacht op besluit" in html and "Pim Deelnemer" in html
    assert "Al aanvaard" not in html
    assert "‘Goed idee’ laten vervallen" in html


def test_the_console_is_for_facilitators_only(client, client_of, participant):
    response = client.get(CONSOLE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert client_of(participant).get(CONSOLE).status_code == 403
    assert client_of(participant).get(LOG).status_code == 403
    assert client.get(LOG).status_code == 302


def test_the_curation_log_reads_back_who_did_what_and_when(client_of, facilitator):
    factor = make_factor("Oude naam")
    factor.rename("Nieuwe naam", by=facilitator)
    for i in range(60):
        CurationLog.record(CurationLog.Action.EDIT, by=facilitator, factor=factor, summary=f"Stap {i}")
    first = client_of(facilitator).get(LOG).content.decode()
    assert "Stap 59" in first and "Femke Begeleider" in first
    assert "Pagina 1 van 2" in first
    second = client_of(facilitator).get(LOG, {"pagina": 2}).content.decode()
    assert "‘Oude naam’ hernoemd tot ‘Nieuwe naam’" in second
    assert "oud adres" in second and "oude-naam" in second


def test_a_facilitator_adds_a_cluster(client_of, facilitator):
    response = client_of(facilitator).post(reverse("factors:cluster-create"), {"name": "Eigenaarschap"})
    assert response.status_code == 302
    cluster = Cluster.objects.get()
    assert CurationLog.objects.get().cluster == cluster


def test_a_cluster_with_a_taken_name_re_renders_the_console_with_the_error(client_of, facilitator):
    Cluster.objects.create(name="Eigenaarschap")
    response = client_of(facilitator).post(reverse("factors:cluster-create"), {"name": "Eigenaarschap"})
    assert response.status_code == 200
    assert "form-errors" in response.content.decode()
    assert Cluster.objects.count() == 1


def test_moving_a_cluster_up_reorders_the_board(client, client_of, facilitator):
    first = Cluster.objects.create(name="Eerste", order=10)
    second = Cluster.objects.create(name="Tweede", order=20)
    make_factor("In eerste", cluster=first)
    make_factor("In tweede", cluster=second)
    response = client_of(facilitator).post(reverse("factors:cluster-up", kwargs={"slug": second.slug}))
    assert response.status_code == 302
    assert list(Cluster.objects.values_list("name", flat=True)) == ["Tweede", "Eerste"]
    html = client.get(reverse("factors:board")).content.decode()
    assert html.index("In tweede") < html.index("In eerste")
    entry = CurationLog.objects.get(action=CurationLog.Action.REORDER)
    assert entry.details == {"order": ["tweede", "eerste"]}


def test_moving_the_last_cluster_down_changes_nothing(client_of, facilitator):
    only = Cluster.objects.create(name="Enige")
    client_of(facilitator).post(reverse("factors:cluster-down", kwargs={"slug": only.slug}))
    assert not CurationLog.objects.exists()


@pytest.mark.parametrize("name", ["cluster-up", "cluster-down"])
def test_moving_clusters_refuses_get_visitors_and_participants(client, client_of, facilitator, participant, name):
    cluster = Cluster.objects.create(name="Eerste")
    Cluster.objects.create(name="Tweede")
    url = reverse(f"factors:{name}", kwargs={"slug": cluster.slug})
    assert client_of(facilitator).get(url).status_code == 405
    assert client.post(url)["Location"].startswith(reverse("account_login"))
    assert client_of(participant).post(url).status_code == 403
    assert client_of(facilitator).post(reverse(f"factors:{name}", kwargs={"slug": "niets"})).status_code == 404
    assert not CurationLog.objects.exists()


def test_adding_a_cluster_refuses_get_visitors_and_participants(client, client_of, facilitator, participant):
    url = reverse("factors:cluster-create")
    assert client_of(facilitator).get(url).status_code == 405
    assert client.post(url, {"name": "X"})["Location"].startswith(reverse("account_login"))
    assert client_of(participant).post(url, {"name": "X"}).status_code == 403
    assert not Cluster.objects.exists()


def test_the_console_says_what_a_proposal_still_needs_before_it_can_be_accepted(client_of, facilitator):
    bare = make_factor("Uit de zaal", status="proposed", statement="")
    html = client_of(facilitator).get(reverse("factors:console")).content.decode()
    assert "Nog nodig om te aanvaarden: een cluster, een eigen beschrijving (meer dan de naam)." in html
    assert reverse("factors:edit", kwargs={"slug": bare.slug}) in html
