"""Backup and restore: dump, wipe, restore gives the same rows in every model."""

import io
import json

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from cases.models import Case, Reflection
from cop.models import Profile, Term, TermVersion, Theme, User
from meetings.models import Contribution, Registration, Round, Vote
from ops.management.commands.backup_data import model_counts
from ops.management.commands.restore_data import wipe
from tests.conftest import make_case, make_factor, make_meeting, make_organisation, make_user
from tests.security.helpers import give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def community(owner, participant, facilitator):
    organisation = make_organisation()
    Profile.objects.filter(user=owner).update(organisation=organisation)
    theme = Theme.objects.create(name="Leefbaarheid")
    factor = make_factor()
    case = make_case(owner, title="Kenniskwartier Arnhem", contact_name="Olga Eigenaar", contact_email=owner.email)
    case.themes.add(theme)
    case.co_editors.add(participant)
    Reflection.objects.create(case=case, author=participant, perspective="inwoners", strikes="Het eigenaarschap.")
    meeting = make_meeting(title="Bijeenkomst 3", status="published", published_at=timezone.now())
    meeting.facilitators.add(facilitator)
    Registration.objects.create(meeting=meeting, user=participant)
    live_round = Round.objects.create(meeting=meeting, prompt="Wat heeft gewerkt?", kind="working")
    Contribution.objects.create(
        round=live_round, meeting=meeting, text="Samen beginnen", perspective="welzijn", author=owner, factor=factor
    )
    Contribution.objects.create(
        round=live_round, meeting=meeting, text="Een gast", perspective="overig", guest_key="g-1"
    )
    Vote.objects.create(round=live_round, factor=factor, voter=participant)
    term = Term.objects.create(name="Gebiedsgericht werken")
    TermVersion.objects.create(term=term, definition="<p>Samen werken aan een gebied.</p>", proposed_by=owner).accept(
        by=facilitator
    )
    give_totp(facilitator)
    profile = Profile.objects.get(user=owner)
    profile.avatar.save("x.png", ContentFile(b"png-bytes"), save=True)
    return case


def backup(tmp_path):
    path = tmp_path / "backup.json"
    call_command("backup_data", str(path), stdout=io.StringIO())
    return path


def test_dump_wipe_restore_gives_the_same_counts_for_every_model(community, tmp_path):
    before = model_counts()
    assert before["cop.user"] == 3 and before["meetings.contribution"] == 2 and before["mfa.authenticator"] == 1
    path = backup(tmp_path)

    wipe()
    assert User.objects.count() == 0
    output = io.StringIO()
    call_command("restore_data", str(path), stdout=output)

    assert model_counts() == before
    case = Case.objects.get(title="Kenniskwartier Arnhem")
    assert case.owner.email == "eigenaar@example.org"
    assert list(case.co_editors.values_list("email", flat=True)) == ["deelnemer@example.org"]
    assert list(case.themes.values_list("name", flat=True)) == ["Leefbaarheid"]
    assert Profile.objects.get(user__email="eigenaar@example.org").organisation.name == "Gemeente Voorbeeld"
    assert Contribution.objects.get(guest_key="g-1").author is None
    assert Authenticator.objects.get().user.email == "begeleider@example.org"
    assert User.objects.get(email="deelnemer@example.org").check_password("Wachtwoord-voor-tests-2026")
    assert "Restored" in output.getvalue()


def test_the_backup_lists_the_media_files_with_their_sizes(community, tmp_path):
    data = json.loads(backup(tmp_path).read_text())
    assert data["format"] == "weten-wat-werkt/backup"
    [avatar] = data["media"]
    assert avatar["name"].startswith("avatars/") and avatar["size"] == len(b"png-bytes")
    assert data["counts"]["cases.case"] == 1
    assert "cases" in data["migrations"]


def test_restore_refuses_a_database_with_content_unless_forced(community, tmp_path):
    path = backup(tmp_path)
    make_user("later@example.org")
    with pytest.raises(CommandError, match="already holds"):
        call_command("restore_data", str(path), stdout=io.StringIO())
    assert User.objects.filter(email="later@example.org").exists()

    call_command("restore_data", str(path), force=True, stdout=io.StringIO())
    assert not User.objects.filter(email="later@example.org").exists()
    assert User.objects.count() == 3


def test_a_dry_run_reports_and_changes_nothing(community, tmp_path):
    path = backup(tmp_path)
    before = model_counts()
    output = io.StringIO()
    call_command("restore_data", str(path), dry_run=True, force=True, stdout=output)
    assert "Dry run: nothing changed." in output.getvalue()
    assert "cases.case" in output.getvalue()
    assert "it will be wiped first" in output.getvalue()
    assert model_counts() == before


def test_a_restore_that_does_not_add_up_is_rolled_back_completely(community, tmp_path):
    path = backup(tmp_path)
    data = json.loads(path.read_text())
    data["counts"]["cases.case"] = 2  # the file promises a row it does not hold
    path.write_text(json.dumps(data))
    before = model_counts()
    with pytest.raises(CommandError, match="rolled back"):
        call_command("restore_data", str(path), force=True, stdout=io.StringIO())
    assert model_counts() == before  # the wipe was undone too


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    path = tmp_path / "iets.json"
    path.write_text('{"hallo": 1}')
    with pytest.raises(CommandError, match="not a backup_data file"):
        call_command("restore_data", str(path), stdout=io.StringIO())


def test_backup_does_not_overwrite_an_existing_file(tmp_path, db):
    path = tmp_path / "backup.json"
    path.write_text("oud")
    with pytest.raises(SystemExit):
        call_command("backup_data", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert path.read_text() == "oud"
