"""Authors mark terms with [[begrip]] or [[begrip|tekst]]; the glossary_links filter links public terms."""

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from cop.models import Term
from glossary.templatetags.glossary import strip_marks

pytestmark = pytest.mark.django_db


@pytest.fixture
def term(facilitator):
    term = Term.objects.create(name="Gebiedsgericht werken")
    term.propose_version("<p>Samen aan een gebied.</p>", by=facilitator).accept(by=facilitator)
    return term


def render(text, *, safe=False):
    template = Template("{% load glossary %}{{ text|glossary_links }}")
    return template.render(Context({"text": mark_safe(text) if safe else text}))


def link(term, label):
    return f'<a class="term-link" href="/begrippen/{term.slug}/">{label}</a>'


def test_a_mark_links_to_the_term_by_name_or_slug_case_insensitively(term):
    assert render("Dit is [[gebiedsgericht werken]].") == f"Dit is {link(term, 'gebiedsgericht werken')}."
    assert render("[[Gebiedsgericht-werken]]") == link(term, "Gebiedsgericht-werken")


def test_a_mark_may_show_other_words(term):
    assert render("We werken [[gebiedsgericht werken|gebiedsgericht]].") == f"We werken {link(term, 'gebiedsgericht')}."


def test_an_unknown_or_unpublished_term_renders_as_plain_words(facilitator):
    Term.objects.create(name="Vliegwiel").propose_version("<p>x</p>", by=facilitator)
    assert render("Een [[vliegwiel]] en een [[onbekend begrip|iets]].") == "Een vliegwiel en een iets."


def test_plain_text_is_escaped_before_linking(term):
    html = render('<script>alert(1)</script> [[gebiedsgericht werken|<b>x</b>]] & "quotes"')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&amp; &quot;quotes&quot;" in html


def test_rich_text_keeps_its_markup_and_only_text_is_rewritten(term):
    html = render(
        '<p><a href="https://example.org/[[gebiedsgericht werken]]" title="a > [[gebiedsgericht werken]]">'
        "[[gebiedsgericht werken]]</a> en <strong>[[gebiedsgericht werken]]</strong></p>",
        safe=True,
    )
    # Attribute values and text inside an existing link stay as they are (no nested links).
    assert 'href="https://example.org/[[gebiedsgericht werken]]"' in html
    assert 'title="a > [[gebiedsgericht werken]]"' in html
    assert '">gebiedsgericht werken</a> en' in html
    assert f"<strong>{link(term, 'gebiedsgericht werken')}</strong>" in html
    assert html.count("term-link") == 1


def test_a_new_term_is_linked_at_once_although_the_index_is_cached(term, facilitator):
    assert render("[[kerngericht werken]]") == "kerngericht werken"
    core = Term.objects.create(name="Kerngericht werken")
    core.propose_version("<p>In een kern.</p>", by=facilitator).accept(by=facilitator)
    assert render("[[kerngericht werken]]") == link(core, "kerngericht werken")


def test_text_without_marks_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert render("Gewone tekst") == "Gewone tekst"


def test_many_marks_cost_at_most_one_query(term, django_assert_num_queries):
    with django_assert_num_queries(1):  # the index of terms, kept in the cache
        render("[[gebiedsgericht werken]]")
    with django_assert_num_queries(0):
        render(" ".join(["[[gebiedsgericht werken]]"] * 20))


def test_glossary_plain_strips_marks():
    assert strip_marks("Een [[begrip]] en [[iets|ander woord]].") == "Een begrip en ander woord."
    assert Template("{% load glossary %}{{ t|glossary_plain }}").render(Context({"t": "[[a|b & c]]"})) == "b &amp; c"
