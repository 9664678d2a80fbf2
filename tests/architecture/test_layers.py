"""The layers of .importlinter hold for templates and module sizes too (issue 12).

import-linter checks Python imports (function-local ones included). Templates
are not Python: a factors template that loads a tag library of meetings, or
includes a portal partial, would depend upward unseen. These tests read every
template and hold it to the same order.
"""

import ast
import configparser
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Template folders that are not named after their app.
TEMPLATE_OWNER = {
    "live": "meetings",
    "posters": "portal",
    "forms": "cop",
    "errors": "ops",
    "allauth": "privacy",
    "account": "privacy",
    "mfa": "privacy",
    "visuals": "visuals",
}
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def layers():
    """App → rank from the layers contract: 0 is the top."""
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    ranks = {}
    lines = [line for line in config["importlinter:contract:layers"]["layers"].splitlines() if line.strip()]
    for rank, line in enumerate(lines):
        for app in line.split("|"):
            if app.strip():
                ranks[app.strip()] = rank
    return ranks


def tag_libraries():
    """Tag library name → the app that defines it."""
    found = {}
    for path in ROOT.glob("*/templatetags/*.py"):
        if path.stem != "__init__":
            found[path.stem] = path.parent.parent.name
    return found


def owner(template):
    """The app a template belongs to (None: the shared layout at the root of templates/, the top)."""
    parts = template.relative_to(ROOT / "templates").parts
    if len(parts) == 1:
        return None
    return TEMPLATE_OWNER.get(parts[0], parts[0])


TEMPLATES = sorted((ROOT / "templates").rglob("*.html")) + sorted((ROOT / "templates").rglob("*.svg"))


def test_the_layers_and_libraries_are_known():
    ranks = layers()
    assert ranks["portal"] < ranks["meetings"] < ranks["cases"] < ranks["factors"] < ranks["glossary"] < ranks["cop"]
    assert {"factor_visuals", "meeting_visuals", "glossary", "visuals", "jsonld"} <= set(tag_libraries())
    assert len(TEMPLATES) > 100


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT / "templates")))
def test_a_template_depends_only_on_its_own_layer_or_lower(template):
    ranks, libraries = layers(), tag_libraries()
    app = owner(template)
    if app is None:
        return  # the site layout (base.html, error pages) is rendered by every layer
    text = template.read_text()
    for names in LOAD.findall(text):
        for name in names.split():
            if name in libraries and name != "from":
                lower = libraries[name]
                assert ranks[lower] >= ranks[app], f"{app} template loads {name} of {lower}"
    for target in INCLUDE.findall(text):
        included = owner(ROOT / "templates" / target)
        if included is not None:
            assert ranks[included] >= ranks[app], f"{app} template includes {target} of {included}"


APPS = [
    "cop", "glossary", "factors", "cases", "meetings", "portal", "privacy", "ops", "notifications", "visuals", "config",
    "devtools",
]  # fmt: skip


def app_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


@pytest.mark.parametrize("path", list(app_modules()), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_of_app_code_is_over_600_lines(path):
    lines = len(path.read_text().splitlines())
    assert lines <= 600, f"{path.relative_to(ROOT)} has {lines} lines"


def test_project_modules_are_imported_at_the_top():
    """Function-local imports of the project's own modules hide dependencies; AppConfig.ready() may import."""
    local = []
    for path in app_modules():
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name != "ready":
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (inner.module or "").split(".")[0] in APPS:
                        local.append(f"{path.relative_to(ROOT)}:{inner.lineno} {inner.module}")
    assert local == []
