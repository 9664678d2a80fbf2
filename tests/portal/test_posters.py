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


def test_while_a_poster_is_made_again_visitors_get_the_previous_copy_then_the_new_one(
    client, world, settings, monkeypatch
):
    """Only the very first render answers 503: after a change of what the poster shows the previous
    copy is served (not kept in the page cache) and the render queued once; then the new one is served."""
    from cop import cache as content_cache
    from cop import versions

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.PAGE_CACHE_SECONDS = 600
    monkeypatch.setattr(versions, "VERSION_RECHECK_SECONDS", -1)
    queued = []
    monkeypatch.setattr("portal.views.poster_files.enqueue", lambda task, *args: queued.append(args))
    url = reverse("board-poster")
    assert client.get(url).status_code == 503
    assert tasks.render_poster.call("board") == "rendered"
    first = client.get(url)
    assert first.status_code == 200 and "X-Poster" not in first
    before = first.content

    content_cache.bump_content_version("factors")  # the board shows factors: its poster is made again
    queued.clear()
    for _ in range(3):
        meanwhile = client.get(url)
        assert meanwhile.status_code == 200, "the previous copy, never a 503"
        assert meanwhile.content == before and meanwhile["X-Poster"] == "previous"
        assert "no-store" in meanwhile["Cache-Control"]
    assert queued == [("board", "", "nl", tasks.poster_version("board"))], "queued once"

    monkeypatch.setattr(tasks.posters, "build_board_pdf", lambda: b"%PDF-1.7 the new poster")
    assert tasks.render_poster.call("board", "", "nl", tasks.poster_version("board")) == "rendered"
    renewed = client.get(url)
    assert renewed.status_code == 200 and renewed.content == b"%PDF-1.7 the new poster"
    assert "X-Poster" not in renewed


def test_a_change_the_poster_does_not_show_leaves_it_as_it_is(client, world, settings):
    from cop import cache as content_cache

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert tasks.render_poster.call("board") == "rendered"
    version = tasks.poster_version("board")
    content_cache.bump_content_version("reflections")
    content_cache.forget_versions()
    assert tasks.poster_version("board") == version
    assert "X-Poster" not in client.get(reverse("board-poster"))


def test_storing_a_poster_again_replaces_it_in_one_step(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                           "OPTIONS": {"location": str(tmp_path)}}}  # fmt: skip
    tasks._save("posters/board-nl-latest.pdf", b"old")
    tasks._save("posters/board-nl-latest.pdf", b"new")
    assert (tmp_path / "posters" / "board-nl-latest.pdf").read_bytes() == b"new"
    assert [p.name for p in (tmp_path / "posters").iterdir()] == ["board-nl-latest.pdf"]
