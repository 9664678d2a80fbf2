"""The English interface: a complete catalogue, a committed .mo that matches it, and pages in English.

Dutch is the source language (docs/decisions.md, entry 6): the msgids are the Dutch texts and
``locale/en`` translates them. The workflow for new strings is in docs/translations.md.
Tests that need GNU gettext skip without it, except under ``REQUIRE_ALL_TESTS=1`` (CI).
"""

import gettext
import html
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from cases.models import Case
from tests.conftest import make_case, make_factor, make_meeting

LOCALE = Path(settings.BASE_DIR) / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# Passed to makemessages exactly as the Makefile and docs/translations.md do.
IGNORED = [".venv", "staticfiles", "media"]


def need_gettext(*tools):
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        reason = f"needs GNU gettext ({', '.join(missing)}): apt-get install gettext, as .ci/run does"
        if os.environ.get("REQUIRE_ALL_TESTS") == "1":
            pytest.fail(f"REQUIRE_ALL_TESTS=1 but this test {reason}", pytrace=False)
        pytest.skip(reason)


# --- a small .po reader (no dependency) ---------------------------------------------


def _unquote(line):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[m.group(1)], line[1:-1])


def read_po(path):
    """The entries of a .po file as dicts: ``flags``, ``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr[...]``."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, field = {"flags": set()}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[field] += _unquote(line)
            else:
                field, _, value = line.partition(" ")
                entry[field] = _unquote(value)
        if "msgid" in entry:  # a block of only obsolete (#~) lines has none
            entries.append(entry)
    return entries


def translations(entry):
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def key(entry):
    return (entry.get("msgctxt"), entry["msgid"])


def catalogue_entries():
    return [entry for entry in read_po(PO) if entry["msgid"]]  # without the header


# --- the catalogue ----------------------------------------------------------------------


def test_every_english_entry_is_translated_and_none_is_fuzzy():
    entries = read_po(PO)
    header, body = entries[0], entries[1:]
    assert "fuzzy" not in header["flags"]
    assert "Language: en\n" in header["msgstr"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"]
    assert len(body) > 1000
    untranslated = [entry["msgid"] for entry in body if not all(translations(entry))]
    fuzzy = [entry["msgid"] for entry in body if "fuzzy" in entry["flags"]]
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"
    plurals = [entry for entry in body if "msgid_plural" in entry]
    assert plurals and all(set(e) >= {"msgstr[0]", "msgstr[1]"} for e in plurals)


def test_translations_keep_the_placeholders_and_html_of_their_msgid():
    marks = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|</?\w+[^>]*>")
    wrong = []
    for entry in catalogue_entries():
        sources = [entry["msgid"], entry.get("msgid_plural", entry["msgid"])]
        for index, text in enumerate(translations(entry)):
            source = sources[min(index, 1)]
            if sorted(marks.findall(source)) != sorted(marks.findall(text)):
                wrong.append((source, text))
    assert not wrong, wrong[:5]


def test_the_committed_mo_matches_the_po(tmp_path):
    need_gettext("msgfmt")
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(PO)], check=True, capture_output=True)
    with MO.open("rb") as committed, fresh.open("rb") as compiled:
        committed_catalog = gettext.GNUTranslations(committed)._catalog
        compiled_catalog = gettext.GNUTranslations(compiled)._catalog
    stale = {k for k in compiled_catalog.keys() ^ committed_catalog.keys()}
    stale |= {
        k for k in compiled_catalog.keys() & committed_catalog.keys() if compiled_catalog[k] != committed_catalog[k]
    }
    assert not stale, (
        f"the .mo is not compiled from the current .po (run compilemessages): {sorted(map(str, stale))[:5]}"
    )


def test_makemessages_would_add_nothing_to_the_catalogue(tmp_path):
    """Run makemessages over a symlinked copy of the project with a copy of the catalogue."""
    need_gettext("xgettext", "msgmerge", "msguniq")
    base = Path(settings.BASE_DIR)
    work = tmp_path / "project"
    work.mkdir()
    for item in base.iterdir():
        if item.name not in {*IGNORED, "locale"} and not item.name.startswith("."):
            (work / item.name).symlink_to(item)
    copy = work / "locale" / "en" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(PO, copy)
    # Settings that point LOCALE_PATHS at the copy, so the real catalogue is never touched.
    (tmp_path / "i18n_check_settings.py").write_text(
        textwrap.dedent(f"""
            from tests.settings import *  # noqa: F403
            LOCALE_PATHS = [{str(work / "locale")!r}]
        """)
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "i18n_check_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(base)]),
    }
    ignores = [f"--ignore={name}" for name in IGNORED]
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "--symlinks", "--no-obsolete", *ignores],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    before = {key(entry) for entry in catalogue_entries()}
    after = read_po(copy)[1:]
    missing = sorted(
        {
            entry["msgid"]
            for entry in after
            if key(entry) not in before or "fuzzy" in entry["flags"] or not all(translations(entry))
        }
    )
    assert not missing, f"UI strings missing from locale/en (see docs/translations.md): {missing[:10]}"


# --- pages in English -------------------------------------------------------------------

# Long Dutch UI sentences: none of them may show up on a page that is in English.
DUTCH_SENTENCES = sorted(
    {
        entry["msgid"]
        for entry in catalogue_entries()
        if len(entry["msgid"].split()) >= 5 and not re.search(r"[%<{]", entry["msgid"])
    }
)


def visible_text(response):
    text = response.content.decode()
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def h1(response):
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))).strip()


def switch_to_english(client, path):
    response = client.get(f"/taal/en/?next={path}", follow=True)
    assert response.redirect_chain[-1][0] == path
    return response


@pytest.fixture
def demo(db):
    call_command("seed_demo", force=True, verbosity=0)


def test_the_home_page_follows_the_language_switch_and_demo_content_stays_as_written(client, demo):
    public_titles = list(Case.objects.public().values_list("title", flat=True))
    english_ui = {text for entry in catalogue_entries() for text in translations(entry)}

    dutch = client.get("/")
    assert '<html lang="nl">' in dutch.content.decode()
    assert h1(dutch) in {entry["msgid"] for entry in catalogue_entries()}  # a Dutch UI heading
    assert "Werkzame factoren" in visible_text(dutch)
    assert any(title in visible_text(dutch) for title in public_titles)
    assert [sentence for sentence in DUTCH_SENTENCES if sentence in visible_text(dutch)]  # the check below can fail

    english = switch_to_english(client, "/")  # the same client: no cached Dutch page may come back
    page = visible_text(english)
    assert '<html lang="en">' in english.content.decode()
    assert english["Content-Language"] == "en"
    assert h1(english) in english_ui and h1(english) != h1(dutch)
    for label in ("What works", "Cases", "Meetings", "Glossary", "Working factors", "Obstacles"):
        assert label in page
    assert any(title in page for title in public_titles), "the demo content is not translated, but it shows"
    assert not [sentence for sentence in DUTCH_SENTENCES if sentence in page]

    client.get("/taal/nl/?next=/")
    assert '<html lang="nl">' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("path", "dutch_heading", "english_heading"),
    [
        ("/wat-werkt/", "Wat werkt", "What works"),
        ("/casussen/", "Casussen", "Cases"),
        ("/bijeenkomsten/", "Bijeenkomsten", "Meetings"),
        ("/begrippen/", "Begrippen", "Glossary"),
        ("/accounts/login/", "Inloggen", "Log in"),
    ],
)
def test_key_pages_have_english_headings_after_switching(client, db, path, dutch_heading, english_heading):
    factor = make_factor("Aansluiten bij wat leeft")
    case = make_case(title="Buurtkamer De Linde")
    case.factor_links.create(factor=factor, explanation="Het begon bij de buren.")
    make_meeting(title="Bijeenkomst werkzame factoren")

    assert h1(client.get(path)) == dutch_heading
    response = switch_to_english(client, path)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert h1(response) == english_heading
    page = visible_text(response)
    assert not [sentence for sentence in DUTCH_SENTENCES if sentence in page]
