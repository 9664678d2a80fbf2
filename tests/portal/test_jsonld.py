"""schema.org JSON-LD for case, factor, meeting and term pages: escaped, public objects only."""

import json
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from tests.conftest import make_case

pytestmark = pytest.mark.django_db


def render(obj):
    request = RequestFactory().get("/")
    return Template("{% load jsonld %}{% jsonld obj %}").render(Context({"obj": obj, "request": request}))


def data_of(html):
    found = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.DOTALL)
    assert found, html
    return json.loads(found.group(1))


def test_case_is_an_article_with_licence_and_place(world):
    data = data_of(render(world.case))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == world.case.title
    assert data["url"] == "http://testserver" + world.case.get_absolute_url()
    assert data["license"].startswith("https://creativecommons.org/")
    assert data["spatialCoverage"]["name"] == "Arnhem"
    assert "Olga" not in json.dumps(data)


def test_factor_is_a_defined_term_in_the_wat_werkt_set(world):
    data = data_of(render(world.working))
    assert data["@type"] == "DefinedTerm"
    assert data["termCode"] == "working"
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"


def test_meeting_is_an_event_with_its_harvest_but_not_its_online_link(world):
    data = data_of(render(world.harvested))
    assert data["@type"] == "Event"
    assert data["subjectOf"]["@type"] == "CreativeWork"
    assert "zoom.example.org" not in json.dumps(data)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "subjectOf" not in data_of(render(world.closed))


def test_term_carries_its_current_definition(world):
    data = data_of(render(world.term))
    assert data["description"] == "Samen met inwoners werken aan een kern."


def test_private_objects_get_no_metadata(world):
    for obj in (
        world.draft,
        world.submitted,
        world.community,
        world.proposed,
        world.private_meeting,
        world.hidden_term,
    ):
        assert render(obj) == ""


def test_text_cannot_close_the_script_element(owner):
    case = make_case(owner, title="</script><script>alert(1)</script>", summary="a & b <!--")
    html = render(case)
    assert html.count("</script>") == 1
    assert "\\u003C/script\\u003E" in html
    assert data_of(html)["headline"] == "</script><script>alert(1)</script>"
