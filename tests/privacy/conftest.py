"""A member who has done a bit of everything, and a small crawler to look for traces of them."""

import io
import json
import re
import zipfile
from collections import deque

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from cases.models import CaseImage, CaseRevision, Reflection
from cop.models import Profile, Term, TermVersion
from meetings.models import Contribution, Registration, Round, Vote
from tests.conftest import make_case, make_factor, make_meeting

NAME = "Olga Eigenaar"
EMAIL = "eigenaar@example.org"

# Never followed: state changes by GET (check-in, language), other people's accounts, slow binaries.
SKIP = (
    "/accounts/",
    "/admin/",
    "/i18n/",
    "/taal/",
    "/inchecken/",
    "/static/",
    "/media/",
    ".pdf",
    "/profiel/verwijderen/",
)
LINK = re.compile(r'(?:href|src|action)="(/[^"#?]*)|http://testserver(/[^"\s<>#?\\]*)')


@pytest.fixture
def olga(owner, coeditor, participant, facilitator):
    """``owner`` (Olga, name public) with a case, a co-edited case, a reflection, live input, a vote,
    a registration, proposals, an avatar, and herself as the consenting contact of her case."""
    Profile.objects.filter(user=owner).update(show_name_publicly=True)
    profile = Profile.objects.get(user=owner)
    profile.avatar.save("olga.jpg", ContentFile(b"avatar-bytes"), save=True)

    own_case = make_case(
        owner,
        title="Buurtkamer De Linde",
        contact_name=NAME,
        contact_email=EMAIL,
        contact_consent=True,
        story=f"<p>Opgezet door {NAME} met de buurt.</p>",
    )
    image = CaseImage(case=own_case, alt_text="De buurtkamer")
    image.image.save("linde.jpg", ContentFile(b"photo-bytes"), save=False)
    image.save()
    CaseRevision.objects.create(
        case=own_case, author=owner, message=f"Contact: {NAME} <{EMAIL}>", changes={"contact_email": ["", EMAIL]}
    )

    other_case = make_case(coeditor, title="Kenniskwartier Arnhem")
    other_case.co_editors.add(owner)
    Reflection.objects.create(
        case=other_case, author=owner, perspective="welzijn", strikes="Studenten als buren.", learns="Tijd nemen."
    )
    Reflection.objects.create(case=own_case, author=participant, perspective="inwoners", strikes="Mooie plek.")

    factor = make_factor("Aansluiten bij wat leeft", proposed_by=owner)
    meeting = make_meeting(
        title="Werkzame factoren in Lingewaard", days=-3, status="published", published_at=timezone.now()
    )
    meeting.facilitators.add(facilitator)
    live = Round.objects.create(meeting=meeting, prompt="Wat heeft gewerkt?", kind="working", status="closed")
    Contribution.objects.create(
        round=live, meeting=meeting, text="Koffie met de buurt", perspective="welzijn", author=owner, factor=factor
    )
    Contribution.objects.create(
        round=live,
        meeting=meeting,
        text="Een bijdrage van een gast",
        perspective="overig",
        guest_key="gast-1",
        factor=factor,
    )
    votes = Round.objects.create(meeting=meeting, prompt="Stippen", mode="vote", status="closed")
    Vote.objects.create(round=votes, factor=factor, voter=owner)
    Registration.objects.create(meeting=meeting, user=owner)
    term = Term.objects.create(name="Gebiedsgericht werken")
    TermVersion.objects.create(term=term, definition="<p>Samen aan een gebied werken.</p>", proposed_by=owner).accept(
        by=facilitator
    )
    return owner


def crawl(client, start, limit=250):
    """Every page reachable from ``start`` by GET within the site: ``{path: text}``."""
    seen, pages, queue = set(start), {}, deque(start)
    while queue and len(pages) < limit:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200:
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        pages[path] = text
        for match in LINK.finditer(text):
            link = match.group(1) or match.group(2)
            if link and link not in seen and not any(part in link for part in SKIP):
                seen.add(link)
                queue.append(link)
    return pages


def traces(pages):
    """The pages that show the name or the e-mail address."""
    return sorted(path for path, text in pages.items() if NAME.lower() in text.lower() or EMAIL in text.lower())


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def read_export(response):
    """The member's ZIP: ``(gegevens.json as a dict, overzicht.html as text, {path: bytes} of the rest)``."""
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(files.pop("gegevens.json"))
    overview = files.pop("overzicht.html").decode()
    return data, overview, files
