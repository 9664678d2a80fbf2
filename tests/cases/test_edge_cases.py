"""Slug collisions, reserved slugs, a deleted organisation, a very long story, 200 factors on one case."""

import pytest
from django.db import connection
from django.urls import reverse

from cases.models import Case, CaseFactor, CasePartner
from tests.cases.conftest import case_data, read_form
from tests.conftest import make_case, make_factor, make_organisation

pytestmark = pytest.mark.django_db


def test_two_cases_with_the_same_title_get_their_own_address(client_of, participant, owner):
    first = make_case(owner, title="Buurtkamer")
    client_of(participant).post(reverse("cases:create"), case_data(title="Buurtkamer"))
    second = Case.objects.exclude(pk=first.pk).get()
    assert (first.slug, second.slug) == ("buurtkamer", "buurtkamer-2")
    assert client_of(participant).get(second.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("title", ["Nieuw", "Redactie"])
def test_a_case_cannot_take_the_address_of_a_fixed_page(owner, title):
    case = make_case(owner, title=title)
    assert case.slug not in ("nieuw", "redactie")
    assert case.get_absolute_url() != reverse("cases:create")


def test_a_title_without_letters_still_gets_an_address(owner):
    assert make_case(owner, title="!!!").slug


def test_a_case_whose_organisation_was_deleted_still_shows(client, owner):
    org = make_organisation("Verdwenen stichting", kind="welzijn")
    case = make_case(owner, organisation=org)
    CasePartner.objects.create(case=case, organisation=org, role="trekker")
    CasePartner.objects.create(case=case, organisation=make_organisation("Blijft"), name="", role="steun")
    org.delete()
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Verdwenen stichting" in html  # the partner kept the name
    assert client.get(reverse("cases:library"), {"organisatie": "welzijn"}).status_code == 200


def test_a_partner_without_name_whose_organisation_is_deleted_reads_well(owner):
    case = make_case(owner)
    org = make_organisation("Tijdelijk")
    CasePartner.objects.bulk_create([CasePartner(case=case, organisation=org, role="x")])  # bypasses save()
    org.delete()
    assert CasePartner.objects.get().display_name == "een organisatie die niet meer bestaat"


def test_a_20000_word_story_is_saved_shown_searched_and_edited(client_of, owner, facilitator):
    story = "<p>" + " ".join(["buurt"] * 19_999 + ["studenten"]) + "</p>"
    client = client_of(owner)
    assert client.post(reverse("cases:create"), case_data(story=story)).status_code == 302
    case = Case.objects.get()
    assert len(case.story.split()) == 20_000
    assert client.get(case.get_absolute_url()).status_code == 200
    case.status = "published"
    case.save()
    assert [c.title for c in client.get(reverse("cases:library"), {"q": "studenten"}).context["page"]] == [case.title]
    values = read_form(client.get(reverse("cases:edit", args=[case.slug])).content.decode())
    values["story"] = values["story"].replace("studenten", "ouderen")
    assert client.post(reverse("cases:edit", args=[case.slug]), values).status_code == 302
    # A published case: the edit waits for a facilitator (cases.review), who publishes it.
    proposed = case.revisions.get(action="propose_change").changes["story"]
    assert proposed == {"label": "het verhaal", "summary": "aangepast (20000 → 20000 woorden)"}
    assert client_of(facilitator).get(reverse("cases:change-review", args=[case.slug])).status_code == 200
    assert client_of(facilitator).post(reverse("cases:change-approve", args=[case.slug])).status_code == 302
    change = case.revisions.get(action="publish_change").changes["story"]
    assert change == {"label": "het verhaal", "summary": "aangepast (20000 → 20000 woorden)"}
    case.refresh_from_db()
    assert "ouderen" in case.story


# An edit of the published case with 200 factor rows: stored for review, shown again, reviewed,
# approved. Approving saves the case, which refreshes the full-text search vector on PostgreSQL
# only (cop.search.write_search_vector is a no-op on SQLite): one UPDATE more there. It then
# rebuilds the case's related names (cases.search_context: the case with its place and
# organisation, partners, themes, factors; an UPDATE only when they changed) and the vector again.
# Storing the edit for review raises no content version (nothing public changes until approval).
SAVE_CHANGE_QUERIES = 30
# The pages below count the header's unread notifications too (one query).
EDIT_WAITING_QUERIES = 18
REVIEW_QUERIES = 25
# Approving also renews the facilitator's own kept pages (a counter in their session: one UPDATE).
APPROVE_QUERIES = 43 if connection.vendor == "postgresql" else 41


def test_200_factors_on_one_case_work_everywhere(client_of, owner, facilitator, django_assert_num_queries):
    case = make_case(owner)
    factors = [make_factor(f"Factor {n:03}", kind="obstacle" if n % 4 == 0 else "working") for n in range(200)]
    CaseFactor.objects.bulk_create(
        [CaseFactor(case=case, factor=f, explanation=f"Uitleg {n}") for n, f in enumerate(factors)]
    )
    client = client_of(owner)
    # The case page also asks whether an edit waits for review, whether the member follows the case
    # (the follow button) and how many notifications are unread (the header).
    with django_assert_num_queries(17):
        html = client.get(case.get_absolute_url()).content.decode()
    assert "Factor 000" in html and "Factor 199" in html
    library = client.get(reverse("cases:library"), {"sorteer": "onderbouwing"})
    assert library.context["page"][0].evidence_count == 200
    edit_url = reverse("cases:edit", args=[case.slug])
    with django_assert_num_queries(18):  # 17 + the header's unread notifications
        values = read_form(client.get(edit_url).content.decode())
    assert values["factors-TOTAL_FORMS"] == "202"
    values["factors-199-explanation"] = "Nieuwe uitleg"
    with django_assert_num_queries(SAVE_CHANGE_QUERIES):
        response = client.post(edit_url, values)
    assert response.status_code == 302
    # A published case: the edit waits for a facilitator (cases.review); the form shows it, approving saves it.
    assert case.factor_links.get(factor=factors[199]).explanation == "Uitleg 199"
    with django_assert_num_queries(EDIT_WAITING_QUERIES):
        assert read_form(client.get(edit_url).content.decode())["factors-199-explanation"] == "Nieuwe uitleg"
    reviewer = client_of(facilitator)
    with django_assert_num_queries(REVIEW_QUERIES):
        assert "Nieuwe uitleg" in reviewer.get(reverse("cases:change-review", args=[case.slug])).content.decode()
    with django_assert_num_queries(APPROVE_QUERIES):
        assert reviewer.post(reverse("cases:change-approve", args=[case.slug])).status_code == 302
    assert case.factor_links.get(factor=factors[199]).explanation == "Nieuwe uitleg"
    assert case.factor_links.count() == 200


def test_naming_a_factor_that_is_already_on_the_case_again_is_refused_in_dutch(client_of, owner):
    case = make_case(owner, status="draft")
    factor = make_factor()
    CaseFactor.objects.create(case=case, factor=factor, explanation="Eerst")
    client = client_of(owner)
    edit_url = reverse("cases:edit", args=[case.slug])
    values = read_form(client.get(edit_url).content.decode())
    values.update({"factors-1-factor": str(factor.pk), "factors-1-explanation": "Nog eens"})
    response = client.post(edit_url, values)
    assert response.status_code == 200
    assert "Deze factor staat er al bij." in response.content.decode()
    assert case.factor_links.count() == 1
