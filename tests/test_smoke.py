import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "about", "privacy", "accessibility", "glossary", "search"])
def test_fixed_pages_answer_in_dutch(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()
