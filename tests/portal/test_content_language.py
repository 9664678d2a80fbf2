"""WCAG 3.1.2: on English pages, what members wrote (in Dutch) sits inside an element with lang="nl"."""

from html.parser import HTMLParser

import pytest
from django.utils import timezone, translation

from cases.models import CaseFactor, Reflection
from cop.models import Perspective, Term, Theme
from tests.conftest import make_case, make_factor, make_meeting
from visuals import Content, Link, named, with_names
from visuals.templatetags.visuals import visual_cell

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TextLanguages(HTMLParser):
    """Each piece of the body's text with the language of the element it is in."""

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        parent = self.stack[-1][1] if self.stack else None
        self.stack.append((tag, dict(attrs).get("lang", parent)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = {tag for tag, _lang in self.stack}
        # Not checked: an SVG's own title and description (plain text, no element can mark a name
        # in them; the figcaption beside them does), and a textarea, which holds an embed code.
        caption = [tag for tag, _lang in self.stack[-2:]] in (["svg", "title"], ["svg", "desc"])
        if data.strip() and "body" in tags and not tags & {"script", "style", "template", "textarea"} and not caption:
            where = " > ".join(tag for tag, _lang in self.stack[-3:])
            self.texts.append((data.strip(), self.stack[-1][1], where))


def languages_of(html, phrase):
    parser = TextLanguages()
    parser.feed(html)
    return [(lang, where) for text, lang, where in parser.texts if phrase in text]


@pytest.fixture
def content(owner, facilitator):
    theme = Theme.objects.create(name="Leefbaarheid")
    factor = make_factor("Aansluiten bij wat leeft", accepted_at=timezone.now(), statement="Begin bij de buurt.")
    factor.themes.add(theme)
    case = make_case(
        owner,
        title="Buurtkamer De Linde",
        summary="Een huiskamer voor de wijk.",
        story="<p>Bewoners openden een buurtkamer.</p>",
        lessons="<p>Begin klein.</p>",
    )
    case.themes.add(theme)
    CaseFactor.objects.create(case=case, factor=factor, explanation="Bewoners bepaalden de agenda.")
    Reflection.objects.create(case=case, author=owner, perspective=Perspective.WELFARE, strikes="Mooi hoe het begon.")
    term = Term.objects.create(name="Gebiedsgericht werken", is_key=True)
    term.propose_version("<p>Samen werken aan een gebied.</p>", by=facilitator).accept(by=facilitator)
    meeting = make_meeting(title="Bijeenkomst over eigenaarschap", agenda="<p>Koffie en kennismaking.</p>")
    return {"case": case, "factor": factor, "term": term, "meeting": meeting}


def page(client, url, language):
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_dutch_content_on_english_pages_is_marked_as_dutch(client, content):
    case, factor, term, meeting = content["case"], content["factor"], content["term"], content["meeting"]
    pages = {
        case.get_absolute_url(): [
            "Buurtkamer De Linde",
            "Een huiskamer voor de wijk.",
            "Bewoners openden een buurtkamer.",
            "Begin klein.",
            "Aansluiten bij wat leeft",
            "Bewoners bepaalden de agenda.",
            "Leefbaarheid",
            "Mooi hoe het begon.",
        ],
        "/casussen/": ["Buurtkamer De Linde", "Een huiskamer voor de wijk.", "Leefbaarheid", "Aansluiten bij wat"],
        factor.get_absolute_url(): ["Aansluiten bij wat leeft", "Begin bij de buurt.", "Leefbaarheid"],
        "/wat-werkt/": ["Aansluiten bij wat leeft", "Begin bij de buurt.", "Leefbaarheid"],
        "/wat-werkt/perspectieven/": ["Aansluiten bij wat leeft"],
        "/begrippen/": ["Gebiedsgericht werken", "Samen werken aan een gebied."],
        term.get_absolute_url(): ["Gebiedsgericht werken", "Samen werken aan een gebied."],
        meeting.get_absolute_url(): ["Bijeenkomst over eigenaarschap", "Koffie en kennismaking."],
        # The hits: <mark>buurtkamer</mark>; the snippet is from the story, which holds the word.
        "/zoeken/?q=buurtkamer": ["De Linde", "Bewoners openden een"],
    }
    wrong = []
    for url, phrases in pages.items():
        html = page(client, url, "en")
        assert '<html lang="en"' in html, url
        for phrase in phrases:
            found = languages_of(html, phrase)
            outside = [where for lang, where in found if lang != "nl"]
            if not found or outside:
                wrong.append(f"{url}: {phrase!r} in {', '.join(outside) or 'nothing'}")
    assert not wrong, "Dutch content outside lang=nl on English pages:\n" + "\n".join(wrong)


def test_dutch_pages_need_no_extra_lang_attributes(client, content):
    html = page(client, content["case"].get_absolute_url(), "nl")
    assert '<html lang="nl"' in html
    assert 'lang="nl"' not in html.split("<html", 1)[1].split(">", 1)[1]


def test_the_empty_choice_of_a_filter_stays_english(client, content):
    html = page(client, "/casussen/", "en")
    assert '<option value="" selected>All themes</option>' in html


def test_names_in_a_visual_table_are_marked_dutch_on_english_pages():
    assert named("Buurtkamer", "/casussen/buurtkamer/") == Link("Buurtkamer", "/casussen/buurtkamer/")
    assert named("Buurtkamer") == Content("Buurtkamer")
    with translation.override("en"):
        assert visual_cell(Content("Wij & zij")) == '<span lang="nl">Wij &amp; zij</span>'
        assert visual_cell([Content("Eén"), 2]) == '<span lang="nl">Eén</span>, 2'
        assert visual_cell(Content("")) == ""
    with translation.override("nl"):
        assert visual_cell(Content("Wij & zij")) == "Wij &amp; zij"


def test_a_caption_marks_the_names_in_it_and_escapes_them():
    with translation.override("en"):
        text, html = with_names("History of %(term)s", term="Wij & <zij>")
        assert text == "History of Wij & <zij>"
        assert html == 'History of <span lang="nl">Wij &amp; &lt;zij&gt;</span>'
    with translation.override("nl"):
        assert with_names("Geschiedenis van %(term)s", term="Wij") == ("Geschiedenis van Wij", "")
