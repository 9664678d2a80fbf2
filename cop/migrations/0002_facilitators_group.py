"""Create the Facilitators group with the permissions facilitators need in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Facilitators"

# (app label, model, actions); facilitators curate, moderate and run meetings.
PERMISSIONS = [
    ("cop", "organisation", "add change view"),
    ("cop", "municipality", "add change view"),
    ("cop", "area", "add change view"),
    ("cop", "theme", "add change view"),
    ("cop", "term", "add change view"),
    ("cop", "termversion", "add change view"),
    ("factors", "cluster", "add change delete view"),
    ("factors", "factor", "add change view"),
    ("factors", "factorrelation", "add change delete view"),
    ("factors", "factorslugredirect", "view"),
    ("factors", "curationlog", "view"),
    ("cases", "case", "change view"),
    ("cases", "casefactor", "add change delete view"),
    ("cases", "caseimage", "change view"),
    ("cases", "casepartner", "change view"),
    ("cases", "caselink", "change view"),
    ("cases", "caserevision", "view"),
    ("cases", "reflection", "change view"),
    ("meetings", "series", "add change delete view"),
    ("meetings", "meeting", "add change delete view"),
    ("meetings", "harvestimage", "add change delete view"),
    ("meetings", "registration", "change view"),
    ("meetings", "round", "add change delete view"),
    ("meetings", "contribution", "change view"),
    ("meetings", "vote", "view"),
    ("meetings", "clusteringstep", "view"),
]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, actions in PERMISSIONS:
        codenames = [f"{action}_{model}" for action in actions.split()]
        perms = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        if perms.count() != len(codenames):
            raise RuntimeError(f"Missing permissions for {app_label}.{model}: {codenames}")
        group.permissions.add(*perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cop", "0001_initial"),
        ("factors", "0001_initial"),
        ("cases", "0001_initial"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
