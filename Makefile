# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2

.PHONY: run serve install install-dev assets migrate demo static test test-browser lint format check-deploy worker scheduler clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Bootstrap Italia comes from npm (version pinned in package.json / package-lock.json) and is
# copied into assets/, which Django collects as static files. Neither folder is committed.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# The public site loads bootstrap-italia.min.js (the kit without video.js, Popper, Splide: see
# templates/base.html); the stamp's name changes with the list of files copied.
assets/bootstrap-italia/.built-2: node_modules/.package-lock.json
	rm -rf assets/bootstrap-italia
	mkdir -p assets/bootstrap-italia/js
	cp -r node_modules/bootstrap-italia/dist/css node_modules/bootstrap-italia/dist/fonts \
	      node_modules/bootstrap-italia/dist/svg assets/bootstrap-italia/
	cp node_modules/bootstrap-italia/dist/js/bootstrap-italia.bundle.min.js \
	   node_modules/bootstrap-italia/dist/js/bootstrap-italia.min.js assets/bootstrap-italia/js/
	touch $@

assets: assets/bootstrap-italia/.built-2

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

static: install assets
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

# Serve with gunicorn, the task worker (documents, webhooks, reindexing) and the scheduler
# (scheduled publishing) side by side; Ctrl-C stops all three.
run: demo static
	@echo ""
	@echo "  Sito pubblico:   http://$(HOST):$(PORT)/"
	@echo "  Amministrazione: http://$(HOST):$(PORT)/admin/"
	@echo "  Accesso demo:    admin / demo-admin-2026 (anche: redattore, moderatore, coordinatore; stessa password)"
	@echo ""
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py db_worker --queue-name default & \
	$(BIN)/python manage.py run_scheduler & \
	$(BIN)/gunicorn cms.wsgi:application --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --log-level info

worker: install
	$(BIN)/python manage.py db_worker

scheduler: install
	$(BIN)/python manage.py run_scheduler

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The whole suite: lint, then pytest. DATABASE_URL=postgres://... runs it on PostgreSQL.
# The browser tests (tests/browser/) need assets/ (Bootstrap Italia) and axe-core from npm,
# and Chromium at /usr/bin/chromium (apt-get install chromium): skipped without it, unless CI is set.
test: install-dev assets
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=cms.settings.test
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest

# Only the browser tests (also part of `make test`).
test-browser: install-dev assets
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest tests/browser

clean:
	rm -rf $(VENV) node_modules assets static
