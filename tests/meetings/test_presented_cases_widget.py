"""Choosing the cases of a meeting: checkboxes with a filter, no Ctrl-click multi-select."""

import pytest
from django.urls import reverse

from tests.conftest import make_case

pytestmark = pytest.mark.django_db


def test_the_cases_of_a_meeting_are_checkboxes_in_a_fieldset_with_a_filter(client_of, facilitator, owner):
    case = make_case(owner, title="Kenniskwartier")
    html = client_of(facilitator).get(reverse("meetings:create")).content.decode()
    assert '<select name="presented_cases"' not in html
    assert f'type="checkbox" name="presented_cases" value="{case.pk}"' in html
    assert "Ctrl" not in html
    assert 'data-choice-filter="Zoek een casus in de lijst"' in html
    assert "js/choice-filter.js" in html
    assert "<legend>Casussen die aan bod komen" in html  # a group with a name, for screen readers
