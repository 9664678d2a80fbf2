"""Shared fixtures: personas, small make_* helpers, and the rules for marked tests.

Tests marked ``postgres`` need PostgreSQL (DATABASE_URL); tests marked ``browser``
need Chromium at /usr/bin/chromium. ``make test`` skips them with a one-line
reason when those are missing; with ``REQUIRE_ALL_TESTS=1`` (set by .ci/run) a
missing requirement fails the run instead, so CI never skips silently.
"""

import os
import tempfile

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.utils import timezone, translation
from playwright.sync_api import expect

from cop.models import Organisation, Perspective, Profile
from cop.roles import FACILITATORS_GROUP

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + sync Playwright
# A browser assertion waits up to 15 s for the state it expects (Playwright's default is 5 s);
# a loaded 2-core CI machine running two workers needs the room. It only costs time on failure.
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
REQUIRE_ALL = os.environ.get("REQUIRE_ALL_TESTS") == "1"
PASSWORD = "Wachtwoord-voor-tests-2026"


def _missing(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL (as .ci/run does)"
    if item.get_closest_marker("browser") and not os.path.exists(CHROMIUM):
        return f"needs Chromium at {CHROMIUM} (apt-get install chromium, as .ci/run does)"
    return None


def pytest_runtest_setup(item):
    reason = _missing(item)
    if reason:
        if REQUIRE_ALL:
            pytest.fail(f"REQUIRE_ALL_TESTS=1 but this test {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # Test speed-ups and isolation: a fast hasher, media in a temporary folder.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # The caches (allauth's limits, the glossary's link index, kept pages) outlive a test.
    clear_caches()
    # The language middleware activates the request's language in this thread, as
    # Django's own does; a test that called a view in English must not leave the
    # next test (which may call code directly, without a request) in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
    clear_caches()


def clear_caches():
    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def artifacts_dir():
    path = os.environ.get("TEST_ARTIFACTS", os.path.join(tempfile.gettempdir(), "www-test-artifacts"))
    os.makedirs(path, exist_ok=True)
    return path


# --- make_* helpers -----------------------------------------------------------------


def make_user(email, *, name="", perspective="", organisation=None, facilitator=False, staff=False, public=False):
    """A verified member with a profile. ``public`` gives consent to show the name."""
    from cop.models import User

    user = User.objects.create_user(email=email, password=PASSWORD, is_staff=staff, is_superuser=staff)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Profile.objects.create(
        user=user,
        display_name=name or email.split("@")[0].title(),
        perspective=perspective,
        organisation=organisation,
        show_name_publicly=public,
    )
    if facilitator:
        # A transactional test before this one in the same worker may have flushed the
        # group its data migration made; the role is the membership, so make it again.
        group, _created = Group.objects.get_or_create(name=FACILITATORS_GROUP)
        user.groups.add(group)
    return user


def make_organisation(name="Gemeente Voorbeeld", kind=Perspective.MUNICIPALITY):
    return Organisation.objects.create(name=name, kind=kind)


def make_factor(name="Aansluiten bij wat leeft", *, kind="working", status="accepted", **kwargs):
    from factors.models import Factor

    kwargs.setdefault("statement", f"{name} in één zin.")
    return Factor.objects.create(name=name, kind=kind, status=status, **kwargs)


def make_case(owner=None, *, title="Buurtkamer De Linde", status="published", visibility="public", **kwargs):
    from cases.models import Case

    kwargs.setdefault("summary", f"{title}: een korte samenvatting.")
    kwargs.setdefault("story", "<p>Het verhaal van de casus.</p>")
    if status == "published":
        kwargs.setdefault("published_at", timezone.now())
    return Case.objects.create(title=title, owner=owner, status=status, visibility=visibility, **kwargs)


def make_meeting(*, title="Bijeenkomst werkzame factoren", days=7, status="planned", **kwargs):
    from meetings.models import Meeting

    return Meeting.objects.create(
        title=title, starts_at=timezone.now() + timezone.timedelta(days=days), status=status, **kwargs
    )


# --- personas -----------------------------------------------------------------------


@pytest.fixture
def owner(db):
    return make_user("eigenaar@example.org", name="Olga Eigenaar", perspective=Perspective.WELFARE)


@pytest.fixture
def coeditor(db):
    return make_user("mede@example.org", name="Mees Mede", perspective=Perspective.HOUSING)


@pytest.fixture
def participant(db):
    return make_user("deelnemer@example.org", name="Pim Deelnemer", perspective=Perspective.RESIDENTS)


@pytest.fixture
def facilitator(db):
    return make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)


@pytest.fixture
def staff(db):
    return make_user("beheer@example.org", name="Sam Beheer", staff=True)


@pytest.fixture
def client_of(client):
    """``client_of(user)``: a fresh test client signed in as ``user`` (or anonymous for None)."""
    from django.test import Client

    def _client(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return _client


# --- two-factor rule (added by ops) --------------------------------------------------


@pytest.fixture(autouse=True)
def _two_factor_not_enforced_by_default(settings):
    """Facilitators and staff must set up TOTP first (cop.middleware.RequireTwoFactorMiddleware).

    Tests of other features sign those personas in with ``force_login`` and no
    authenticator, so the rule is off by default here; ``tests/security/test_mfa.py``
    turns it on with the ``two_factor_enforced`` fixture and proves it.
    """
    settings.MFA_REQUIRED_FOR_FACILITATORS = False


@pytest.fixture
def two_factor_enforced(settings):
    settings.MFA_REQUIRED_FOR_FACILITATORS = True


# --- test reports for fixtures (added by the cross-cutting proof, tests/e2e) ---------


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so that browser fixtures can screenshot a failed test."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
