"""Dutch full-text search of cases: stemming and ranking on PostgreSQL, word matching on SQLite."""

import pytest
from django.db import connection
from django.urls import reverse

from cases.models import Case
from cop.search import search
from tests.conftest import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenniskwartier(owner):
    return make_case(
        owner,
        title="Kenniskwartier Arnhem",
        summary="Een leerwerkplaats in de wijk.",
        story="<p>Studenten van de hogeschool werken samen met bewoners aan hun buurt.</p>",
    )


def found(query):
    return [case.title for case in search(Case.objects.public(), query)]


def test_a_word_from_the_story_finds_the_case(kenniskwartier, owner):
    make_case(owner, title="Buurtkamer", story="<p>Koffie en een praatje.</p>")
    assert found("studenten") == ["Kenniskwartier Arnhem"]


def test_every_word_must_match(kenniskwartier):
    assert found("studenten bewoners") == ["Kenniskwartier Arnhem"]
    assert found("studenten koffie") == []


def test_drafts_are_never_found_publicly(owner, client):
    make_case(owner, title="Geheim concept", status="draft", story="<p>studenten</p>")
    assert found("studenten") == []
    assert "Geheim concept" not in client.get(reverse("cases:library"), {"q": "studenten"}).content.decode()


@pytest.mark.postgres
def test_the_markup_of_the_story_is_not_searched(owner):
    # The SQLite fallback matches raw text, tags included; PostgreSQL indexes the text only.
    make_case(owner, title="Opmaak", story="<p><strong>vet</strong></p>")
    assert found("strong") == []
    assert found("vet") == ["Opmaak"]


@pytest.mark.postgres
def test_dutch_stemming_finds_student_and_studenten(kenniskwartier):
    assert found("studenten") == ["Kenniskwartier Arnhem"]
    assert found("student") == ["Kenniskwartier Arnhem"]
    assert found("buurten") == ["Kenniskwartier Arnhem"]


def test_a_title_match_ranks_above_a_story_match(owner):
    # Ranked on PostgreSQL and by field weights on SQLite; the title match is the older one,
    # so the newest-first tie-break alone would put it last.
    make_case(owner, title="Studenten in de wijk", story="<p>Een verhaal.</p>")
    make_case(owner, title="Over iets anders", story="<p>Hier werken studenten.</p>")
    assert found("studenten") == ["Studenten in de wijk", "Over iets anders"]


@pytest.mark.postgres
def test_the_search_vector_follows_edits(kenniskwartier):
    kenniskwartier.story = "<p>Nu over ouderen.</p>"
    kenniskwartier.save()
    assert found("studenten") == []
    assert found("ouderen") == ["Kenniskwartier Arnhem"]


@pytest.mark.postgres
def test_the_library_search_uses_the_gin_index_migration(kenniskwartier):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'case_search_vector_gin'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower() and "search_vector" in definition


def test_the_library_ranks_by_relevance_unless_asked_to_sort(client, owner):
    make_case(owner, title="Studenten in de wijk", story="<p>Een verhaal.</p>")
    make_case(owner, title="Over iets anders", story="<p>Hier werken studenten.</p>")
    response = client.get(reverse("cases:library"), {"q": "student"})
    assert [c.title for c in response.context["page"].object_list] == ["Studenten in de wijk", "Over iets anders"]
    newest = client.get(reverse("cases:library"), {"q": "student", "sorteer": "nieuwste"})
    assert [c.title for c in newest.context["page"].object_list] == ["Over iets anders", "Studenten in de wijk"]


def test_the_sqlite_fallback_finds_words_in_any_field(owner, monkeypatch):
    # The fallback's own queries run on either database, so CI on PostgreSQL proves them too.
    monkeypatch.setattr("cop.search.is_postgres", lambda conn=None: False)
    make_case(owner, title="Dorpsplan", pride="<p>Iedereen deed mee.</p>")
    assert found("iedereen") == ["Dorpsplan"]
    assert found("IEDEREEN dorpsplan") == ["Dorpsplan"]
