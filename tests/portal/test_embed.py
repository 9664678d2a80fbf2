"""Embeddable views of a factor and of the board: the only pages other sites may frame."""

import html as html_lib
import re
from unittest import mock

import pytest
from django.urls import reverse

from factors.models import Factor, FactorSlugRedirect
from portal import queries
from tests.conftest import make_factor
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db

EMBED_FACTOR_QUERIES = 1
EMBED_BOARD_QUERIES = 2


def csp(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def embed_urls(world):
    return [reverse("embed-board"), reverse("embed-factor", args=[world.working.slug])]


def test_embeds_may_be_framed_by_any_site_and_keep_the_rest_of_the_policy(client, world):
    for url in embed_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Frame-Options" not in response, url
        policy = csp(response)
        assert policy["frame-ancestors"] == ["*"], url
        assert policy["script-src"][0] == "'self'" and "'unsafe-inline'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"] and policy["default-src"] == ["'self'"]


@pytest.mark.parametrize(
    "name,args",
    [
        ("home", []),
        ("factors:board", []),
        ("factor-map", []),
        ("open-data", []),
    ],
)
def test_every_other_page_still_refuses_to_be_framed(client, world, name, args):
    response = client.get(reverse(name, args=args))
    assert response["X-Frame-Options"] == "DENY"
    assert csp(response)["frame-ancestors"] == ["'none'"]


def test_object_pages_still_refuse_to_be_framed(client, world):
    for url in (
        world.working.get_absolute_url(),
        world.case.get_absolute_url(),
        world.harvested.get_absolute_url(),
        reverse("meetings:digest", args=[world.harvested.slug]),
    ):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert csp(response)["frame-ancestors"] == ["'none'"], url


def test_factor_embed_is_a_small_accessible_page_with_link_back_and_licence(client, world, settings):
    settings.SITE_URL = "https://wetenwatwerkt.example"
    html = client.get(reverse("embed-factor", args=[world.working.slug])).content.decode()
    assert re.search(r'<html lang="nl">', html)
    assert html.count("<main") == 1 and html.count("<h1") == 1
    assert world.working.name in html and world.working.statement in html
    assert f'href="https://wetenwatwerkt.example{world.working.get_absolute_url()}"' in html
    assert 'rel="license"' in html and "CC BY 4.0" in html
    assert '<base target="_blank">' in html  # links open the portal, which may not be framed
    assert 'class="site-header"' not in html and 'class="site-nav"' not in html
    assert "2 casussen" in html


def test_board_embed_shows_the_strongest_factors_as_a_visual(client, world):
    response = client.get(reverse("embed-board"))
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'class="visual__svg visual__svg--board"' in html
    rows = [str(row[0]) for row in response.context["chart"].table.rows]
    assert rows == [world.working.name, world.obstacle.name]
    assert reverse("factors:board") in html and "CC BY 4.0" in html


def test_a_factor_that_is_not_public_cannot_be_embedded(client, world):
    assert client.get(reverse("embed-factor", args=[world.proposed.slug])).status_code == 404
    retired = make_factor("Vervallen factor", status="retired")
    assert client.get(reverse("embed-factor", args=[retired.slug])).status_code == 404
    assert client.get(reverse("embed-factor", args=["bestaat-niet"])).status_code == 404


def test_an_embed_follows_a_renamed_or_merged_factor(client, world):
    FactorSlugRedirect.objects.create(old_slug="oude-naam", factor=world.working)
    response = client.get(reverse("embed-factor", args=["oude-naam"]))
    assert response.status_code == 301
    assert response["Location"] == reverse("embed-factor", args=[world.working.slug])

    merged = make_factor("Opgegaan in een andere", status=Factor.Status.MERGED, merged_into=world.obstacle)
    response = client.get(reverse("embed-factor", args=[merged.slug]))
    assert response["Location"] == reverse("embed-factor", args=[world.obstacle.slug])


def test_embeds_never_show_private_content(client_of, world, participant):
    for user in (None, participant):
        for url in embed_urls(world):
            assert_no_leaks(client_of(user).get(url).content.decode())


def test_the_factor_page_and_the_board_offer_an_iframe_snippet(client, world, settings):
    settings.SITE_URL = "https://wetenwatwerkt.example"
    for page, embed in (
        (world.working.get_absolute_url(), reverse("embed-factor", args=[world.working.slug])),
        (reverse("factors:board"), reverse("embed-board")),
    ):
        html = client.get(page).content.decode()
        snippet = re.search(r"<textarea[^>]*readonly>(.*?)</textarea>", html, re.DOTALL)
        assert snippet, page
        code = html_lib.unescape(snippet.group(1))
        assert code.startswith(f'<iframe src="https://wetenwatwerkt.example{embed}"'), code
        assert 'title="' in code and code.endswith("</iframe>")


def test_a_proposed_factor_page_offers_no_snippet(client_of, world, facilitator):
    html = client_of(facilitator).get(world.proposed.get_absolute_url()).content.decode()
    assert reverse("embed-factor", args=[world.proposed.slug]) not in html


def test_embed_query_counts_are_fixed(client, world, django_assert_num_queries):
    for i in range(4):
        make_factor(f"Extra {i}", kind="obstacle" if i % 2 else "working")
    with django_assert_num_queries(EMBED_FACTOR_QUERIES):
        client.get(reverse("embed-factor", args=[world.working.slug]))
    with django_assert_num_queries(EMBED_BOARD_QUERIES):
        client.get(reverse("embed-board"))


@pytest.mark.urls("tests.portal.urls_cached_embed")
def test_an_embed_served_from_the_page_cache_may_still_be_framed(client, world):
    """``frameable`` marks every response, also a copy from ``cop.cache`` (keep it the outermost decorator)."""
    with mock.patch("portal.queries.strongest_factors", wraps=queries.strongest_factors) as view_ran:
        first, second = client.get("/ingesloten/"), client.get("/ingesloten/")
    assert view_ran.call_count == 1  # the second answer came from the cache
    assert first.content == second.content
    for response in (first, second):
        assert "X-Frame-Options" not in response
        assert csp(response)["frame-ancestors"] == ["*"]
