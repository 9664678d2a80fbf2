"""Merging two factors moves every piece of evidence, relation and link to the one kept."""

import pytest
from django.urls import reverse

from cases.models import CaseFactor
from cop.models import Theme
from factors.models import Cluster, CurationLog, Factor, FactorRelation, FactorSlugRedirect
from meetings.models import Contribution, Vote
from tests.conftest import make_factor
from tests.factors.conftest import cast_dots, cite_in_case, cluster_contribution, make_municipality, published_meeting

pytestmark = pytest.mark.django_db


def merge_url(factor):
    return reverse("factors:merge", kwargs={"slug": factor.slug})


@pytest.fixture
def pair():
    """Two factors with overlapping evidence, relations and themes."""
    keep = make_factor("Aansluiten bij wat leeft")
    gone = make_factor("Beginnen bij de energie")
    meeting = published_meeting()
    shared = cite_in_case(keep, title="Gedeelde casus", explanation="Uitleg bij A", perspective="gemeente")
    CaseFactor.objects.create(case=shared.case, factor=gone, explanation="Uitleg bij B")
    cite_in_case(gone, title="Alleen B", perspective="welzijn", municipality=make_municipality("Ede"))
    cite_in_case(gone, title="Ook alleen B", perspective="inwoners", visibility="community")
    cluster_contribution(keep, meeting, perspective="gemeente")
    cluster_contribution(gone, meeting, perspective="onderwijs")
    cluster_contribution(gone, meeting, perspective="onderwijs", hidden=True)
    cast_dots(gone, meeting, 3)
    obstacle = make_factor("Wisselende gezichten", kind="obstacle")
    other = make_factor("Vertrouwen")
    FactorRelation.objects.create(from_factor=keep, to_factor=obstacle, kind="helps")
    FactorRelation.objects.create(from_factor=gone, to_factor=obstacle, kind="helps")  # duplicate after merge
    FactorRelation.objects.create(from_factor=gone, to_factor=keep, kind="similar")  # self-relation after merge
    FactorRelation.objects.create(from_factor=other, to_factor=gone, kind="similar")  # moves
    gone.themes.add(Theme.objects.create(name="Wonen"))
    FactorSlugRedirect.objects.create(old_slug="oude-naam-van-b", factor=gone)
    return keep, gone


def test_merge_moves_every_evidence_row_and_keeps_counts_right(client_of, facilitator, pair, participant):
    keep, gone = pair
    before = {
        "links": CaseFactor.objects.filter(factor__in=pair).count(),
        "contributions": Contribution.objects.filter(factor__in=pair).count(),
        "votes": Vote.objects.filter(factor__in=pair).count(),
    }

    response = client_of(facilitator).post(merge_url(keep), {"other": gone.pk})

    assert response.status_code == 302 and response["Location"] == keep.get_absolute_url()
    assert not CaseFactor.objects.filter(factor=gone).exists()
    assert not Contribution.objects.filter(factor=gone).exists()
    assert not Vote.objects.filter(factor=gone).exists()
    # The shared case keeps one link, with both explanations.
    assert CaseFactor.objects.filter(factor=keep).count() == before["links"] - 1
    assert (
        CaseFactor.objects.get(factor=keep, case__title="Gedeelde casus").explanation == "Uitleg bij A\n\nUitleg bij B"
    )
    assert Contribution.objects.filter(factor=keep).count() == before["contributions"]
    assert Vote.objects.filter(factor=keep).count() == before["votes"]

    public = Factor.objects.with_evidence().get(pk=keep.pk)
    assert (public.case_count, public.contribution_count, public.vote_count) == (2, 2, 3)
    assert public.perspective_count == 3  # gemeente, welzijn, onderwijs; community-only inwoners does not count
    assert public.municipality_count == 1
    assert Factor.objects.with_evidence(participant).get(pk=keep.pk).case_count == 3

    gone.refresh_from_db()
    assert gone.status == Factor.Status.MERGED and gone.merged_into == keep


def test_merge_moves_relations_themes_and_old_slugs(client_of, facilitator, pair):
    keep, gone = pair
    client_of(facilitator).post(merge_url(keep), {"other": gone.pk})
    relations = set(FactorRelation.objects.values_list("from_factor__name", "kind", "to_factor__name"))
    assert relations == {
        ("Aansluiten bij wat leeft", "helps", "Wisselende gezichten"),
        ("Vertrouwen", "similar", "Aansluiten bij wat leeft"),
    }
    assert list(keep.themes.values_list("name", flat=True)) == ["Wonen"]
    assert set(FactorSlugRedirect.objects.filter(factor=keep).values_list("old_slug", flat=True)) == {
        gone.slug,
        "oude-naam-van-b",
    }


def test_the_old_slugs_of_a_merged_factor_redirect_with_301(client, client_of, facilitator, pair):
    keep, gone = pair
    client_of(facilitator).post(merge_url(keep), {"other": gone.pk})
    for slug in (gone.slug, "oude-naam-van-b"):
        response = client.get(reverse("factors:detail", kwargs={"slug": slug}))
        assert response.status_code == 301
        assert response["Location"] == keep.get_absolute_url()


def test_the_merge_is_logged_with_what_moved(client_of, facilitator, pair):
    keep, gone = pair
    client_of(facilitator).post(merge_url(keep), {"other": gone.pk})
    entry = CurationLog.objects.get(action=CurationLog.Action.MERGE)
    assert (entry.factor, entry.other_factor, entry.by) == (keep, gone, facilitator)
    assert entry.details == {
        "merged_slug": gone.slug,
        "case_links_moved": 2,
        "case_links_joined": 1,
        "contributions_moved": 2,
        "votes_moved": 3,
        "relations_moved": 1,
        "relations_dropped": 2,
        "themes_added": 1,
        "redirects_moved": 1,
    }
    log = client_of(facilitator).get(reverse("factors:log")).content.decode()
    assert "Beginnen bij de energie" in log and "stippen overgezet" in log


def test_merging_into_a_proposal_accepts_it_when_the_other_was_accepted(facilitator):
    cluster = Cluster.objects.create(name="Samenwerken", slug="samenwerken")
    proposal = make_factor("Voorstel", status="proposed", statement="")
    accepted = make_factor("Aanvaard", cluster=cluster, statement="Wat aanvaard is, in één zin.")
    proposal.merge(accepted, by=facilitator)
    proposal.refresh_from_db()
    assert proposal.status == Factor.Status.ACCEPTED
    # It inherits the cluster and the description it lacked to count publicly.
    assert (proposal.cluster, proposal.statement) == (cluster, "Wat aanvaard is, in één zin.")


def test_merging_into_a_proposal_without_a_cluster_anywhere_keeps_it_proposed(facilitator):
    proposal = make_factor("Voorstel", status="proposed")
    accepted = make_factor("Aanvaard")
    proposal.merge(accepted, by=facilitator)
    proposal.refresh_from_db()
    assert proposal.status == Factor.Status.PROPOSED
    assert proposal.missing_for_public == ["een cluster"]


def test_a_factor_merged_earlier_into_the_gone_one_now_points_to_the_kept_one(facilitator):
    keep, middle, first = make_factor("A"), make_factor("B"), make_factor("C")
    middle.merge(first, by=facilitator)
    keep.merge(middle, by=facilitator)
    first.refresh_from_db()
    assert first.merged_into == keep
    assert FactorSlugRedirect.objects.get(old_slug=first.slug).factor == keep


def test_a_working_factor_and_an_obstacle_cannot_be_merged(client_of, facilitator):
    keep = make_factor("Werkt")
    obstacle = make_factor("Belemmert", kind="obstacle")
    response = client_of(facilitator).post(merge_url(keep), {"other": obstacle.pk})
    assert response.status_code == 200  # the form re-renders with an error
    obstacle.refresh_from_db()
    assert obstacle.status == Factor.Status.ACCEPTED
    with pytest.raises(Exception, match="belemmering"):
        keep.merge(obstacle, by=facilitator)


def test_the_merge_page_offers_only_factors_of_the_same_kind(client_of, facilitator):
    keep = make_factor("Werkt")
    make_factor("Werkt ook")
    make_factor("Belemmert", kind="obstacle")
    make_factor("Weg", status="retired")
    html = client_of(facilitator).get(merge_url(keep)).content.decode()
    assert "Werkt ook" in html
    assert "Belemmert" not in html and "Weg —" not in html


def test_a_visitor_is_sent_to_log_in(client, pair):
    keep, gone = pair
    response = client.post(merge_url(keep), {"other": gone.pk})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    gone.refresh_from_db()
    assert gone.status == Factor.Status.ACCEPTED


def test_a_participant_gets_403(client_of, participant, pair):
    keep, gone = pair
    assert client_of(participant).get(merge_url(keep)).status_code == 403
    assert client_of(participant).post(merge_url(keep), {"other": gone.pk}).status_code == 403
    gone.refresh_from_db()
    assert gone.status == Factor.Status.ACCEPTED


def test_an_unknown_factor_is_404(client_of, facilitator):
    assert client_of(facilitator).get(reverse("factors:merge", kwargs={"slug": "niets"})).status_code == 404


def test_the_apps_above_factors_register_how_their_evidence_moves():
    """cases and meetings hand factors their movers (factors.holders) instead of factors writing their tables."""
    from factors.holders import holders

    assert [(h.key, h.split is not None) for h in holders()] == [
        ("case_links", True),
        ("contributions", True),
        ("votes", False),
    ]
