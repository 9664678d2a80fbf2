import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Fails with the list of missing migrations if a model changed without one.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_the_facilitators_group_has_its_permissions():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Facilitators")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_factor", "add_meeting", "change_case", "change_reflection"} <= codenames
    assert "delete_case" not in codenames
