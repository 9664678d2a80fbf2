"""REFI-QDA export (portal.qda): a meeting or the CoP as .qdpx, the codebook as .qdc.

The files are checked three ways: against the REFI-QDA schemas (tests/portal/refi_qda/),
with an independent reader (qdpxlib, which reads a .qdpx as MAXQDA writes it), and by
reading the package ourselves for what must (the room's notes coded by factor) and must
not be in it (hidden notes, names without consent, e-mail addresses).
"""

import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from qdpxlib import QDPXFile

from cases.models import CaseFactor
from cop.models import Municipality, Perspective
from factors.models import Cluster
from tests.conftest import make_case, make_factor, make_meeting, make_user
from tests.portal.conftest import _round, contribute

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "refi_qda"
P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture
def room(db, owner, participant, facilitator):
    now = timezone.now()
    cluster = Cluster.objects.create(name="Eigenaarschap en continuïteit", order=1)
    working = make_factor("Aansluiten bij wat leeft", cluster=cluster, accepted_at=now)
    obstacle = make_factor("Versnipperde budgetten", kind="obstacle", accepted_at=now)
    proposed = make_factor("Nieuwe factor uit de zaal", status="proposed", cluster=cluster)
    unused = make_factor("Niet genoemd in deze zaal", accepted_at=now)
    consenting = make_user("zeger@example.org", name="Zichtbare Zeger", public=True, perspective=Perspective.HOUSING)
    arnhem = Municipality.objects.create(name="Arnhem")
    case = make_case(
        owner,
        title="Kenniskwartier Arnhem",
        municipality=arnhem,
        perspective=Perspective.EDUCATION,
        story="<p>Studenten werken samen met bewoners.</p><p>Café-gesprekken één keer per week.</p>",
        contact_email="contact@example.org",
    )
    CaseFactor.objects.create(case=case, factor=working, explanation="Studenten vroegen wat er speelt.")
    draft = make_case(owner, title="Concept dat niet mee mag", status="draft")
    meeting = make_meeting(title="Bijeenkomst over eigenaarschap", days=-3, status="published", published_at=now)
    meeting.presented_cases.add(case, draft)
    round_ = _round(meeting, order=1)
    posts = [
        contribute(round_, "Luisteren naar bewoners, vóór het plan", factor=working, author=consenting),
        contribute(round_, "Eerst de buurt in met de wijkcoach", factor=working, author=participant),
        contribute(round_, "Potjes met eigen regels en eigen loketten", factor=obstacle),
        contribute(round_, "Iets nieuws dat de zaal zelf bedacht", factor=proposed, perspective=Perspective.WELFARE),
        contribute(round_, "Nog niet ingedeeld, wel een goed punt"),
    ]
    hidden = contribute(round_, "Verborgen opmerking over een persoon", factor=working, hidden=True)
    closed = make_meeting(title="Nog niet gepubliceerd", days=-1, status="closed")
    contribute(_round(closed), "Uit een gesloten bijeenkomst", factor=working)
    return SimpleNamespace(**locals())


class Reader(QDPXFile):
    """qdpxlib as it reads a project, without its last step.

    That step splits every coded text into sentences for training models, and loses a
    text with no sentence end at all (most notes on a wall); the codings before it are
    what the file says.
    """

    def _split_codings_by_sentence(self, min_sentence_length=10):
        pass


def export(client_of, user, room):
    response = client_of(user).get(reverse("meetings:qda-project", args=[room.meeting.slug]))
    assert response.status_code == 200, response.status_code
    assert response["Content-Disposition"] == f'attachment; filename="{room.meeting.slug}.qdpx"'
    return response.content


def unpack(content):
    package = zipfile.ZipFile(io.BytesIO(content))
    project = etree.fromstring(package.read("project.qde"))
    texts = {
        name.removeprefix("sources/").removesuffix(".txt"): package.read(name).decode("utf-8")
        for name in package.namelist()
        if name.startswith("sources/")
    }
    return package, project, texts


def test_the_meeting_project_is_valid_refi_qda(client_of, room):
    package, project, texts = unpack(export(client_of, room.facilitator, room))
    schema("Project.xsd").assertValid(project)
    assert sorted(package.namelist())[0] == "project.qde"
    # Every source's text file is in the package, under the name its plainTextPath gives.
    for source in project.iter(f"{P}TextSource"):
        assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"
        assert source.get("guid") in texts


def test_the_codebook_is_valid_refi_qda(client_of, room):
    response = client_of(room.facilitator).get(reverse("qda-codebook"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="weten-wat-werkt.qdc"'
    codebook = etree.fromstring(response.content)
    schema("Codebook.xsd").assertValid(codebook)
    names = [code.get("name") for code in codebook.iter(f"{C}Code")]
    assert names == [
        "Eigenaarschap en continuïteit",
        "Aansluiten bij wat leeft",
        "Nieuwe factor uit de zaal",
        "Niet genoemd in deze zaal",
        "Versnipperde budgetten",
    ]
    cluster = next(codebook.iter(f"{C}Code"))
    assert cluster.get("isCodable") == "false"
    assert [code.get("name") for code in cluster.findall(f"{C}Code")] == [
        "Aansluiten bij wat leeft",
        "Nieuwe factor uit de zaal",
    ]
    colours = {code.get("name"): code.get("color") for code in codebook.iter(f"{C}Code")}
    assert colours["Aansluiten bij wat leeft"] != colours["Versnipperde budgetten"]


def test_visitors_get_the_codebook_of_accepted_factors_only(client, room):
    response = client.get(reverse("qda-codebook"))
    assert response.status_code == 200
    codebook = etree.fromstring(response.content)
    schema("Codebook.xsd").assertValid(codebook)
    names = {code.get("name") for code in codebook.iter(f"{C}Code")}
    assert "Nieuwe factor uit de zaal" not in names
    assert "Aansluiten bij wat leeft" in names


def test_an_independent_reader_sees_the_room_coded_by_factor(client_of, room, tmp_path):
    path = tmp_path / "bijeenkomst.qdpx"
    path.write_bytes(export(client_of, room.facilitator, room))
    qdpx = Reader(str(path), filter_std=None)

    # Codes: the cluster and the three factors the room and its case were coded with (qdpxlib
    # drops the characters outside ASCII from project.qde before it parses it: "continuteit").
    assert sorted(qdpx.codes.values()) == sorted(
        ["Eigenaarschap en continuteit", *[f.name for f in (room.working, room.obstacle, room.proposed)]]
    )
    # Sources: the five shown contributions and the published case (not the draft, not the hidden note).
    assert len(qdpx.uncoded_intervals) == 6
    # Codings: one per clustered note and one for the case's factor; the unclustered note is uncoded.
    coded = [tuple(labels) for _source, _text, _context, _span, labels in qdpx.codings if labels]
    assert sorted(coded) == sorted(
        [
            ("Aansluiten bij wat leeft",),
            ("Aansluiten bij wat leeft",),
            ("Aansluiten bij wat leeft",),  # the case
            ("Versnipperde budgetten",),
            ("Nieuwe factor uit de zaal",),
        ]
    )


def test_each_note_is_coded_over_its_whole_text_with_its_factor(client_of, room):
    _package, project, texts = unpack(export(client_of, room.facilitator, room))
    codes = {code.get("guid"): code.get("name") for code in project.iter(f"{P}Code")}
    coded = {}
    for source in project.iter(f"{P}TextSource"):
        text = texts[source.get("guid")]
        for selection in source.findall(f"{P}PlainTextSelection"):
            assert (int(selection.get("startPosition")), int(selection.get("endPosition"))) == (0, len(text))
            code = selection.find(f"{P}Coding/{P}CodeRef").get("targetGUID")
            coded.setdefault(text, []).append(codes[code])
    assert coded["Luisteren naar bewoners, vóór het plan"] == ["Aansluiten bij wat leeft"]
    assert coded["Potjes met eigen regels en eigen loketten"] == ["Versnipperde budgetten"]
    assert "Nog niet ingedeeld, wel een goed punt" in texts.values()
    assert "Nog niet ingedeeld, wel een goed punt" not in coded
    case_text = next(text for text in texts.values() if text.startswith("Kenniskwartier Arnhem"))
    assert "Café-gesprekken één keer per week." in case_text
    assert coded[case_text] == ["Aansluiten bij wat leeft"]


def test_perspectives_and_municipalities_are_variables(client_of, room):
    _package, project, texts = unpack(export(client_of, room.facilitator, room))
    names = {v.get("guid"): v.get("name") for v in project.iter(f"{P}Variable")}
    values = {}
    for source in project.iter(f"{P}TextSource"):
        for value in source.findall(f"{P}VariableValue"):
            name = names[value.find(f"{P}VariableRef").get("targetGUID")]
            values.setdefault(texts[source.get("guid")][:20], {})[name] = value[1].text
    assert values["Iets nieuws dat de z"]["Perspectief"] == "welzijn"
    assert values["Luisteren naar bewon"]["Ronde"] == "Wat heeft gewerkt?"
    assert values["Kenniskwartier Arnhe"]["Gemeente"] == "Arnhem"
    assert values["Kenniskwartier Arnhe"]["Perspectief"] == "onderwijs & onderzoek"


def test_hidden_notes_drafts_and_names_without_consent_stay_out(client_of, room):
    content = export(client_of, room.facilitator, room)
    _package, project, texts = unpack(content)
    everything = etree.tostring(project, encoding="unicode") + "".join(texts.values())
    assert "Verborgen opmerking" not in everything
    assert "Concept dat niet mee mag" not in everything
    assert "Uit een gesloten bijeenkomst" not in everything
    for private in ("Pim Deelnemer", "Olga Eigenaar", "@example.org"):
        assert private not in everything
    # The one author who consented is a user, under their public name, and credited for their note.
    users = project.findall(f"{P}Users/{P}User")
    assert [user.get("name") for user in users] == ["Zichtbare Zeger"]
    credited = [s for s in project.iter(f"{P}TextSource") if s.get("creatingUser") == users[0].get("guid")]
    assert [texts[s.get("guid")] for s in credited] == ["Luisteren naar bewoners, vóór het plan"]


def test_guids_are_stable_between_exports(client_of, room):
    def guids(content):
        _package, project, _texts = unpack(content)
        return sorted(element.get("guid") for element in project.iter() if element.get("guid"))

    first = guids(export(client_of, room.facilitator, room))
    contribute(_round(make_meeting(title="Een andere", status="published")), "Elders", factor=room.working)
    assert guids(export(client_of, room.facilitator, room)) == first
    assert len(first) == len(set(first))


def test_the_cop_project_has_the_published_harvests_and_the_whole_codebook(client_of, room):
    response = client_of(room.facilitator).get(reverse("qda-project"))
    assert response.status_code == 200
    _package, project, texts = unpack(response.content)
    schema("Project.xsd").assertValid(project)
    assert "Luisteren naar bewoners, vóór het plan" in texts.values()
    assert "Uit een gesloten bijeenkomst" not in texts.values()  # not published
    assert "Verborgen opmerking over een persoon" not in texts.values()
    assert "Niet genoemd in deze zaal" in {code.get("name") for code in project.iter(f"{P}Code")}
    sets = {s.get("name") for s in project.iter(f"{P}Set")}
    assert "Bijeenkomst: Bijeenkomst over eigenaarschap" in sets


@pytest.mark.parametrize(
    ("role", "meeting", "cop", "codebook"),
    [
        ("visitor", "login", "login", 200),
        ("participant", 403, 403, 200),
        ("facilitator", 200, 200, 200),
    ],
)
def test_who_may_download(client_of, room, role, meeting, cop, codebook):
    client = client_of(getattr(room, role, None))
    for url, expected in (
        (reverse("meetings:qda-project", args=[room.meeting.slug]), meeting),
        (reverse("qda-project"), cop),
        (reverse("qda-codebook"), codebook),
    ):
        response = client.get(url)
        if expected == "login":
            assert response.status_code == 302 and "/login/" in response["Location"], url
        else:
            assert response.status_code == expected, url


def test_an_unknown_meeting_is_404(client_of, room):
    response = client_of(room.facilitator).get(reverse("meetings:qda-project", args=["bestaat-niet"]))
    assert response.status_code == 404


def test_the_console_and_the_harvest_page_link_to_the_exports(client_of, room):
    client = client_of(room.facilitator)
    for page in ("meetings:console", "meetings:harvest-edit"):
        html = client.get(reverse(page, args=[room.meeting.slug])).content.decode()
        assert reverse("meetings:qda-project", args=[room.meeting.slug]) in html
        assert reverse("qda-codebook") in html
        assert "Exporteren voor kwalitatieve analyse" in html


def test_the_exports_take_the_same_queries_however_much_is_in_them(room):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal import qda

    def queries():
        with CaptureQueriesContext(connection) as meeting_queries:
            qda.qdpx(qda.meeting_export(room.meeting, room.facilitator))
        with CaptureQueriesContext(connection) as cop_queries:
            qda.qdpx(qda.cop_export(room.facilitator))
        return len(meeting_queries), len(cop_queries)

    queries()  # the facilitator's role is looked up once, then kept on the user
    before = queries()
    more = _round(room.meeting, order=2)
    for n in range(5):
        author = make_user(f"lid{n}@example.org", public=n % 2 == 0)
        contribute(more, f"Nog een bijdrage {n}", factor=room.obstacle, author=author)
    other = make_case(title="Nog een casus", municipality=room.arnhem)
    CaseFactor.objects.create(case=other, factor=room.unused)
    room.meeting.presented_cases.add(other)
    after = queries()
    assert after == before


def test_characters_xml_cannot_carry_are_dropped_not_fatal(client_of, room):
    contribute(_round(room.meeting, order=3), "Een tab\tblijft, een \x0bverticale tab niet", factor=room.working)
    _package, project, texts = unpack(export(client_of, room.facilitator, room))
    schema("Project.xsd").assertValid(project)
    assert "Een tab\tblijft, een verticale tab niet" in texts.values()


def test_the_project_follows_the_language_of_the_downloader(client_of, room):
    client = client_of(room.facilitator)
    client.get(reverse("set-language", args=["en"]))
    response = client.get(reverse("meetings:qda-project", args=[room.meeting.slug]))
    _package, project, _texts = unpack(response.content)
    assert {v.get("name") for v in project.iter(f"{P}Variable")} >= {"Perspective", "Municipality", "Round"}
