"""The content version and the fragment cache of cop.cache."""

import pytest
from django.db import transaction

from cop import cache as content_cache
from cop import versions
from cop.models import ContentVersion
from factors.models import Cluster, Factor
from tests.conftest import make_case, make_factor, make_meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("caching_on")]


def version():
    return content_cache.content_version()


def version_of(kind):
    return versions.content_versions()[kind]


def test_the_content_version_stays_the_same_until_it_is_bumped():
    first = version_of("cases")
    assert version_of("cases") == first
    content_cache.bump_content_version("cases")
    assert version_of("cases") == first + 1


def test_a_bump_is_part_of_the_transaction_and_undone_with_it():
    first = version_of("cases")
    with pytest.raises(RuntimeError), transaction.atomic():
        content_cache.bump_content_version("cases")
        assert version_of("cases") == first + 1
        raise RuntimeError("the change fails")
    assert version_of("cases") == first


def test_a_bump_in_another_process_is_seen_here():
    first = version()
    ContentVersion.objects.update_or_create(kind="cases", defaults={"version": 5 + version_of("cases")})
    assert version() == first + 5


def test_a_process_reads_the_version_at_most_once_a_second(monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(versions, "VERSION_RECHECK_SECONDS", 1.0)
    versions.forget_versions()
    with django_assert_num_queries(1):
        for _ in range(5):
            version()


def test_a_fragment_is_kept_until_the_content_changes():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert content_cache.cached_by_content("x", build) == 1
    assert content_cache.cached_by_content("x", build) == 1
    content_cache.bump_content_version()
    assert content_cache.cached_by_content("x", build) == 2


def test_fragments_are_kept_apart_by_what_they_vary_on():
    long_query = "vertrouwen " * 100  # hashed into the key: any visitor's input makes a valid key
    assert content_cache.cached_by_content("search", lambda: "a", vary=(long_query, 1)) == "a"
    assert content_cache.cached_by_content("search", lambda: "b", vary=(long_query, 2)) == "b"
    assert content_cache.cached_by_content("search", lambda: "new", vary=(long_query, 1)) == "a"


def test_fragments_are_built_every_time_when_caching_is_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    built = []
    for _ in range(2):
        content_cache.cached_by_content("y", lambda: built.append(1))
    assert len(built) == 2


def test_nothing_comes_from_the_cache_while_bypassed():
    content_cache.cached_by_content("z", lambda: "kept")
    with content_cache.bypassed():
        assert content_cache.cached_by_content("z", lambda: "fresh") == "fresh"
    assert content_cache.cached_by_content("z", lambda: "fresh") == "kept"


# --- the state changes that bump ---------------------------------------------------------


def bumps(change):
    before = version()
    change()
    return version() > before


def test_publishing_withdrawing_and_sending_back_a_case_bump(owner, facilitator):
    case = make_case(owner, status="submitted")
    assert bumps(lambda: case.publish(by=facilitator))
    assert bumps(lambda: case.send_back(by=facilitator, message="Graag een foto erbij."))
    published = make_case(owner, title="Tweede casus")
    assert bumps(lambda: published.withdraw(by=owner))


def test_editing_a_published_case_bumps_and_editing_a_draft_does_not(owner):
    published, draft = make_case(owner), make_case(owner, title="Concept", status="draft")
    for case in (published, draft):
        before = case.snapshot()
        case.summary = "Een nieuwe samenvatting."
        case.save()
        changed = bumps(lambda case=case, before=before: case.record_changes(by=owner, before=before))
        assert changed == (case is published)


def test_hiding_a_reflection_bumps(owner, participant, facilitator):
    from cases.models import Reflection

    reflection = Reflection.objects.create(
        case=make_case(owner), author=participant, perspective="gemeente", strikes="x"
    )
    assert bumps(lambda: reflection.hide(by=facilitator, reason="Off-topic"))
    assert bumps(lambda: reflection.unhide(by=facilitator))


def test_every_curation_step_bumps(facilitator):
    cluster = Cluster.objects.create(name="Samenwerken", slug="samenwerken")
    factor = make_factor("Voorstel", status="proposed", cluster=cluster)
    assert bumps(lambda: factor.accept(by=facilitator))
    assert bumps(lambda: factor.rename("Een betere naam", by=facilitator))
    other = make_factor("Dubbel")
    assert bumps(lambda: factor.merge(other, by=facilitator))
    assert Factor.objects.filter(pk=other.pk, status=Factor.Status.MERGED).exists()


def test_publishing_and_unpublishing_a_harvest_bump():
    meeting = make_meeting(days=-1, status="closed")
    assert bumps(meeting.publish)
    assert bumps(meeting.unpublish)


def test_accepting_a_definition_bumps(facilitator):
    from cop.models import Term

    term = Term.objects.create(name="Gebiedsgericht werken")
    proposal = term.propose_version("<p>Samen werken aan een gebied.</p>", by=facilitator)
    assert bumps(lambda: proposal.accept(by=facilitator))
