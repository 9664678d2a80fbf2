"""/wat-werkt/: working factors and obstacles side by side, by cluster, with evidence and filters."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Case, CaseFactor
from cop.models import Theme
from factors import display
from factors.models import Cluster, Factor
from meetings.models import Contribution, Round
from tests.conftest import make_factor
from tests.factors.conftest import cast_dots, cite_in_case, cluster_contribution, make_municipality, published_meeting

pytestmark = pytest.mark.django_db

BOARD = reverse("factors:board")
# Factors (1), their themes (1), the perspectives behind them (2), the filter
# form's themes, municipalities and clusters (3), and one lookup per chosen theme,
# municipality or cluster filter.
BOARD_QUERIES = 7
LOOKUP_PER_FILTER = 1
CARD_TITLE = re.compile(r'class="factor-card__title"><a href="[^"]*">([^<]*)</a>')


def card_titles(html):
    return CARD_TITLE.findall(html)


def test_a_visitor_sees_accepted_factors_and_obstacles_grouped_by_cluster(client):
    ownership = Cluster.objects.create(name="Eigenaarschap & continuïteit", order=10)
    trust = Cluster.objects.create(name="Vertrouwen", order=20)
    make_factor("Aansluiten bij wat leeft", cluster=ownership, statement="Begin bij de energie in de wijk.")
    make_factor("Wisselende gezichten", kind="obstacle", cluster=ownership)
    make_factor("Vaste contactpersoon", cluster=trust)
    make_factor("Nog maar een voorstel", status="proposed", cluster=trust)
    make_factor("Vervallen idee", status="retired", cluster=trust)
    make_factor("Opgegaan in een ander", status="merged", cluster=trust)

    html = client.get(BOARD).content.decode()

    assert html.index("Eigenaarschap &amp; continuïteit") < html.index("Vertrouwen")
    assert (
        html.index("Aansluiten bij wat leeft") < html.index("Wisselende gezichten") < html.index("Vaste contactpersoon")
    )
    assert "Begin bij de energie in de wijk." in html
    assert "board-column--working" in html and "board-column--obstacle" in html
    for hidden in ("Nog maar een voorstel", "Vervallen idee", "Opgegaan in een ander"):
        assert hidden not in html


def test_the_board_shows_evidence_strength_and_perspectives(client):
    factor = make_factor("Samen optrekken")
    cite_in_case(factor, perspective="woningcorporatie", municipality=make_municipality("Arnhem"))
    cluster_contribution(factor, published_meeting(municipality=make_municipality("Ede")), perspective="inwoners")
    html = client.get(BOARD).content.decode()
    card = html[html.index("Samen optrekken</a>") :].split("</li>", 1)[0]
    # One case and one meeting (2 sources), two municipalities, two perspectives: level 2.
    assert "Redelijk onderbouwd" in card and "niveau 2 van 3" in card
    assert card.count("level-meter__step--on") == 2
    assert "sterkte" not in card and "Onderbouwing: <strong>" not in card
    assert "woningcorporatie" in card and "inwonersinitiatief" in card
    assert "1 casus" in card and "1 bijeenkomst (1 bijdrage)" in card and "2 gemeenten" in card
    assert "2 perspectieven" in card
    # The scale and its rules stand above the cards.
    scale = html[: html.index("Samen optrekken</a>")]
    assert "ten minste 2 onafhankelijke bronnen, waarvan 1 casus, uit 2 gemeenten en 2 perspectieven" in scale


def test_a_new_factor_counts_the_municipality_of_its_meeting(client):
    factor = make_factor("Uit een avond in Arnhem")
    cluster_contribution(factor, published_meeting(municipality=make_municipality("Arnhem")), perspective="inwoners")
    html = client.get(BOARD).content.decode()
    card = html[html.index("Uit een avond in Arnhem</a>") :].split("</li>", 1)[0]
    assert "1 gemeente" in card and "0 gemeenten" not in card
    assert "Eerste aanwijzingen" in card


def test_within_a_cluster_the_strongest_factor_comes_first(client):
    cluster = Cluster.objects.create(name="Samenwerking")
    weak = make_factor("Aaa zwak onderbouwd", cluster=cluster)
    strong = make_factor("Zzz sterk onderbouwd", cluster=cluster)
    cite_in_case(strong)
    cite_in_case(strong)
    cluster_contribution(weak, published_meeting())
    html = client.get(BOARD).content.decode()
    assert html.index(strong.name) < html.index(weak.name)


def test_community_only_cases_do_not_count_on_the_public_board(client, client_of, participant):
    factor = make_factor("Ruimte voor inwoners")
    cite_in_case(factor, visibility="community")

    def card(html):
        return html[html.index("Ruimte voor inwoners</a>") :].split("</li>", 1)[0]

    public = card(client.get(BOARD).content.decode())
    assert "Nog niet onderbouwd" in public and "0 casussen" in public
    member = card(client_of(participant).get(BOARD).content.decode())
    assert "Eerste aanwijzingen" in member and "1 casus" in member


def test_the_theme_filter_keeps_factors_of_that_theme(client):
    housing = Theme.objects.create(name="Wonen")
    mine = make_factor("Woningcorporatie aan tafel")
    mine.themes.add(housing)
    make_factor("Iets anders")
    html = client.get(BOARD, {"thema": housing.slug}).content.decode()
    assert "Woningcorporatie aan tafel" in html
    assert "Iets anders" not in html


def test_the_perspective_filter_keeps_factors_with_evidence_from_there_and_counts_only_that(client):
    both = make_factor("Beide perspectieven")
    cite_in_case(both, perspective="gemeente")
    cite_in_case(both, perspective="welzijn")
    only_municipality = make_factor("Alleen de gemeente")
    cite_in_case(only_municipality, perspective="gemeente")
    html = client.get(BOARD, {"perspectief": "welzijn"}).content.decode()
    assert "Beide perspectieven" in html
    assert "Alleen de gemeente" not in html
    assert "1 casus" in html


def test_the_municipality_filter_keeps_factors_with_cases_there(client):
    arnhem = make_municipality("Arnhem")
    there = make_factor("In Arnhem gezien")
    cite_in_case(there, municipality=arnhem)
    elsewhere = make_factor("Elders gezien")
    cite_in_case(elsewhere, municipality=make_municipality("Ede"))
    html = client.get(BOARD, {"gemeente": "arnhem"}).content.decode()
    assert "In Arnhem gezien" in html
    assert "Elders gezien" not in html


def test_an_unknown_filter_value_is_ignored(client):
    make_factor("Blijft zichtbaar")
    response = client.get(BOARD, {"thema": "bestaat-niet", "perspectief": "marsmannetjes"})
    assert response.status_code == 200
    assert "Blijft zichtbaar" in response.content.decode()


def test_search_on_the_board_finds_factors_by_their_words(client):
    make_factor("Vertrouwen opbouwen", statement="Tijd nemen voor kennismaken.")
    make_factor("Geld voor de lange termijn")
    html = client.get(BOARD, {"q": "kennismaken"}).content.decode()
    assert "Vertrouwen opbouwen" in html
    assert "Geld voor de lange termijn" not in html


def test_htmx_gets_only_the_board_and_the_response_varies_on_it(client):
    make_factor("Aansluiten bij wat leeft")
    response = client.get(BOARD, {"perspectief": "gemeente"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="board-status"' in html and 'data-hx-swap-oob="true"' in html
    assert "HX-Request" in response["Vary"]
    full = client.get(BOARD)
    assert "<html" in full.content.decode() and "HX-Request" in full["Vary"]


def test_the_filter_form_works_without_javascript_and_keeps_the_choice_in_the_url(client):
    html = client.get(BOARD, {"perspectief": "welzijn"}).content.decode()
    assert 'method="get"' in html and f'action="{BOARD}"' in html
    assert '<option value="welzijn" selected>' in html


def test_a_member_sees_their_own_proposals_apart_from_the_board(client_of, participant):
    make_factor("Mijn idee", status="proposed", proposed_by=participant)
    html = client_of(participant).get(BOARD).content.decode()
    assert "Jouw voorstellen" in html and "Mijn idee" in html
    assert html.index("Mijn idee") < html.index('id="board-results"')


def _add_factors_with_evidence(n, start=0):
    """``n`` accepted factors, each with a case, a contribution and a dot, in a few bulk queries."""
    cluster = Cluster.objects.get_or_create(name="Cluster")[0]
    theme = Theme.objects.get_or_create(name="Leefbaarheid")[0]
    factors = Factor.objects.bulk_create(
        Factor(
            name=f"Factor {i}",
            slug=f"factor-{i}",
            statement="Een zin.",
            status="accepted",
            kind="obstacle" if i % 3 else "working",
            cluster=cluster if i % 2 else None,
        )
        for i in range(start, start + n)
    )
    Factor.themes.through.objects.bulk_create(Factor.themes.through(factor=f, theme=theme) for f in factors)
    cases = Case.objects.bulk_create(
        Case(title=f"Casus {f.pk}", slug=f"casus-{f.pk}", summary="s", status="published", perspective="welzijn")
        for f in factors
    )
    CaseFactor.objects.bulk_create(CaseFactor(case=c, factor=f) for c, f in zip(cases, factors, strict=True))
    meeting = published_meeting()
    round_ = Round.objects.create(meeting=meeting, prompt="Wat werkt?")
    Contribution.objects.bulk_create(
        Contribution(round=round_, meeting=meeting, text="x", perspective="inwoners", guest_key="g", factor=f)
        for f in factors
    )
    cast_dots(factors[0], meeting, 2)


def _count_queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        ({}, BOARD_QUERIES),
        # A perspective is a choice, not a lookup; the theme is looked up.
        ({"perspectief": "welzijn", "thema": "leefbaarheid"}, BOARD_QUERIES + LOOKUP_PER_FILTER),
    ],
)
def test_the_board_costs_the_same_queries_for_10_and_200_factors(client, django_assert_num_queries, params, queries):
    _add_factors_with_evidence(10)
    with django_assert_num_queries(queries):
        client.get(BOARD, params)
    with_10 = _count_queries(client, BOARD, **params)
    _add_factors_with_evidence(190, start=10)
    with django_assert_num_queries(queries):
        html = client.get(BOARD, params).content.decode()
    # Unclustered factors are all listed; the cluster lists its strongest of each kind.
    assert len(card_titles(html)) == 100 + 2 * display.BOARD_LIST_PER_KIND
    assert _count_queries(client, BOARD, **params) == with_10


def test_a_big_cluster_lists_its_strongest_and_links_to_all_of_them(client, monkeypatch):
    monkeypatch.setattr(display, "BOARD_LIST_PER_KIND", 2)
    cluster = Cluster.objects.create(name="Samenwerking")
    factors = [make_factor(f"Factor {name}", cluster=cluster) for name in ("A", "B", "C", "D")]
    for evidence, factor in enumerate(factors):  # D is the strongest, A the weakest
        for _ in range(evidence):
            cite_in_case(factor)
    make_factor("Enige belemmering", kind="obstacle", cluster=cluster)

    html = client.get(BOARD).content.decode()
    assert card_titles(html) == ["Factor D", "Factor C", "Enige belemmering"]
    assert f'href="{BOARD}?cluster=samenwerking">Toon alle 4 werkzame factoren in Samenwerking</a>' in html
    assert "(2 meer)" in html
    assert "Toon alle 1 belemmeringen" not in html
    assert "4 werkzame factoren" in html  # the count covers all of them

    everything = client.get(BOARD, {"cluster": "samenwerking"}).content.decode()
    assert card_titles(everything) == ["Factor D", "Factor C", "Factor B", "Factor A", "Enige belemmering"]
    assert "Toon alle" not in everything
    assert '<option value="samenwerking" selected>' in everything


def test_the_cluster_filter_keeps_the_other_filters_and_shows_one_cluster(client, monkeypatch):
    monkeypatch.setattr(display, "BOARD_LIST_PER_KIND", 1)
    housing = Theme.objects.create(name="Wonen")
    cluster = Cluster.objects.create(name="Samenwerking")
    other = Cluster.objects.create(name="Geld & middelen")
    for name in ("Woningcorporatie aan tafel", "Huurders praten mee"):
        make_factor(name, cluster=cluster).themes.add(housing)
    make_factor("Andere factor", cluster=other).themes.add(housing)

    html = client.get(BOARD, {"thema": housing.slug}).content.decode()
    assert f'href="{BOARD}?thema=wonen&amp;cluster=samenwerking">Toon alle 2 werkzame factoren' in html

    one = client.get(BOARD, {"thema": housing.slug, "cluster": "samenwerking"}).content.decode()
    assert sorted(card_titles(one)) == ["Huurders praten mee", "Woningcorporatie aan tafel"]
    assert client.get(BOARD, {"cluster": "bestaat-niet"}).status_code == 200


def test_the_board_filters_say_how_many_are_set_for_the_folded_panel_on_a_phone(client, db):
    theme = Theme.objects.create(name="Wonen")
    html = client.get(reverse("factors:board"), {"q": "wijk"}).content.decode()
    assert '<summary id="board-filters-summary">Filters</summary>' in html
    html = client.get(reverse("factors:board"), {"thema": theme.slug, "perspectief": "welzijn"}).content.decode()
    assert '<summary id="board-filters-summary">Filters (2 actief)</summary>' in html
    htmx = client.get(reverse("factors:board"), {"thema": theme.slug}, HTTP_HX_REQUEST="true").content.decode()
    assert '<summary id="board-filters-summary" data-hx-swap-oob="true">Filters (1 actief)</summary>' in htmx
