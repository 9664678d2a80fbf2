"""The CSP allows exactly the one <style> django-prose-editor's Tiptap adds, nothing inline besides."""

import base64
import hashlib
import re
from pathlib import Path

import django_prose_editor
from django.conf import settings

EDITOR_JS = Path(django_prose_editor.__file__).parent / "static" / "django_prose_editor" / "editor.js"


def tiptap_core_css():
    """The CSS Tiptap's Editor.injectCSS() puts in a <style> element (a template literal in editor.js)."""
    source = EDITOR_JS.read_text()
    name = re.search(r"injectCSS\(\)\{this\.options\.injectCSS&&\"u\">typeof document&&\(this\.css=\w+\((\w+)", source)
    assert name, "Tiptap's injectCSS() changed: look at how the editor adds its CSS again"
    start = source.index(f" {name.group(1)}=`") + len(name.group(1)) + 3
    return source[start : source.index("`", start)]


def test_the_style_hash_in_the_csp_is_that_of_the_installed_editor():
    digest = base64.b64encode(hashlib.sha256(tiptap_core_css().encode()).digest()).decode()
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert f"'sha256-{digest}'" in directives["style-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
