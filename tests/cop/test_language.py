import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dutch_is_the_default_even_for_an_english_browser(client):
    response = client.get(reverse("about"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="nl">' in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_the_language_switch_sets_a_cookie_and_returns_to_the_page(client):
    response = client.get(reverse("set-language", args=["en"]), {"next": "/over/"})
    assert response.status_code == 302
    assert response.url == "/over/"
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/over/").content.decode()


def test_the_language_switch_refuses_foreign_redirects_and_unknown_languages(client):
    response = client.get(reverse("set-language", args=["en"]), {"next": "https://example.com/"})
    assert response.url == "/"
    assert client.get(reverse("set-language", args=["xx"])).status_code == 404
