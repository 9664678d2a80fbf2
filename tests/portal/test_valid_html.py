"""Every page type is valid HTML by the Nu Html Checker (vnu), in Dutch and in English.

The pages come from the permission matrix: every GET row that answers 200 with an HTML
document, as a visitor (or a guest of the live mode), a member (the participant, or the
owner where only the owner gets in) and a facilitator, in the shared world of
``tests.e2e.world``; in English once per page. The documents are written to a
temporary folder and checked in one run of vnu (one Java start-up for all of them).
"""

import hashlib
import json
import re
import subprocess
from http.cookies import SimpleCookie

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client

from tests.security.test_permission_matrix import (  # noqa: F401 (world is a fixture)
    FAST,
    GET,
    MATRIX,
    RollbackError,
    _html_only_pdf,
    url_of,
    world,
)
from tests.tools import ROOT, require_vnu

pytestmark = pytest.mark.django_db

ROLE_COLUMNS = ("visitor", "guest", "participant", "owner", "coeditor", "facilitator", "staff")
# States the matrix does not reach: a search without results, an empty search.
EXTRA = [("search-empty", "/zoeken/?q=onvindbaar"), ("search-blank", "/zoeken/")]


@pytest.fixture
def fetch_page(world, db, settings, monkeypatch):  # noqa: F811
    """``fetch_page(role, url, language)``: the response, with everything the request changed rolled back."""
    for name, value in FAST.items():
        setattr(settings, name, value)
    monkeypatch.setattr("portal.views.posters.render_pdf", _html_only_pdf)
    client = Client()

    def _fetch(role, url, language="nl"):
        session = world.sessions[role]
        cookies = {django_settings.LANGUAGE_COOKIE_NAME: language}
        if session:
            cookies[django_settings.SESSION_COOKIE_NAME] = session
        client.cookies = SimpleCookie(cookies)
        try:
            with transaction.atomic():
                raise RollbackError(client.get(url))
        except RollbackError as rollback:
            return rollback.response

    return _fetch


def roles_to_check(expected):
    """A visitor (or else a guest), a member (the participant, or else the owner) and a facilitator, where each gets the page."""
    chosen = []
    for candidates in (("visitor", "guest"), ("participant", "owner"), ("facilitator",)):
        chosen += [role for role in candidates if expected[role] == "200"][:1]
    return chosen


def html_pages(w, fetch_page):
    """(label, html) of every distinct HTML document the matrix's pages answer with, in Dutch and in English."""
    urls = []
    for name, target, method, cells in MATRIX:
        if method != GET:
            continue
        expected = dict(zip(ROLE_COLUMNS, cells.split(), strict=True))
        urls.append((f"{name}-{target}", url_of(w, name, target), roles_to_check(expected)))
    urls += [(label, url, ["visitor", "facilitator"]) for label, url in EXTRA]
    seen, pages = set(), []
    for label, url, roles in urls:
        # English once per page, as the first role that gets it (the markup is the same, the words are not).
        for role, language in [(role, "nl") for role in roles] + [(role, "en") for role in roles[:1]]:
            response = fetch_page(role, url, language)
            if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
                break  # a file or a feed, for every role
            content = response.content.decode()
            if not content.startswith("<!doctype"):
                break  # an htmx fragment
            # The same page for two roles counts once (the nonce and the CSRF token differ per response).
            digest = hashlib.sha256(re.sub(r'(nonce|value|content)="[^"]*"', "", content).encode()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                pages.append((f"{label}-{role}-{language}", content))
    return pages


def test_every_page_type_is_valid_html(world, fetch_page, tmp_path):  # noqa: F811
    vnu = require_vnu()
    pages = html_pages(world, fetch_page)
    assert len(pages) > 100  # the matrix's pages: a sudden drop means the crawl broke, not that all is well
    files = {}
    for index, (label, content) in enumerate(pages):
        path = tmp_path / f"{index:03d}-{re.sub(r'[^a-z0-9-]+', '-', label.lower())}.html"
        path.write_text(content, encoding="utf-8")
        files[f"file:{path}"] = path.name
    run = subprocess.run(
        [
            *vnu,
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *(name.removeprefix("file:") for name in files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{files.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: {message['message']}\n"
        f"    {message.get('extract', '').strip()}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, f"{len(errors)} error(s) in {len(pages)} pages:\n" + "\n".join(errors)


def test_templates_give_htmx_its_attributes_with_the_data_prefix():
    """``hx-get`` is not HTML; htmx reads ``data-hx-get`` just as well (checked here without Java too)."""
    bare = re.compile(r"(?<![\w-])hx-[a-z-]+=")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line)
    ]
    assert not found, "write data-hx-… instead:\n" + "\n".join(found)
