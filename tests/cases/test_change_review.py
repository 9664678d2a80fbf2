"""Issue 14: an edit of a published case waits for a facilitator; visibility never widens without one."""

import pytest
from django.urls import reverse

from cases.models import Case, CaseFactor, CaseLink, CasePendingChange
from tests.cases.conftest import case_data, read_form, rows, upload
from tests.conftest import make_case, make_factor

pytestmark = pytest.mark.django_db

WAITING = "Je wijziging is opgeslagen en wacht op een begeleider. Tot die tijd staat de vorige versie online."
FEED = "feed-casussen-atom"


@pytest.fixture
def community(owner, coeditor):
    """A published case for members only, of the owner, with a co-editor."""
    case = make_case(owner, title="Buurtkamer De Linde", visibility="community")
    case.co_editors.add(coeditor)
    return case


def edit_data(case, **fields):
    """The edit form of ``case`` as the browser sends it back, with ``fields`` changed."""
    current = {"title": case.title, "summary": case.summary, "story": case.story, "visibility": case.visibility}
    return case_data(**(current | fields))


def save_edit(client, case, **fields):
    return client.post(reverse("cases:edit", args=[case.slug]), edit_data(case, **fields))


def approve(client, case):
    return client.post(reverse("cases:change-approve", args=[case.slug]))


def test_switching_a_community_case_to_public_waits_for_a_facilitator(client_of, client, owner, facilitator, community):
    url = community.get_absolute_url()
    assert client.get(url).status_code == 404

    response = save_edit(client_of(owner), community, visibility="public")

    assert response.status_code == 302 and response["Location"] == url
    community.refresh_from_db()
    assert community.visibility == "community"
    assert client.get(url).status_code == 404  # the penetration test's finding: no longer 404 → 200
    assert community.title not in client.get(reverse(FEED)).content.decode()

    assert approve(client_of(facilitator), community).status_code == 302

    community.refresh_from_db()
    assert community.visibility == "public"
    assert client.get(url).status_code == 200
    assert community.title in client.get(reverse(FEED)).content.decode()


def test_the_editor_is_told_the_change_waits_and_the_published_story_stays(client_of, client, owner, community):
    community.visibility = "public"
    community.save()

    response = client_of(owner).post(
        reverse("cases:edit", args=[community.slug]),
        edit_data(community, title="Nieuwe titel", story="<p>Een nieuw verhaal dat nog niet online mag.</p>"),
        follow=True,
    )

    assert WAITING in response.content.decode()
    page = client.get(community.get_absolute_url()).content.decode()
    assert "Het verhaal van de casus." in page
    assert "nog niet online mag" not in page and "Nieuwe titel" not in page
    feed = client.get(reverse(FEED)).content.decode()
    assert "Buurtkamer De Linde" in feed and "Nieuwe titel" not in feed
    change = CasePendingChange.objects.get(case=community)
    assert change.is_open and change.author == owner
    assert community.revisions.filter(action="propose_change").exists()


def test_the_edit_form_shows_the_change_that_waits(client_of, owner, coeditor, community):
    save_edit(client_of(owner), community, summary="Een nieuwe samenvatting die wacht.")

    values = read_form(client_of(coeditor).get(reverse("cases:edit", args=[community.slug])).content.decode())

    assert values["summary"] == "Een nieuwe samenvatting die wacht."
    community.refresh_from_db()
    assert community.summary != "Een nieuwe samenvatting die wacht."


def test_a_new_save_replaces_the_change_that_waits(client_of, owner, coeditor, community):
    save_edit(client_of(owner), community, title="Eerste voorstel")
    save_edit(client_of(coeditor), community, title="Tweede voorstel")

    assert CasePendingChange.objects.open().filter(case=community).count() == 1
    assert CasePendingChange.objects.open().get(case=community).data["title"] == ["Tweede voorstel"]
    assert CasePendingChange.objects.filter(case=community, status="replaced").count() == 1


def test_the_facilitator_compares_and_approves_and_the_change_appears(client_of, client, owner, facilitator):
    case = make_case(owner)
    factor = make_factor("Korte lijnen")
    save_edit(
        client_of(owner),
        case,
        title="Buurtkamer De Linde, vernieuwd",
        story="<p>Het nieuwe verhaal van de buurtkamer.</p>",
        **rows("factors", [{"factor": factor.pk, "explanation": "De wijkagent kwam elke week."}]),
        **rows("links", [{"title": "Verslag", "url": "https://example.org/verslag"}]),
    )
    assert not CaseFactor.objects.filter(case=case).exists()

    queue = client_of(facilitator).get(reverse("cases:review-queue")).content.decode()
    assert reverse("cases:change-review", args=[case.slug]) in queue
    page = client_of(facilitator).get(reverse("cases:change-review", args=[case.slug])).content.decode()
    assert "Buurtkamer De Linde, vernieuwd" in page  # title: old → new
    assert "Het nieuwe verhaal van de buurtkamer." in page and "Het verhaal van de casus." in page
    assert "Korte lijnen: De wijkagent kwam elke week." in page
    assert "Verslag &lt;https://example.org/verslag&gt;" in page

    response = approve(client_of(facilitator), case)

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Buurtkamer De Linde, vernieuwd"
    assert CaseFactor.objects.get(case=case).explanation == "De wijkagent kwam elke week."
    assert CaseLink.objects.get(case=case).url == "https://example.org/verslag"
    assert "Het nieuwe verhaal van de buurtkamer." in client.get(case.get_absolute_url()).content.decode()
    assert "Buurtkamer De Linde, vernieuwd" in client.get(reverse(FEED)).content.decode()
    change = CasePendingChange.objects.get(case=case)
    assert change.status == "approved" and change.decided_by == facilitator
    revision = case.revisions.get(action="publish_change")
    assert revision.author == facilitator and "title" in revision.changes and "factors" in revision.changes


def test_approving_bumps_the_content_version(client_of, owner, facilitator, community):
    from cop.cache import content_version

    save_edit(client_of(owner), community, title="Andere titel")
    version = content_version()
    approve(client_of(facilitator), community)
    assert content_version() != version


def test_rejecting_keeps_the_published_case_and_the_editor_reads_why(client_of, client, owner, facilitator, community):
    save_edit(client_of(owner), community, visibility="public", title="Afgewezen titel")

    response = client_of(facilitator).post(
        reverse("cases:change-reject", args=[community.slug]), {"message": "Vraag eerst toestemming aan de bewoners."}
    )

    assert response.status_code == 302
    community.refresh_from_db()
    assert community.title == "Buurtkamer De Linde" and community.visibility == "community"
    assert client.get(community.get_absolute_url()).status_code == 404
    assert CasePendingChange.objects.get(case=community).status == "rejected"
    page = client_of(owner).get(community.get_absolute_url()).content.decode()
    assert "Vraag eerst toestemming aan de bewoners." in page
    assert community.revisions.filter(action="reject_change").exists()
    # Nothing waits any more: the edit form shows the published case again.
    values = read_form(client_of(owner).get(reverse("cases:edit", args=[community.slug])).content.decode())
    assert values["title"] == "Buurtkamer De Linde"


def test_rejecting_needs_a_message(client_of, owner, facilitator, community):
    save_edit(client_of(owner), community, title="Andere titel")

    response = client_of(facilitator).post(reverse("cases:change-reject", args=[community.slug]), {"message": " "})

    assert response.status_code == 200
    assert "Schrijf erbij waarom je de wijziging afwijst." in response.content.decode()
    assert CasePendingChange.objects.get(case=community).is_open


def test_invalid_input_on_a_published_case_saves_nothing(client_of, owner, community):
    response = save_edit(client_of(owner), community, title="", story="<p></p>")

    assert response.status_code == 200
    assert "Vertel het verhaal van de casus: dit veld is nog leeg." in response.content.decode()
    assert not CasePendingChange.objects.exists()
    assert not community.revisions.exists()


def test_a_new_photo_cannot_slip_past_review(client_of, owner, community):
    data = edit_data(community, title="Met foto", **rows("images", [{"alt_text": "Bewoners"}]))
    data["images-0-image"] = upload()

    response = client_of(owner).post(reverse("cases:edit", args=[community.slug]), data)

    assert response.status_code == 200
    assert "Een nieuwe foto kan niet mee in een wijziging" in response.content.decode()
    assert not community.images.exists()
    assert not CasePendingChange.objects.exists()


def test_a_draft_is_still_saved_at_once(client_of, owner, draft):
    response = save_edit(client_of(owner), draft, title="Direct opgeslagen", visibility="community")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Direct opgeslagen" and draft.visibility == "community"
    assert not CasePendingChange.objects.exists()


def test_a_change_that_waited_is_kept_when_the_case_is_withdrawn_and_closed_by_the_next_save(
    client_of, owner, community
):
    save_edit(client_of(owner), community, title="Gewijzigd voor het terugtrekken")
    community.withdraw(by=owner)

    values = read_form(client_of(owner).get(reverse("cases:edit", args=[community.slug])).content.decode())
    assert values["title"] == "Gewijzigd voor het terugtrekken"

    save_edit(client_of(owner), community, title="Teruggetrokken en bewerkt")
    community.refresh_from_db()
    assert community.title == "Teruggetrokken en bewerkt"
    assert not CasePendingChange.objects.open().exists()


def test_a_change_of_a_case_that_is_no_longer_published_is_not_approved(client_of, owner, facilitator, community):
    save_edit(client_of(owner), community, visibility="public")
    community.withdraw(by=owner)

    response = approve(client_of(facilitator), community)

    assert response.status_code == 302
    community.refresh_from_db()
    assert community.visibility == "community"
    assert CasePendingChange.objects.get(case=community).is_open


@pytest.mark.parametrize("name", ["cases:change-review", "cases:change-approve", "cases:change-reject"])
def test_only_facilitators_review(client_of, owner, coeditor, participant, name, community):
    save_edit(client_of(owner), community, visibility="public")
    url = reverse(name, args=[community.slug])
    call = (lambda c: c.get(url)) if name == "cases:change-review" else (lambda c: c.post(url, {"message": "Nee."}))

    for user in (owner, coeditor, participant):
        assert call(client_of(user)).status_code == 403
    assert call(client_of(None)).status_code == 302  # to log in
    community.refresh_from_db()
    assert community.visibility == "community"
    assert CasePendingChange.objects.get(case=community).is_open


def test_the_review_urls_are_404_when_nothing_waits(client_of, facilitator, community):
    for name in ("cases:change-review",):
        assert client_of(facilitator).get(reverse(name, args=[community.slug])).status_code == 404
    assert approve(client_of(facilitator), community).status_code == 404


def test_approving_twice_applies_once(client_of, owner, facilitator, community):
    save_edit(client_of(owner), community, title="Een keer")
    approve(client_of(facilitator), community)
    assert approve(client_of(facilitator), community).status_code == 404
    assert Case.objects.get(pk=community.pk).revisions.filter(action="publish_change").count() == 1


def test_publishing_a_resubmitted_case_closes_an_older_change_that_waited(client_of, owner, facilitator, community):
    save_edit(client_of(owner), community, visibility="public")
    community.withdraw(by=owner)
    community.submit(by=owner)

    community.publish(by=facilitator)

    assert not CasePendingChange.objects.open().exists()
    assert (
        "Wijzigingen van gepubliceerde casussen"
        in client_of(facilitator).get(reverse("cases:review-queue")).content.decode()
    )
    assert (
        community.get_absolute_url() not in client_of(facilitator).get(reverse("cases:review-queue")).content.decode()
    )
