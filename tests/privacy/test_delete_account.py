"""Account deletion: personal data goes, contributions are deleted or anonymised, no trace remains."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from cases.models import Case, CaseImage, CasePendingChange, CaseRevision, Reflection
from cop.models import Profile, User
from factors.models import Factor
from meetings.models import Contribution, Registration, Vote
from tests.bench.conftest import caching_on  # noqa: F401 (the fixture)
from tests.conftest import PASSWORD
from tests.privacy.conftest import EMAIL, NAME, crawl, read_export, signed_in, traces
from tests.security.helpers import log_in

pytestmark = pytest.mark.django_db

START = [
    "/",
    "/casussen/",
    "/wat-werkt/",
    "/bijeenkomsten/",
    "/begrippen/",
    "/api/",
    "/open-data/",
    "/feeds/casussen/",
    "/feeds/factoren/",
    "/feeds/oogsten/",
    "/sitemap.xml",
]


def delete(client, content, password=PASSWORD):
    return client.post(reverse("profile-delete"), {"content": content, "password": password})


def test_the_deletion_page_explains_and_offers_the_choice(client, olga):
    client.force_login(olga)
    html = client.get(reverse("profile-delete")).content.decode()
    assert "Account verwijderen" in html
    assert "Anonimiseer mijn bijdragen" in html and "Verwijder mijn bijdragen" in html
    assert 'type="password"' in html
    assert reverse("profile-export") in html
    profile = client.get(reverse("profile")).content.decode()
    assert reverse("profile-delete") in profile and reverse("profile-export") in profile


def test_a_visitor_is_sent_to_log_in(client):
    response = client.post(reverse("profile-delete"), {"content": "delete", "password": "x"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"content": "delete", "password": "niet-mijn-wachtwoord"}, "Dit wachtwoord klopt niet."),
        ({"password": PASSWORD}, "Dit veld is vereist."),
        ({"content": "alles", "password": PASSWORD}, "Selecteer een geldige keuze"),
    ],
    ids=["wrong-password", "no-choice", "unknown-choice"],
)
def test_nothing_is_deleted_without_the_password_and_a_choice(client, olga, data, message):
    client.force_login(olga)
    response = client.post(reverse("profile-delete"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.filter(pk=olga.pk).exists()
    assert Case.objects.get(title="Buurtkamer De Linde").owner == olga


def test_guessing_the_password_on_the_deletion_form_is_rate_limited(client, olga):
    client.force_login(olga)
    statuses = [delete(client, "delete", "fout").status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]
    assert User.objects.filter(pk=olga.pk).exists()


def test_anonymising_keeps_the_knowledge_without_the_person(olga, participant, django_capture_on_commit_callbacks):
    here, elsewhere = Client(), Client()
    log_in(here, EMAIL)
    log_in(elsewhere, EMAIL)
    avatar = Profile.objects.get(user=olga).avatar.name
    assert default_storage.exists(avatar)

    with django_capture_on_commit_callbacks(execute=True):
        response = delete(here, "anonymise")
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert "Je account is verwijderd" in here.get(response.url).content.decode()

    assert not User.objects.filter(email=EMAIL).exists()
    assert not EmailAddress.objects.filter(email=EMAIL).exists()
    assert not Profile.objects.filter(display_name=NAME).exists()
    assert not default_storage.exists(avatar)
    assert not Registration.objects.exists()
    assert not Session.objects.filter(
        session_key__in=[here.cookies["sessionid"].value, elsewhere.cookies["sessionid"].value]
    ).exists()
    assert elsewhere.get(reverse("profile")).status_code == 302

    case = Case.objects.get(title="Buurtkamer De Linde")
    assert case.owner is None
    assert (case.contact_name, case.contact_email, case.contact_consent) == ("", "", False)
    assert NAME not in case.story
    assert CaseImage.objects.filter(case=case).exists()
    revision = CaseRevision.objects.get(case=case)
    assert revision.author is None and EMAIL not in str(revision.changes) and NAME not in revision.message
    assert not Case.objects.get(title="Kenniskwartier Arnhem").co_editors.exists()

    reflection = Reflection.objects.get(strikes="Studenten als buren.")
    assert reflection.author is None
    contribution = Contribution.objects.get(text="Koffie met de buurt")
    assert contribution.author is None and contribution.guest_key.startswith("anon-")
    vote = Vote.objects.get()
    assert vote.voter is None and vote.guest_key == contribution.guest_key  # one anonymous person per meeting
    assert Contribution.objects.get(text="Een bijdrage van een gast").guest_key == "gast-1"
    assert Factor.objects.get(name="Aansluiten bij wat leeft").proposed_by is None


def test_deleting_removes_the_contributions_and_the_files_of_own_cases(
    olga, coeditor, django_capture_on_commit_callbacks
):
    photo = CaseImage.objects.get().image.name
    assert default_storage.exists(photo)

    with django_capture_on_commit_callbacks(execute=True):
        assert delete(signed_in(olga), "delete").status_code == 302

    assert not User.objects.filter(email=EMAIL).exists()
    assert not Case.objects.filter(title="Buurtkamer De Linde").exists()
    assert not default_storage.exists(photo)
    assert not Reflection.objects.filter(strikes="Studenten als buren.").exists()
    assert not Contribution.objects.filter(text="Koffie met de buurt").exists()
    assert not Vote.objects.exists()
    other = Case.objects.get(title="Kenniskwartier Arnhem")
    assert other.owner == coeditor and not other.co_editors.exists()
    assert Contribution.objects.filter(guest_key="gast-1").exists()  # other people's input stays


@pytest.mark.parametrize("content", ["anonymise", "delete"])
def test_after_deletion_no_page_feed_api_or_export_shows_the_name_or_address(
    olga, participant, facilitator, content, django_capture_on_commit_callbacks
):
    # The crawler sees the member while she exists (so this test can fail)...
    assert traces(crawl(Client(), ["/casussen/buurtkamer-de-linde/", "/api/cases/buurtkamer-de-linde/"], limit=2))

    with django_capture_on_commit_callbacks(execute=True):
        assert delete(signed_in(olga), content).status_code == 302

    # ...and nowhere afterwards: every page, feed, API document, open-data file and sitemap
    # reachable from the portal, as a visitor and (for the anonymised case) as a facilitator.
    viewers = {"bezoeker": Client()}
    if content == "anonymise":
        viewers["begeleider"] = signed_in(facilitator)
    for label, viewer in viewers.items():
        pages = crawl(viewer, START)
        assert len(pages) > 40
        assert traces(pages) == [], f"{label} still sees {NAME} or {EMAIL}"
    search = Client().get(reverse("search"), {"q": "Buurtkamer Koffie Studenten"}).content.decode()
    assert NAME not in search and EMAIL not in search
    data, overview, _files = read_export(signed_in(participant).get(reverse("profile-export")))
    for export in (json.dumps(data, ensure_ascii=False), overview):
        assert NAME not in export and EMAIL not in export


def test_the_photo_credit_of_an_own_case_is_anonymised(client, olga, django_capture_on_commit_callbacks):
    image = CaseImage.objects.get(case__title="Buurtkamer De Linde")
    image.credit = NAME
    image.caption = f"{NAME} opent de buurtkamer"
    image.save()
    case_url = image.case.get_absolute_url()
    assert f"Beeld: {NAME}" in client.get(case_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert delete(signed_in(olga), "anonymise").status_code == 302

    image.refresh_from_db()
    assert image.credit == "" and NAME not in image.caption
    html = client.get(case_url).content.decode()
    assert "Beeld:" not in html and NAME not in html


@pytest.mark.usefixtures("caching_on")
def test_kept_pages_lose_the_name_at_once_after_anonymising(olga, django_capture_on_commit_callbacks):
    visitor = Client()
    reflected = Case.objects.get(title="Kenniskwartier Arnhem").get_absolute_url()
    first = visitor.get(reflected)
    assert NAME in first.content.decode()  # under her reflection, her name is public
    assert visitor.get(reflected)["ETag"] == first["ETag"]  # kept

    with django_capture_on_commit_callbacks(execute=True):
        assert delete(signed_in(olga), "anonymise").status_code == 302

    again = visitor.get(reflected, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert NAME not in again.content.decode()
    assert "Studenten als buren." in again.content.decode()  # the reflection stays, anonymously


def test_edits_that_wait_for_review_do_not_keep_the_member(olga, coeditor):
    """Issue 14's pending changes hold typed form data: the member's own go, others' on their cases are scrubbed."""
    own = Case.objects.get(title="Buurtkamer De Linde")
    other = Case.objects.get(title="Kenniskwartier Arnhem")
    CasePendingChange.objects.create(case=other, author=olga, data={"story": [f"<p>{NAME} schreef dit.</p>"]})
    CasePendingChange.objects.create(case=own, author=coeditor, data={"contact_email": [EMAIL]})

    assert delete(signed_in(olga), "anonymise").status_code == 302

    assert not CasePendingChange.objects.filter(case=other).exists()
    assert EMAIL not in str(CasePendingChange.objects.get(case=own).data)


def test_the_deletion_page_counts_in_real_plurals(client, olga):
    from tests.conftest import make_case

    make_case(olga, title="Eén casus")
    client.force_login(olga)
    html = " ".join(client.get(reverse("profile-delete")).content.decode().split())
    # Olga's own case, reflection, contribution and dot, plus the one made here.
    assert "Je hebt 2 casussen als eigenaar, 1 reflectie, 1 bijdrage in bijeenkomsten en 1 stip geplaatst." in html
    assert "(sen)" not in html and "(n)" not in html and "(pen)" not in html and "(s)" not in html
