# Cổng thông tin điện tử tỉnh — developer commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help run test test-browser lint format check services bench drills audit clean lighthouse

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Links in pages and e-mails must name an address a browser can open, not 0.0.0.0.
LINK_HOST = $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST))

run: $(BIN)/.installed ## Serve the demo portal on SQLite (HOST, PORT override 127.0.0.1:8000)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py set_site_address $(HOST) $(PORT)
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py ensure_demo_accounts
	BASE_URL=http://$(LINK_HOST):$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: check ## Checks, then the whole suite against throwaway PostgreSQL and Elasticsearch
	bin/with-test-services $(BIN)/python -m pytest $(PYTEST_ARGS)

test-browser: check ## Only the real-browser tests (Chromium + axe-core), screenshots in test-artifacts/
	bin/with-test-services $(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

check: $(BIN)/.installed ## Django checks, missing migrations and ruff (run first by `make test`)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint: check ## Alias of `make check`

format: $(BIN)/.installed ## Fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.installed ## Page-serving benchmark on a production-like stack (report in bench/results/)
	command -v wrk >/dev/null || { S=""; [ "$$(id -u)" = 0 ] || S=sudo; $$S apt-get install -y -qq wrk || { $$S apt-get update -qq && $$S apt-get install -y -qq wrk; }; }
	$(BIN)/python bench/ops.py

drills: $(BIN)/.installed ## Reliability drills (ES/PG outages, index rebuild, 1,000 questions, scale-out) on their own stack
	command -v nginx >/dev/null || { S=""; [ "$$(id -u)" = 0 ] || S=sudo; $$S apt-get install -y -qq nginx || { $$S apt-get update -qq && $$S apt-get install -y -qq nginx; }; }
	$(BIN)/python bench/drills.py $(DRILLS)

lighthouse: $(BIN)/.installed ## Lighthouse 12 (mobile) scores of each page type on a production-like stack
	$(BIN)/python bench/lighthouse.py

audit: $(BIN)/.installed ## Known vulnerabilities in the pinned dependencies (pip-audit; fails if it cannot run)
	bin/audit

clean: ## Remove the virtualenv, caches and the local SQLite database
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache db.sqlite3 test-artifacts
