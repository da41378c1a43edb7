# AskFirst's commands. `make help` lists them; `make run` and `make test` are all a
# newcomer needs: each creates the virtual environment and compiles the catalogs first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
# Debian packages: what building the Python packages needs (ICU for PyICU, which sorts lists
# in each language's order), what the PDF needs (Pango for WeasyPrint; fonts for Latin,
# Cyrillic, Arabic and Persian, Chinese, and Nanum for Korean), and what the tests add
# (Chromium for the browser tests, Redis for the shared rate limit, nginx and openssl for
# the deployment test's proxy and its certificate).
BUILD_PACKAGES := libicu-dev pkg-config g++
RUN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-droid-fallback fonts-nanum
TEST_PACKAGES := $(RUN_PACKAGES) chromium redis-server nginx openssl
# Test processes for `make test` (pytest-xdist): one per core (2 on the project's machines).
# Each starts its own site and Chromium on free ports; `make test JOBS=0` runs without workers.
JOBS ?= auto
# What `make dev` watches besides the Python files: a change to any of them restarts the site.
WATCHED := $(shell find content templates static -type f 2>/dev/null | sort | paste -sd: -)
# pip-compile's flags for the locks: every package pinned with its hashes, pip and
# setuptools included (pip-tools needs them), no extras, and no index or find-links
# lines, so that a lock made on one machine installs on any.
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host

.DEFAULT_GOAL := help
.PHONY: help run dev serve public-base-url bench test lint routes lock upgrade build-packages run-packages test-packages compile extract update \
	new-language stamp check-translations review-status readability clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("AskFirst needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

# Two stamps, one per lock: `make run` installs only what the site needs; `make test` adds
# the test tools. Each is installed again when its lock changes, whichever ran last.
$(BIN)/.installed-run: requirements.txt | $(BIN)/python build-packages
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(BIN)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

compile: $(BIN)/.installed-run ## Compile the translation catalogs (.po -> .mo)
	$(BIN)/pybabel compile -d translations --statistics

run: compile run-packages ## Run the site on http://127.0.0.1:5000
	$(BIN)/flask --app app run --host $(HOST) --port $(PORT)

dev: compile run-packages ## Develop: reloads when Python, content, templates or static files change
	@echo "$(BIN)/flask --app 'app:create_app(\"development\")' run --reload --no-debugger --extra-files <every file in content/, templates/ and static/> --host $(HOST) --port $(PORT)"
	@$(BIN)/flask --app 'app:create_app("development")' run --reload --no-debugger \
		--extra-files '$(WATCHED)' --host $(HOST) --port $(PORT)

serve: public-base-url compile run-packages ## Serve as a deployment would: gunicorn, settings from gunicorn.conf.py
	$(BIN)/gunicorn --config gunicorn.conf.py

# Without the site's own address, a forged Host header could become the address in links.
public-base-url:
	@test -n "$$ASKFIRST_PUBLIC_BASE_URL" || { echo "make serve needs ASKFIRST_PUBLIC_BASE_URL," \
		"the site's public address (e.g. https://askfirst.example). See README.md, Deploying."; exit 1; }

bench: compile $(BIN)/.installed-dev test-packages ## Benchmark pages, PDFs and memory against a bare Flask floor (VIA=nginx: through nginx)
	$(call install-packages,wrk,exit 1)
	$(BIN)/python tools/bench.py $(if $(VIA),--via $(VIA))

# --dist loadgroup: tests spread one by one over the workers, except those marked with one
# xdist_group (the gunicorn and Redis pair), which share a worker and so start once.
test: compile test-packages $(BIN)/.installed-dev ## Run the whole test suite, on every core
	$(BIN)/pytest -n $(JOBS) --dist loadgroup

lint: $(BIN)/.installed-dev ## Check style and import order with ruff
	$(BIN)/ruff check .

routes: $(BIN)/.installed-run ## After changing a URL on purpose: rewrite tests/routes.txt
	$(BIN)/python -m tools.routes

# Installs the Debian packages that are missing (apt-get, so root or a machine that has
# them). $(2) is what to do if that fails: the site runs without them (the PDF link then
# answers 503), the tests do not.
define install-packages
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } \
		|| { echo "Could not install: $$missing"; $(2); }; \
	fi
endef

build-packages:
	$(call install-packages,$(BUILD_PACKAGES),exit 1)

run-packages:
	$(call install-packages,$(RUN_PACKAGES),echo "Running without them: the PDF download is off")

test-packages:
	$(call install-packages,$(TEST_PACKAGES),exit 1)

# The locks. pip-compile keeps every pin it can unless told to upgrade; the dev lock is
# constrained by the runtime one (`-c requirements.txt` in requirements-dev.in), so a
# package both use has one version.
lock: $(BIN)/.installed-dev ## Re-resolve requirements*.txt from requirements*.in, keeping pins
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile $(LOCK_FLAGS) $(UPGRADE_FLAGS) \
		--output-file requirements.txt requirements.in
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile $(LOCK_FLAGS) $(UPGRADE_FLAGS) \
		--output-file requirements-dev.txt requirements-dev.in

upgrade: ## Upgrade the locks to the newest versions the .in files allow (PACKAGE=name: just that one)
	$(MAKE) lock UPGRADE=1

# `make lock UPGRADE=1` is `make upgrade`; PACKAGE narrows an upgrade to one package.
UPGRADE_FLAGS = $(if $(UPGRADE),$(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade))

extract: $(BIN)/.installed-run ## Collect translatable strings into translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-by-file --add-comments=Translators: \
		-k _l -k lazy_gettext -k pgettext:1c,2 --project=AskFirst --copyright-holder="AskFirst contributors" \
		-o translations/messages.pot .

update: extract ## Merge new strings into every language's catalog
	$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete

new-language: extract ## Start a new language's catalog: make new-language LOCALE=pt_BR
	@test -n "$(LOCALE)" || (echo "Say which, as a gettext locale: make new-language LOCALE=pt_BR" && exit 1)
	$(BIN)/pybabel init -i translations/messages.pot -d translations -l $(LOCALE)

stamp: $(BIN)/.installed-run ## After updating a language's content: make stamp LANG_CODE=fr
	@test -n "$(LANG_CODE)" || (echo "Say which: make stamp LANG_CODE=fr" && exit 1)
	$(BIN)/python tools/translations.py stamp $(LANG_CODE)

check-translations: $(BIN)/.installed-run ## List translated texts whose English changed since
	$(BIN)/python tools/translations.py check

review-status: $(BIN)/.installed-run ## Per language, what is reviewed, stale and unreviewed (LANG_CODE=fr: one)
	$(BIN)/python tools/translations.py status $(LANG_CODE)

readability: $(BIN)/.installed-dev ## Print the reading grade of every text
	$(BIN)/python tools/readability.py

clean: ## Remove the virtual environment and compiled catalogs
	rm -rf $(VENV) translations/*/LC_MESSAGES/*.mo .pytest_cache
