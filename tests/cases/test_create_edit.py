"""Telling a case: the form creates and edits a case with its inline rows, and keeps what was typed."""

import pytest
from django.urls import reverse

from cases.models import Case, CaseFactor, CasePartner
from cop.models import Area, Municipality, Theme
from tests.cases.conftest import case_data, read_form, rows
from tests.conftest import make_case, make_factor, make_organisation

pytestmark = pytest.mark.django_db


def test_a_visitor_is_sent_to_log_in_before_telling_a_case(client):
    response = client.get(reverse("cases:create"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_participant_creates_a_draft_with_everything_the_databanks_ask(client_of, participant):
    arnhem = Municipality.objects.create(name="Arnhem")
    area = Area.objects.create(municipality=arnhem, name="Spijkerkwartier")
    theme = Theme.objects.create(name="Leefbaarheid")
    factor = make_factor("Aansluiten bij wat leeft")
    obstacle = make_factor("Versnipperde financiering", kind="obstacle")
    han = make_organisation("HAN", kind="onderwijs")
    data = case_data(
        municipality=arnhem.pk,
        area=area.pk,
        area_type="city_district",
        scale="district",
        themes=[theme.pk],
        period_start="2023-09-01",
        pride="<p>De bewoners doen mee.</p>",
        what_worked="<p>Vaste gezichten.</p>",
        lessons="<p>Begin klein.</p>",
        approach="<p>Stap voor stap.</p>",
        contact_name="Anna",
        contact_email="anna@example.org",
        contact_consent="on",
        **rows(
            "factors",
            [
                {"factor": factor.pk, "explanation": "Studenten vroegen bewoners wat zij wilden."},
                {"factor": obstacle.pk, "explanation": "Elk jaar een nieuwe subsidie."},
            ],
        ),
        **rows(
            "partners",
            [
                {"organisation": han.pk, "role": "levert studenten"},
                {"name": "Buurtvereniging", "kind": "vereniging", "role": "trekker"},
            ],
        ),
        **rows("links", [{"title": "Website", "url": "https://example.org/kenniskwartier"}]),
    )
    response = client_of(participant).post(reverse("cases:create"), data)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    assert case.slug == "kenniskwartier-arnhem"
    assert case.status == Case.Status.DRAFT
    assert case.owner == participant
    assert case.municipality == arnhem and case.area == area
    assert list(case.themes.all()) == [theme]
    assert case.approach == "<p>Stap voor stap.</p>"
    assert {(link.factor, link.explanation) for link in case.factor_links.all()} == {
        (factor, "Studenten vroegen bewoners wat zij wilden."),
        (obstacle, "Elk jaar een nieuwe subsidie."),
    }
    assert sorted(p.display_name for p in case.partners.all()) == ["Buurtvereniging", "HAN"]
    assert case.links.get().url == "https://example.org/kenniskwartier"
    assert case.revisions.get().action == "create"


def test_saving_and_submitting_at_once_offers_the_case_to_the_facilitators(client_of, participant):
    client_of(participant).post(reverse("cases:create"), case_data(_submit="1"))
    assert Case.objects.get().status == Case.Status.SUBMITTED


def test_a_form_with_errors_keeps_everything_typed_and_says_in_dutch_what_to_fix(client_of, participant):
    factor = make_factor()
    data = case_data(
        title="",
        story="<p>Een <strong>verhaal</strong> dat blijft staan.</p>",
        pride="<p>Trots</p>",
        period_start="2024-05-01",
        period_end="2024-01-01",
        **rows("factors", [{"factor": factor.pk, "explanation": ""}]),
        **rows("links", [{"title": "Site", "url": "geen adres"}]),
    )
    response = client_of(participant).post(reverse("cases:create"), data)
    assert response.status_code == 200
    assert not Case.objects.exists()
    html = response.content.decode()
    assert "Controleer het formulier" in html
    assert '<a href="#id_title">Titel</a>: Dit veld is vereist.' in html
    assert "De einddatum ligt vóór de begindatum." in html
    assert "Leg kort uit hoe deze factor meespeelde." in html
    assert "Voer een geldige URL in." in html
    values = read_form(html)
    assert values["story"] == "<p>Een <strong>verhaal</strong> dat blijft staan.</p>"
    assert values["pride"] == "<p>Trots</p>"
    assert values["summary"] == data["summary"]
    assert values["period_end"] == "2024-01-01"
    assert values["factors-0-factor"] == str(factor.pk)
    assert values["links-0-url"] == "geen adres"


def test_an_empty_story_is_refused_even_when_the_editor_sends_an_empty_paragraph(client_of, participant):
    response = client_of(participant).post(reverse("cases:create"), case_data(story="<p></p>"))
    assert response.status_code == 200
    assert "Vertel het verhaal van de casus" in response.content.decode()
    assert not Case.objects.exists()


def test_a_partner_needs_an_organisation_or_a_name(client_of, participant):
    response = client_of(participant).post(
        reverse("cases:create"), case_data(**rows("partners", [{"role": "trekker"}]))
    )
    assert "Kies een organisatie of vul de naam van de partner in." in response.content.decode()
    assert not Case.objects.exists()


def test_the_same_factor_twice_is_refused(client_of, participant):
    factor = make_factor()
    data = case_data(
        **rows("factors", [{"factor": factor.pk, "explanation": "een"}, {"factor": factor.pk, "explanation": "twee"}])
    )
    response = client_of(participant).post(reverse("cases:create"), data)
    assert response.status_code == 200
    assert not Case.objects.exists()
    assert "Controleer het formulier" in response.content.decode()


def test_an_area_of_another_municipality_is_refused(client_of, participant):
    arnhem, ede = Municipality.objects.create(name="Arnhem"), Municipality.objects.create(name="Ede")
    area = Area.objects.create(municipality=ede, name="Veldhuizen")
    response = client_of(participant).post(reverse("cases:create"), case_data(municipality=arnhem.pk, area=area.pk))
    assert "Deze wijk of kern hoort niet bij de gekozen gemeente." in response.content.decode()


def test_the_factor_select_groups_working_factors_and_obstacles_and_hides_others_proposals(
    client_of, participant, owner
):
    make_factor("Eigenaarschap")
    make_factor("Wisselende wethouders", kind="obstacle")
    make_factor("Idee van een ander", status="proposed", proposed_by=owner)
    html = client_of(participant).get(reverse("cases:create")).content.decode()
    assert '<optgroup label="Werkzame factoren">' in html
    assert '<optgroup label="Belemmeringen">' in html
    assert "Eigenaarschap" in html and "Wisselende wethouders" in html
    assert "Idee van een ander" not in html


def test_the_owner_edits_and_the_form_comes_back_with_what_is_saved(client_of, owner):
    case = make_case(owner, status="draft", pride="<p>Oud</p>")
    factor = make_factor()
    CaseFactor.objects.create(case=case, factor=factor, explanation="Uitleg")
    client = client_of(owner)
    values = read_form(client.get(reverse("cases:edit", args=[case.slug])).content.decode())
    assert values["factors-0-explanation"] == "Uitleg"
    values.update({"pride": "<p>Nieuw</p>", "factors-0-explanation": "Betere uitleg"})
    response = client.post(reverse("cases:edit", args=[case.slug]), values)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.pride == "<p>Nieuw</p>"
    assert case.factor_links.get().explanation == "Betere uitleg"


def test_continue_editing_returns_to_the_form_with_new_empty_rows(client_of, owner):
    case = make_case(owner, status="draft")
    client = client_of(owner)
    values = read_form(client.get(reverse("cases:edit", args=[case.slug])).content.decode())
    values["_continue"] = "1"
    response = client.post(reverse("cases:edit", args=[case.slug]), values)
    assert response["Location"] == reverse("cases:edit", args=[case.slug])


def test_editing_a_published_case_keeps_it_published_and_records_a_revision(client_of, owner):
    case = make_case(owner, status="published", summary="Oude samenvatting")
    client = client_of(owner)
    values = read_form(client.get(reverse("cases:edit", args=[case.slug])).content.decode())
    values["summary"] = "Nieuwe samenvatting"
    client.post(reverse("cases:edit", args=[case.slug]), values)
    case.refresh_from_db()
    assert case.status == Case.Status.PUBLISHED
    revision = case.revisions.get()
    assert revision.author == owner
    assert revision.changes["summary"] == {
        "label": "korte samenvatting",
        "old": "Oude samenvatting",
        "new": "Nieuwe samenvatting",
    }


def test_saving_without_changes_records_no_revision(client_of, owner):
    case = make_case(owner, status="draft")
    client = client_of(owner)
    values = read_form(client.get(reverse("cases:edit", args=[case.slug])).content.decode())
    client.post(reverse("cases:edit", args=[case.slug]), values)
    assert not case.revisions.exists()


def test_a_co_editor_may_edit(client_of, draft, coeditor):
    client = client_of(coeditor)
    values = read_form(client.get(reverse("cases:edit", args=[draft.slug])).content.decode())
    values["title"] = "Samen geschreven"
    assert client.post(reverse("cases:edit", args=[draft.slug]), values).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Samen geschreven"
    assert draft.slug == "concept-van-olga"  # a stable address


def test_a_member_who_can_read_a_published_case_may_not_edit_it(client_of, owner, participant):
    case = make_case(owner)
    assert client_of(participant).get(reverse("cases:edit", args=[case.slug])).status_code == 403
    assert client_of(participant).post(reverse("cases:edit", args=[case.slug]), case_data()).status_code == 403


def test_an_outsider_asking_to_edit_a_draft_gets_404(client_of, draft, participant, facilitator):
    assert client_of(participant).get(reverse("cases:edit", args=[draft.slug])).status_code == 404
    assert client_of(facilitator).get(reverse("cases:edit", args=[draft.slug])).status_code == 404


def test_partners_keep_their_name_when_the_organisation_is_deleted(client_of, participant):
    han = make_organisation("HAN", kind="onderwijs")
    client_of(participant).post(
        reverse("cases:create"), case_data(**rows("partners", [{"organisation": han.pk, "role": "studenten"}]))
    )
    han.delete()
    partner = CasePartner.objects.get()
    assert partner.display_name == "HAN"
    assert partner.organisation is None


def test_a_new_case_starts_from_the_members_perspective_and_organisation(client_of):
    from tests.conftest import make_user

    han = make_organisation("HAN", kind="onderwijs")
    member = make_user("docent@example.org", organisation=han)
    values = read_form(client_of(member).get(reverse("cases:create")).content.decode())
    assert (values["perspective"], values["organisation"]) == ("onderwijs", str(han.pk))
