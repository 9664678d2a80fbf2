"""The journey of issue 16 in a browser: follow a factor, a harvest gives it evidence, the member sees the
notification and gets the digest with links that work."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from meetings.models import Contribution, Round
from notifications import digest
from tests.conftest import make_factor, make_meeting, make_user
from tests.e2e.conftest import contexts, sign_in, site_header  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_follows_a_factor_and_hears_of_the_harvest_on_the_site_and_by_mail(contexts, live_server):  # noqa: F811
    member = make_user("lid@example.org", name="Lotte Lid")
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    factor = make_factor("Eigenaarschap")
    meeting = make_meeting(title="Leerkring najaar", status="closed", days=-1)
    round_ = Round.objects.create(meeting=meeting, prompt="Wat werkt?", order=1, kind=Round.Kind.WORKING)
    Contribution.objects.create(meeting=meeting, round=round_, author=facilitator, text="Bewoners", factor=factor)

    page = sign_in(contexts(), live_server, member).new_page()
    page.goto(f"{live_server.url}{factor.get_absolute_url()}")
    follow = page.get_by_role("button", name=re.compile("^Volgen"))
    follow.click()
    expect(page.get_by_role("button", name=re.compile("^Je volgt dit"))).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("status").filter(has_text="Je volgt nu")).to_be_visible()

    console = sign_in(contexts(), live_server, facilitator).new_page()
    console.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    console.get_by_role("button", name="Oogst publiceren").click()  # asks first, on its own page
    with console.expect_navigation():
        console.get_by_role("button", name=re.compile("^Ja, (oogst )?publiceren")).click()

    page.goto(f"{live_server.url}/")
    link = site_header(page).get_by_role("link", name=re.compile("Meldingen 1 ongelezen"))
    link.click()
    page.get_by_role("link", name="De oogst van ‘Leerkring najaar’ is gepubliceerd").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leerkring najaar")

    mail.outbox.clear()
    digest.start_digests.call("weekly")
    [message] = [m for m in mail.outbox if m.to == ["lid@example.org"]]
    links = re.findall(r"http://\S+", message.body)
    assert any("/bijeenkomsten/" in url for url in links) and any("/wat-werkt/" in url for url in links)
    for url in links:
        if "/afmelden/" in url:
            continue
        response = page.goto(url.replace("http://127.0.0.1:8000", live_server.url))
        assert response.status == 200, url
