"""Unsafe HTML in any rich-text or text field never reaches a page unescaped."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cases.models import Case, Reflection
from tests.cases.conftest import case_data, rows
from tests.conftest import make_factor, make_organisation

pytestmark = pytest.mark.django_db

ATTACKS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="position:fixed;top:0;left:0;width:100%">over alles heen</p>',
    '<svg onload="alert(1)"></svg>',
    '<p onclick="alert(1)">tekst</p>',
]
ALL = "".join(ATTACKS)
RICH = [
    "story",
    "pride",
    "what_worked",
    "lessons",
    "occasion",
    "goal",
    "target_group",
    "approach",
    "preconditions",
    "transferability",
]
PLAIN = ["title", "summary", "contact_name"]


class _Elements(HTMLParser):
    """Every element a browser would build from the page, with its attributes."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_safe(html):
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.elements:
        assert tag not in ("iframe", "object", "embed", "frame"), tag
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
        if tag == "script":  # only the site's own files, the editor's import map and JSON-LD data
            assert attrs.get("src") or attrs.get("type") in ("importmap", "application/ld+json"), attrs
    assert "<script>alert" not in html


def test_every_field_of_a_case_is_safe_on_every_page(client_of, participant, facilitator):
    factor = make_factor()
    org = make_organisation("Org")
    data = case_data(
        **{name: ALL for name in RICH},
        **{name: ALL[:120] for name in PLAIN},
        contact_consent="on",
        **rows("factors", [{"factor": factor.pk, "explanation": ALL}]),
        **rows("partners", [{"organisation": org.pk, "name": ALL[:150], "role": ALL[:250]}]),
        **rows("links", [{"title": ALL[:200], "url": "https://example.org/"}]),
    )
    author = client_of(participant)
    response = author.post(reverse("cases:create"), data)
    assert response.status_code == 302, re.search(
        r"<div class=\"form-errors\".*?</div>", response.content.decode(), re.S
    ).group(0)
    case = Case.objects.get()
    for name in RICH:
        stored = getattr(case, name)
        assert "<script" not in stored and "onerror" not in stored and "javascript:" not in stored
        assert "<iframe" not in stored and "style=" not in stored
    case.submit(by=participant)
    case.send_back(by=facilitator, message=ALL)
    assert_safe(author.get(case.get_absolute_url()).content.decode())  # the message to the authors
    assert_safe(author.get(reverse("cases:edit", args=[case.slug])).content.decode())
    case.submit(by=participant)
    case.publish(by=facilitator)
    Reflection.objects.create(case=case, author=participant, perspective="overig", strikes=ALL, learns=ALL)
    Reflection.objects.create(
        case=case, author=facilitator, perspective="overig", strikes="x", hidden=True, hidden_reason=ALL[:300]
    )
    case.revisions.create(author=participant, message=ALL, changes={"title": {"label": ALL, "old": ALL, "new": ALL}})
    pages = [
        case.get_absolute_url(),
        reverse("cases:library"),
        reverse("cases:library") + "?q=klik",
        reverse("cases:edit", args=[case.slug]),
        reverse("cases:revisions", args=[case.slug]),
        reverse("profile"),
    ]
    for url in pages:
        response = author.get(url)
        assert response.status_code == 200, url
        assert_safe(response.content.decode())
    assert_safe(client_of(facilitator).get(reverse("cases:review-queue")).content.decode())
    assert_safe(client_of(facilitator).get(case.get_absolute_url()).content.decode())  # the hidden reason


def test_rich_text_keeps_harmless_formatting(client_of, participant):
    story = '<h2>Kop</h2><p><strong>vet</strong> <em>schuin</em> <a href="https://example.org">link</a></p><ul><li>punt</li></ul>'
    client_of(participant).post(reverse("cases:create"), case_data(story=story))
    stored = Case.objects.get().story
    for fragment in (
        "<h2>Kop</h2>",
        "<strong>vet</strong>",
        "<em>schuin</em>",
        "<li>punt</li>",
        'href="https://example.org"',
    ):
        assert fragment in stored


def test_rich_text_is_sanitised_even_without_a_form(owner):
    from tests.conftest import make_case

    case = make_case(owner, story=ALL, pride=ALL)
    case.refresh_from_db()
    assert "<script" not in case.story and "onerror" not in case.pride
