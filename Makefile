# Weten wat werkt. Quick start: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install messages lint audit bench check clean tools

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# Translators: after editing locale/*/LC_MESSAGES/django.po, run `make messages` (needs
# GNU gettext) and commit both .po and .mo; the compiled .mo files are committed so that
# `make run` and `make test` need nothing but Python and make. No source locations in the .po
# (--no-location): they change with every edit elsewhere and made each merge conflict.
messages: export DJANGO_DEBUG = 1
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l en --ignore=$(VENV) --ignore=staticfiles --ignore=media --no-obsolete --no-location -v 0
	$(BIN)/python manage.py compilemessages --ignore=$(VENV) -v 0

# The local demo lets the demo facilitator in without setting up two-factor
# authentication first; production always requires it (MFA_REQUIRED_FOR_FACILITATORS).
run: export DJANGO_DEBUG = 1
run: export MFA_REQUIRED_FOR_FACILITATORS ?= 0
run: install
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py seed_demo
	@# The task worker (mail, digests, renders) runs beside the web server and stops with it.
	$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Two processes (pytest-xdist): the browser tests wait on Chromium and the live server while the
# other process runs. PYTEST_ARGS="-n 0" runs everything in one process.
PYTEST_ARGS ?= -n 2

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# External checkers some tests run (the Nu Html Checker, Spectral), from npm, pinned in
# .ci/package.json; needs Java and Node. Without them those tests skip locally (CI requires them).
tools: .ci/node_modules/.installed

.ci/node_modules/.installed: .ci/package.json
	cd .ci && npm install --no-audit --no-fund --silent
	touch $@

# ruff (lint and format), the import layers (.importlinter: apps import downward only), and
# migrations that match the models.
lint: export DJANGO_DEBUG = 1
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0

# Known vulnerabilities of the pinned runtime dependencies. pip-audit asks PyPI's vulnerability
# data; where that cannot be reached it lists every package as "could not be audited" and exits 0
# (docs/security.md says how to run it where the internet is reachable).
audit: install
	$(BIN)/pip-audit -r requirements.txt --no-deps --disable-pip --progress-spinner off

bench: install
	bench/run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
