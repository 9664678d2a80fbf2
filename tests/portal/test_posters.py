"""A3 posters (WeasyPrint): a meeting's harvest and the Wat werkt board, public content only.

Each PDF takes about a second, so the tests make few of them and check several things on each.
"""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from cases.models import CaseFactor
from cop.models import TermVersion
from portal import tasks
from tests.conftest import make_case, make_factor
from tests.portal.conftest import _round, assert_no_leaks, contribute, vote

pytestmark = pytest.mark.django_db

A3 = (841.9, 1190.6)  # points


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width, 1), round(height, 1)) == A3
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_meeting_poster_is_an_a3_pdf_with_title_top_factor_digest_and_link_back(client, world, settings):
    settings.SITE_URL = "https://wetenwatwerkt.example"
    response = client.get(reverse("meetings:poster", args=[world.harvested.slug]))
    reader, text = pdf_text(response)

    assert world.harvested.title in text
    assert re.search(rf"Meeste stippen \(\d+\): {re.escape(world.working.name)}", text)
    assert world.obstacle.name in text
    assert "Samen met inwoners werken aan een kern." in text  # the definition agreed
    assert "Hoe houden we het vol?" in text  # the open questions
    assert world.case.title in text  # the case discussed
    digest = f"https://wetenwatwerkt.example{reverse('meetings:digest', args=[world.harvested.slug])}"
    assert digest in text
    assert "CC BY 4.0" in text
    assert reader.metadata.title.startswith("Poster: ")
    # Links in the PDF point back to the portal.
    links = [
        annotation.get_object()["/A"]["/URI"]
        for annotation in reader.pages[0].get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert f"https://wetenwatwerkt.example{world.working.get_absolute_url()}" in links
    assert_no_leaks(text)
    assert "zoom.example.org" not in text


def test_board_poster_has_the_definition_the_strongest_factors_and_cases(client, world):
    CaseFactor.objects.create(case=make_case(title="Nog een openbare casus"), factor=world.obstacle)
    reader, text = pdf_text(client.get(reverse("board-poster")))

    assert "Wat werkt in gebiedsgericht werken" in text
    assert "Samen met inwoners werken aan een kern." in text
    assert world.working.name in text and world.working.statement in text
    assert world.obstacle.name in text
    assert "Nog een openbare casus" in text
    assert "CC BY 4.0" in text
    assert len(reader.pages) == 1
    assert_no_leaks(text)


def test_a_poster_is_only_made_of_a_published_public_harvest(client_of, world, facilitator, participant):
    for user in (None, participant, facilitator):
        client = client_of(user)
        for meeting in (world.closed, world.private_meeting, world.upcoming):
            assert client.get(reverse("meetings:poster", args=[meeting.slug])).status_code == 404, (user, meeting)
    assert client_of(None).get(reverse("meetings:poster", args=["bestaat-niet"])).status_code == 404


def test_posters_are_linked_from_the_meeting_page_and_the_board(client, world):
    assert (
        reverse("meetings:poster", args=[world.harvested.slug])
        in client.get(world.harvested.get_absolute_url()).content.decode()
    )
    assert reverse("board-poster") in client.get(reverse("factors:board")).content.decode()


def test_the_poster_fetches_nothing_from_the_network(world, rf, monkeypatch):
    """Only data: URLs may be fetched (the QR code); anything else in the HTML is refused."""
    from weasyprint import URLFetcher

    from portal.views import posters

    attempts = {}
    original = URLFetcher.fetch

    def spy(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except Exception:
            attempts[url] = "refused"
            raise
        attempts[url] = "fetched"
        return response

    monkeypatch.setattr(URLFetcher, "fetch", spy)
    html = '<img src="http://127.0.0.1:9/secret.png" alt=""><img src="file:///etc/hostname" alt="">'
    monkeypatch.setattr(posters, "render_to_string", lambda *args, **kwargs: html)
    pdf = posters.render_pdf(rf.get("/"), "posters/board.html", {})
    assert pdf.startswith(b"%PDF")
    assert attempts == {"http://127.0.0.1:9/secret.png": "refused", "file:///etc/hostname": "refused"}


LONG_NAMES = [
    "Investeren in onderlinge relaties tussen bewoners, professionals en gemeente",
    "Continuïteit borgen: meer dan één projectperiode financieren en bemensen",
]


def whole(name, text):
    """``name`` appears whole in the PDF's text (pypdf may break a line anywhere between words)."""
    return " ".join(name.split()) in text or "".join(name.split()) in "".join(text.split())


def test_the_meeting_poster_prints_every_name_whole_the_room_s_words_and_no_link_texts(client, world):
    round_ = _round(world.harvested, prompt="Wat hielp nog meer?")
    for i, name in enumerate(LONG_NAMES):
        factor = make_factor(name, kind="obstacle" if i else "working")
        contribute(round_, f"Een lange bijdrage over {name.lower()}", factor=factor)
        vote(_round(world.harvested, mode="vote", prompt=f"Stippen {i}"), factor, 4)
    version = TermVersion.objects.create(term=world.term, definition="<p>Een nieuwere omschrijving.</p>")
    version.accept(by=None)
    world.harvested.agreed_term_versions.add(version)

    _reader, text = pdf_text(client.get(reverse("meetings:poster", args=[world.harvested.slug])))

    for name in [*LONG_NAMES, world.working.name, world.obstacle.name]:
        assert whole(name, text), name
    assert "…" not in text
    # What the room said, anonymously, and what was agreed — as print, not as links.
    assert "Uit de zaal" in text and "Luisteren naar bewoners" in text and "een deelnemer vanuit" in text
    assert "Geheim verborgen bijdrage" not in text
    assert "Wat we vaststelden" in text and "Een nieuwere omschrijving." in text
    assert "Vergelijk met de vorige versie" not in text and "Zo is deze omschrijving gegroeid" not in text


def test_the_board_poster_prints_each_strongest_factor_once_with_its_level(client, world):
    for i, name in enumerate(LONG_NAMES):
        factor = make_factor(name, statement=f"Wat factor {i} zegt, in één zin.")
        CaseFactor.objects.create(case=make_case(title=f"Lange casus {i}"), factor=factor)
    _reader, text = pdf_text(client.get(reverse("board-poster")))
    for name in LONG_NAMES:
        assert whole(name, text), name
        # Once: the list is the picture (no chart repeating the same names).
        assert "".join(text.split()).count("".join(name.split())) == 1, name
    assert "niveau" in text and "van 3" in text  # the scale beside every label
    assert "Hoe sterk is de onderbouwing?" in text
    assert "sterkte" not in text


def test_the_poster_is_made_by_a_task_and_served_from_storage(client, world, settings):
    """No PDF is drawn in the request: the task stores it, the request serves the stored file; while none
    exists yet (the worker is busy), the answer is a short "being made" page that asks to retry."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    response = client.get(reverse("board-poster"))
    assert response.status_code == 503 and response["Retry-After"] == "20"
    assert "De poster wordt gemaakt" in response.content.decode()
    assert tasks.render_poster.call("board") == "rendered"
    assert default_storage.exists(tasks.poster_name("board", "", "nl"))
    _reader, text = pdf_text(client.get(reverse("board-poster")))
    assert "Wat werkt" in text
