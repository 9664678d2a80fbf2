"""The home page: what the CoP found at a glance, for someone who was never there."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseFactor
from cop.models import Term, TermVersion
from factors.models import FactorRelation
from tests.conftest import make_case, make_factor, make_meeting
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db

# key terms, their versions, their meetings; 2 × strongest factors, 2 × their perspectives, what helps against
# the obstacles; cases; next meeting; harvest
HOME_QUERIES = 11


def test_home_shows_the_current_definition_first_and_kerngericht_werken_next(client, world):
    kern = Term.objects.create(name="kerngericht werken", is_key=True, order=1)
    TermVersion.objects.create(term=kern, definition="<p>Werken vanuit de kern.</p>").accept(by=None)
    world.term.order = 50  # the order field alone would put it after kerngericht werken
    world.term.save()
    other = Term.objects.create(name="Aandachtswijk", is_key=True, order=0)
    TermVersion.objects.create(term=other, definition="<p>Een wijk met aandacht.</p>").accept(by=None)

    html = client.get(reverse("home")).content.decode()

    first = html.index("Samen met inwoners werken aan een kern.")
    assert first < html.index("Werken vanuit de kern.") < html.index("Een wijk met aandacht.")
    assert "Samen werken aan de wijk." not in html  # an older version
    assert f'href="{world.term.get_absolute_url()}"' in html


def test_home_never_shows_a_proposed_definition_not_even_to_a_facilitator(client_of, world, facilitator):
    html = client_of(facilitator).get(reverse("home")).content.decode()
    assert "Samen met inwoners werken aan een kern." in html
    assert "Geheim voorstel" not in html


def test_home_balances_the_strongest_working_factors_and_obstacles(client, world):
    # Many strong working factors must not push the obstacles off the home page.
    for i in range(8):
        factor = make_factor(f"Sterke werkzame factor {i}")
        for j in range(2):
            CaseFactor.objects.create(case=make_case(title=f"Casus {i}-{j}"), factor=factor)
    weak = make_factor("Zwakke werkzame factor")

    response = client.get(reverse("home"))
    working, obstacles = response.context["working_factors"], response.context["obstacles"]

    assert len(working) == 3 and all(f.kind == "working" for f in working)
    assert [f.name for f in obstacles] == [world.obstacle.name]
    ranks = [(f.evidence_level, f.evidence_strength) for f in working]
    assert ranks == sorted(ranks, reverse=True)
    assert weak not in working
    html = response.content.decode()
    assert html.count('<li class="finding factor') == len(working) + 1
    assert html.index("Sterke werkzame factor") < html.index(world.obstacle.name)  # two columns, working first


def test_home_shows_each_factor_s_level_on_the_scale_of_three_in_words(client, world):
    response = client.get(reverse("home"))
    html = response.content.decode()
    for factor in [*response.context["working_factors"], *response.context["obstacles"]]:
        card = re.search(rf">{re.escape(factor.name)}</a></p>.*?</li>", html, re.DOTALL).group(0)
        assert card.count("level-meter__step--on") == factor.evidence_level  # the meter draws the level…
        assert str(factor.strength_label).capitalize() in card  # …which is also words
        assert f"niveau {factor.evidence_level} van 3" in card
        assert "sterkte" not in card
    assert f'href="{reverse("factors:board")}#uitleg-onderbouwing"' in html  # where the scale is explained


def test_home_leads_with_the_findings_and_puts_definitions_after(client, world):
    html = client.get(reverse("home")).content.decode()
    insight = html.index("Het sterkst onderbouwd:")
    assert insight < html.index('id="factors-title"') < html.index('id="definitions-title"')
    assert html.index(world.working.name, insight) < html.index('id="definitions-title"')
    digest = reverse("meetings:digest", args=[world.harvested.slug])
    # The digest of the latest harvest is linked in the opening, before the findings.
    assert html.index(digest) < html.index('id="factors-title"')


def test_home_names_what_helps_against_the_strongest_obstacle(client, world):
    FactorRelation.objects.create(from_factor=world.working, to_factor=world.obstacle, kind="helps")
    html = client.get(reverse("home")).content.decode()
    card = re.search(rf">{re.escape(world.obstacle.name)}</a></p>.*?</li>", html, re.DOTALL).group(0)
    assert "Helpt ertegen:" in card and world.working.name in card
    assert "daartegen helpt" in html


def test_home_never_names_a_proposed_factor_as_helping(client, world):
    proposal = make_factor("Nog maar een voorstel", status="proposed")
    FactorRelation.objects.create(from_factor=proposal, to_factor=world.obstacle, kind="helps")
    assert "Nog maar een voorstel" not in client.get(reverse("home")).content.decode()


def test_home_lists_newest_public_cases_next_meeting_and_latest_harvest(client, world):
    html = client.get(reverse("home")).content.decode()
    assert world.case.title in html and world.second.title in html
    assert world.upcoming.title in html
    assert reverse("meetings:digest", args=[world.harvested.slug]) in html
    assert 'role="search"' in html and f'action="{reverse("search")}"' in html
    assert reverse("board-poster") in html and reverse("open-data") in html and reverse("api-root") in html


def test_home_skips_a_community_meeting_as_next_meeting(client, world):
    world.upcoming.delete()
    make_meeting(title="Geheime besloten volgende", days=3, visibility="community")
    html = client.get(reverse("home")).content.decode()
    assert "Er staat nog geen nieuwe bijeenkomst gepland." in html


def test_home_works_without_any_content(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is nog geen oogst gepubliceerd." in html
    assert "Nog geen gepubliceerde casussen." in html


def test_home_never_shows_private_content(client_of, world, participant):
    for user in (None, participant):
        assert_no_leaks(client_of(user).get(reverse("home")).content.decode())


def test_home_query_count_is_fixed_and_does_not_grow_with_data(client, world, django_assert_num_queries):
    with django_assert_num_queries(HOME_QUERIES):
        client.get(reverse("home"))
    now = timezone.now()
    for i in range(6):
        factor = make_factor(f"Nog een factor {i}", kind="obstacle" if i % 2 else "working")
        case = make_case(title=f"Nog een casus {i}", published_at=now)
        CaseFactor.objects.create(case=case, factor=factor)
        make_meeting(title=f"Nog een bijeenkomst {i}", days=20 + i)
    term = Term.objects.create(name="kerngericht werken", is_key=True)
    for n in range(3):
        TermVersion.objects.create(term=term, definition=f"<p>Versie {n}</p>").accept(by=None)
    with django_assert_num_queries(HOME_QUERIES):
        client.get(reverse("home"))


def test_home_teases_the_latest_harvest_with_its_first_paragraph(client, world):
    world.harvested.summary = "<p>Eerste alinea met <strong>hele zinnen</strong>.</p><p>Tweede alinea blijft weg.</p>"
    world.harvested.save()
    html = client.get(reverse("home")).content.decode()
    assert "<p>Eerste alinea met <strong>hele zinnen</strong>.</p>" in html
    assert "Tweede alinea blijft weg." not in html


def test_the_home_page_has_one_search_box_the_headers(client, db):
    html = client.get("/").content.decode()
    assert html.count('role="search"') == 1 and 'id="site-search-q"' in html
