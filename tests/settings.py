"""The test suite runs the production settings module with a throwaway key.

Only what a test run cannot have is set here (a secret, hosts, plain static
files without collectstatic, no HTTPS redirect on the test client); everything
else is exactly what production runs.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_PLAIN_STATIC", "1")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Tests change data behind the pages' backs; public pages are cached only in the tests
# of the cache itself (tests/bench/test_page_cache.py turns it on).
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
# The guest form's reading time (a second) would slow every live test; the guest tests set it back.
os.environ.setdefault("LIVE_GUEST_MIN_SECONDS", "0")
# The walls poll in tests; tests/meetings/test_push.py turns the push stream on where it tests it.
os.environ.setdefault("LIVE_PUSH", "0")
# Tasks run at once in the caller (after the commit that enqueued them); tests of the queue
# itself switch to the dummy backend to look at what was enqueued.
os.environ.setdefault("TASKS_BACKEND", "immediate")

from config.settings import *  # noqa: F403

# One process: allauth's limits may live in this process's memory, and clearing the cache between
# tests needs no database. tests/security/test_shared_limits.py runs two app processes on the
# production caches (the database table when there is no Redis).
if not REDIS_URL:  # noqa: F405
    CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405

# Whitenoise scans every static file whenever a request handler is built, and the test
# client builds one per Client; find the files per request instead (no behaviour change).
WHITENOISE_AUTOREFRESH = True

# The suite tests the demo data and the generator (devtools/, not installed in production).
if "devtools" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
