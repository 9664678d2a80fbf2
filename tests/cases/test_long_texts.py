"""Very long texts: a maximum length on every rich-text field, and a bounded search vector."""

import string

import pytest
from django.apps import apps
from django.urls import reverse

from cases.models import Case
from cop.richtext import RichTextField
from cop.search import search
from tests.cases.conftest import case_data
from tests.conftest import make_case

pytestmark = pytest.mark.django_db

RICH_TEXT_MAX_LENGTH = 200_000  # cop.richtext
SEARCH_TEXT_BUDGET = 100_000  # cop.search


def distinct_words(n_chars, first="begin", start=0):
    """``first`` and then distinct made-up words, ``n_chars`` characters of paragraphs in all."""
    letters = string.ascii_lowercase
    words, length, i = [first], len(first), start
    while length < n_chars:
        word, k = "", i
        for _position in range(5):
            word += letters[k % 26]
            k //= 26
        words.append(word)
        length += len(word) + 1
        i += 1
    return "<p>" + " ".join(words) + "</p>"


def dense_words(n_words, start=0):
    """Two-character words of 4-byte letters: the largest tsvector per character measured."""
    return " ".join(chr(0x1D400 + i % 1000) + chr(0x1D400 + (i // 1000) % 1000) for i in range(start, start + n_words))


def test_a_story_longer_than_the_maximum_is_refused_with_a_dutch_message(client_of, participant):
    story = "<p>" + "x" * RICH_TEXT_MAX_LENGTH + "</p>"
    response = client_of(participant).post(reverse("cases:create"), case_data(story=story))
    assert response.status_code == 200
    assert "Deze tekst is te lang: maximaal 200.000 tekens" in response.content.decode()
    assert not Case.objects.exists()


def test_a_four_megabyte_lessons_field_is_refused(client_of, participant):
    response = client_of(participant).post(reverse("cases:create"), case_data(lessons="<p>" + "y" * 4_000_000 + "</p>"))
    assert response.status_code == 200
    assert "Deze tekst is te lang" in response.content.decode()
    assert not Case.objects.exists()


def test_a_story_at_the_maximum_is_accepted(client_of, participant):
    story = "<p>" + "x" * (RICH_TEXT_MAX_LENGTH - 7) + "</p>"
    response = client_of(participant).post(reverse("cases:create"), case_data(story=story))
    assert response.status_code == 302
    assert Case.objects.get().story == story


def test_every_rich_text_form_field_has_the_maximum():
    fields = [f for model in apps.get_models() for f in model._meta.fields if isinstance(f, RichTextField)]
    assert len(fields) > 10
    for field in fields:
        with pytest.raises(Exception, match="te lang"):
            field.formfield().clean("<p>" + "z" * RICH_TEXT_MAX_LENGTH + "</p>")


@pytest.mark.postgres
def test_a_story_of_more_than_a_megabyte_of_distinct_words_is_saved_and_found_by_its_beginning(owner):
    # Without a bound PostgreSQL refuses the tsvector ("string is too long for tsvector").
    story = distinct_words(1_500_000, first="kenniskwartier")
    case = make_case(owner, title="Een heel lang verhaal", story=story)
    case.refresh_from_db()
    assert len(case.story) == len(story)
    assert [c.title for c in search(Case.objects.public(), "kenniskwartier")] == ["Een heel lang verhaal"]


@pytest.mark.postgres
def test_four_long_fields_through_the_form_are_saved_and_searchable(client_of, participant):
    # Each field is under the form's maximum; together they are far over what one tsvector holds.
    texts = [f"<p>leerwerkplaats {dense_words(33_000, start=n * 33_000)}</p>" for n in range(4)]
    data = case_data(story=texts[0], pride=texts[1], what_worked=texts[2], lessons=texts[3])
    response = client_of(participant).post(reverse("cases:create"), data)
    assert response.status_code == 302
    assert Case.objects.count() == 1
    assert [c.title for c in search(Case.objects.all(), "leerwerkplaats")] == [data["title"]]


@pytest.mark.postgres
def test_the_worst_measured_text_at_the_budget_fits_in_a_tsvector(owner):
    make_case(owner, title="Tekens", story=dense_words(SEARCH_TEXT_BUDGET // 3 + 1))
    assert Case.objects.filter(title="Tekens").exclude(search_vector=None).exists()
