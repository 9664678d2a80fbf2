import pytest

from cop import versions


@pytest.fixture
def caching_on(settings, monkeypatch):
    """Page and fragment caching as in production (the suite turns it off, tests/settings.py)."""
    settings.PAGE_CACHE_SECONDS = 600
    # Every read of the content version goes to the database, as in another process a second later.
    monkeypatch.setattr(versions, "VERSION_RECHECK_SECONDS", -1)
