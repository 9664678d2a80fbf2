"""Invalidation by what changed: each change raises its kinds, and the kept pages that show them are renewed."""

import threading
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import CaseFactor, Reflection
from cop import singleflight
from cop.versions import KINDS, content_versions, kinds_of_page
from privacy.accounts import ContentChoice, delete_member
from tests.conftest import make_case, make_factor, make_meeting, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("caching_on")]


def raised_by(change):
    """The kinds whose version ``change()`` raised."""
    before = content_versions()
    change()
    after = content_versions()
    return {kind for kind in KINDS if after[kind] != before[kind]}


# --- writes that change no public content ---------------------------------------------------


def test_writes_that_change_no_public_content_raise_nothing(client_of, owner):
    client = client_of(owner)
    profile = owner.profile
    unchanged_profile = {
        "display_name": profile.display_name,
        "perspective": profile.perspective,
        "bio": "Iets over mij.",
    }
    draft = make_case(owner, title="Mijn concept", status="draft")
    posts = [
        (reverse("profile"), unchanged_profile),  # a profile save that changes nothing public
        (reverse("factors:propose"), {"name": ""}),  # a form that fails validation
        (reverse("about"), {}),  # a POST to a page that only reads
        (reverse("search"), {"q": "buurt"}),
    ]
    for url, data in posts:
        assert raised_by(lambda url=url, data=data: client.post(url, data)) == set(), url
    # Editing a draft: it shows nowhere public.
    draft.summary = "Een andere samenvatting."
    assert raised_by(draft.save) == set()


def test_a_registration_renews_only_the_seats_of_the_meeting(client_of, participant):
    meeting = make_meeting(capacity=10)
    kinds = raised_by(lambda: client_of(participant).post(reverse("meetings:register", args=[meeting.slug])))
    assert kinds == {"seats"}
    assert "seats" in kinds_of_page("meetings:detail")
    assert "seats" not in kinds_of_page("home") and "seats" not in kinds_of_page("factors:board")


# --- each change raises exactly its kinds ---------------------------------------------------


def test_each_change_raises_the_kinds_that_show_it(owner, participant, facilitator):
    case = make_case(owner, status="submitted")
    assert raised_by(lambda: case.publish(by=facilitator)) == {"cases", "factors"}
    reflection = [None]

    def reflect():
        reflection[0] = Reflection.objects.create(case=case, author=participant, perspective="gemeente", strikes="x")

    assert raised_by(reflect) == {"reflections"}
    assert raised_by(lambda: reflection[0].hide(by=facilitator, reason="Off-topic")) == {"reflections"}
    factor = make_factor("Eerst luisteren")
    assert raised_by(lambda: factor.rename("Eerst goed luisteren", by=facilitator)) == {"factors", "cases", "meetings"}
    assert raised_by(lambda: CaseFactor.objects.create(case=case, factor=factor)) == {"cases", "factors"}

    from cop.models import Term

    term = Term.objects.create(name="Gebiedsgericht werken")
    proposal = term.propose_version("<p>Samen werken aan een gebied.</p>", by=facilitator)
    assert raised_by(lambda: proposal.accept(by=facilitator)) == {"glossary"}
    meeting = make_meeting(days=-1, status="closed")
    assert raised_by(meeting.publish) == {"meetings", "factors"}


def test_a_new_reflection_renews_the_case_page_and_not_the_board_or_home(client, owner, participant):
    case = make_case(owner)
    pages = [reverse("factors:board"), reverse("home"), reverse("factor-map"), reverse("glossary")]
    kept = {url: client.get(url)["ETag"] for url in pages}
    client.get(case.get_absolute_url())
    Reflection.objects.create(case=case, author=participant, perspective="gemeente", strikes="Nieuwe reflectie hier")
    assert "Nieuwe reflectie hier" in client.get(case.get_absolute_url()).content.decode()
    for url in pages:
        # Kept: the page comes from the cache without being rendered again (a 304 for the same bytes).
        assert client.get(url, HTTP_IF_NONE_MATCH=kept[url]).status_code == 304, url


# --- every page gets fresh content after the change it shows --------------------------------


def test_every_page_shows_the_change_it_shows_at_once(client, owner, facilitator):
    factor = make_factor("Aansluiten bij wat leeft")
    case = make_case(owner, title="Buurtkamer De Linde")
    CaseFactor.objects.create(case=case, factor=factor)
    meeting = make_meeting(capacity=10)
    board, home, detail, library = (
        reverse("factors:board"),
        reverse("home"),
        factor.get_absolute_url(),
        reverse("cases:library"),
    )
    for url in (board, home, detail, library, case.get_absolute_url(), meeting.get_absolute_url()):
        assert client.get(url).status_code == 200

    factor.rename("Aansluiten bij wat er leeft", by=facilitator)
    factor.refresh_from_db()
    for url in (board, factor.get_absolute_url(), case.get_absolute_url()):
        assert "Aansluiten bij wat er leeft" in client.get(url, follow=True).content.decode(), url

    second = make_case(owner, title="Moestuin Het Veld", status="submitted")
    second.publish(by=facilitator)
    for url in (home, library):
        assert "Moestuin Het Veld" in client.get(url).content.decode(), url

    case.title = "Buurtkamer De Linde en meer"
    case.save()
    assert "Buurtkamer De Linde en meer" in client.get(factor.get_absolute_url(), follow=True).content.decode()

    meeting.register(make_user("nieuw@example.org"))
    assert "1 van 10 bezet" in client.get(meeting.get_absolute_url()).content.decode()


# --- anonymising an account -----------------------------------------------------------------


def test_anonymising_an_account_removes_the_name_from_every_kept_page_at_once(client, owner):
    member = make_user("anna@example.org", name="Anna Zichtbaar", public=True)
    case = make_case(member, title="Speeltuin De Eik")
    Reflection.objects.create(
        case=make_case(owner, title="Buurthuis"), author=member, perspective="gemeente", strikes="x"
    )
    reflected = Reflection.objects.get(author=member).case
    pages = [
        case.get_absolute_url(),
        reflected.get_absolute_url(),
        reverse("api:case-detail", args=[case.slug]),
        reverse("api:case-detail", args=[reflected.slug]),
        reverse("feed-casussen"),
        reverse("feed-casussen-item", args=[reflected.slug]),
    ]
    shown = [url for url in pages if "Anna Zichtbaar" in client.get(url).content.decode()]
    assert shown, "the name shows somewhere before"
    delete_member(member, content=ContentChoice.ANONYMISE)
    for url in pages:
        assert "Anna Zichtbaar" not in client.get(url).content.decode(), url


# --- members' own kept pages ----------------------------------------------------------------


def test_a_member_gets_their_own_kept_page_renewed_by_their_own_writes(client_of, owner, participant):
    case = make_case(owner)
    url = case.get_absolute_url()
    mine, other = client_of(participant), client_of(owner)
    mine.get(url)  # the CSRF cookie is set with the first page
    first = mine.get(url)
    assert "private" in first["Cache-Control"]
    again = mine.get(url)
    assert again.content == first.content
    # Kept gzipped only where nothing of the request shows beside their CSRF token (BREACH).
    assert mine.get(url, HTTP_ACCEPT_ENCODING="gzip").get("Content-Encoding") == "gzip"
    search = reverse("search") + "?q=buurt"
    for _ in range(3):
        found = mine.get(search, HTTP_ACCEPT_ENCODING="gzip")
    assert "private" in found["Cache-Control"] and found.get("Content-Encoding") != "gzip"
    # Another member never gets this member's copy (it holds their CSRF token and name).
    other.get(url)
    assert other.get(url).content != first.content
    # Their own write renews their pages, also one that raises no content version
    # (a proposed factor shows only to them and the facilitators).
    board = reverse("factors:board")
    mine.get(board)
    assert "Jouw voorstellen" not in mine.get(board).content.decode()
    proposal = {"name": "Mijn eigen voorstel", "kind": "working", "statement": "Een zin die het zegt."}
    assert raised_by(lambda: mine.post(reverse("factors:propose"), proposal)) == set()
    page = mine.get(board).content.decode()
    assert "Jouw voorstellen" in page and "Mijn eigen voorstel" in page


# --- single flight --------------------------------------------------------------------------


def test_on_a_miss_one_builds_and_the_others_wait_for_its_result(monkeypatch):
    monkeypatch.setattr(singleflight, "WAIT_SECONDS", 2.0)
    key = "cop:data:test:single-flight"
    store = caches["pages"]
    assert store.add(f"{key}:lock", 1, 30)  # another process is building it

    def other_process_finishes():
        time.sleep(0.2)
        store.set(key, "built elsewhere", 60)

    threading.Thread(target=other_process_finishes).start()
    built = []
    assert singleflight.single_flight(key, lambda: built.append(1) or "built here", 60) == "built elsewhere"
    assert built == []


def test_a_stale_page_is_served_while_one_request_renews_it(
    client, owner, settings, monkeypatch, django_assert_num_queries
):
    url = make_case(owner).get_absolute_url()
    first = client.get(url)
    # Later: the kept page is past PAGE_CACHE_SECONDS, and another request holds the lock to renew it.
    settings.PAGE_CACHE_SECONDS = 1
    time.sleep(1.1)
    store = caches["pages"]
    real_add = store.add
    monkeypatch.setattr(store, "add", lambda key, *a, **k: False if key.endswith(":lock") else real_add(key, *a, **k))
    with django_assert_num_queries(1):  # the content versions: the old page, not rendered again
        stale = client.get(url)
    assert stale.content == first.content
    # Without another renewing it, this request renders it again (and keeps it).
    monkeypatch.setattr(store, "add", real_add)
    with CaptureQueriesContext(connection) as renewed:
        assert client.get(url).status_code == 200
    assert len(renewed) > 1
    with django_assert_num_queries(1):
        assert client.get(url).content == first.content
