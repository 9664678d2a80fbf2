"""The settings read the environment strictly: a value they do not know refuses to start."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import env_bool, env_int


@pytest.mark.parametrize("value", ["1", "true", "Yes", " on "])
def test_an_on_word_reads_as_true(monkeypatch, value):
    monkeypatch.setenv("SOME_SWITCH", value)
    assert env_bool("SOME_SWITCH", False) is True


@pytest.mark.parametrize("value", ["0", "false", "NO", "off"])
def test_an_off_word_reads_as_false(monkeypatch, value):
    monkeypatch.setenv("SOME_SWITCH", value)
    assert env_bool("SOME_SWITCH", True) is False


def test_an_unset_or_empty_switch_takes_its_default(monkeypatch):
    monkeypatch.delenv("SOME_SWITCH", raising=False)
    assert env_bool("SOME_SWITCH", True) is True
    monkeypatch.setenv("SOME_SWITCH", "")
    assert env_bool("SOME_SWITCH", True) is True


@pytest.mark.parametrize("value", ["ture", "2", "aan", "enabled"])
def test_a_typo_refuses_instead_of_turning_a_switch_off(monkeypatch, value):
    monkeypatch.setenv("MFA_REQUIRED_FOR_FACILITATORS", value)
    with pytest.raises(ImproperlyConfigured, match="MFA_REQUIRED_FOR_FACILITATORS"):
        env_bool("MFA_REQUIRED_FOR_FACILITATORS", True)


def test_a_number_that_is_not_one_refuses(monkeypatch):
    monkeypatch.setenv("PAGE_CACHE_SECONDS", "10m")
    with pytest.raises(ImproperlyConfigured, match="PAGE_CACHE_SECONDS"):
        env_int("PAGE_CACHE_SECONDS", 600)


def test_the_app_does_not_start_with_a_mistyped_protection():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "MFA_REQUIRED_FOR_FACILITATORS": "ture",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "MFA_REQUIRED_FOR_FACILITATORS='ture' is not on or off" in result.stderr
