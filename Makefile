# Sovereign AI Atlas: `make run` starts the dashboard, `make test` runs every check.
# Both set up what they need on a fresh Debian machine: a virtualenv with the pinned
# requirements (requirements.txt: what the app needs to run, the only file the Docker image
# installs; requirements-dev.txt: test and lint tools) and, for the browser tests, Debian's Chromium.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup chromium nginx run serve test lint validate conformance bench scale load scale-out audit screenshots clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements-build.txt requirements.txt requirements-dev.txt
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements-build.txt
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

run: setup                     # one process, for development
	$(BIN)/streamlit run dashboard.py --server.port $(PORT)

serve: setup nginx             # the way to serve: one replica per core behind nginx (sticky), on $(PORT)
	$(BIN)/python deploy/serve.py --port $(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

validate: setup
	$(BIN)/python -m atlas validate data

conformance: setup            # the official Frictionless validator on data/ and on a freshly exported ZIP
	$(BIN)/frictionless validate data/datapackage.json
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(BIN)/python -m atlas export --zip "$$tmp/atlas.zip" && $(BIN)/frictionless validate "$$tmp/atlas.zip"

test: setup chromium nginx lint validate conformance
	$(BIN)/python -m pytest

nginx:
	@command -v nginx >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y nginx-light; }

bench: setup chromium          # performance figures against the targets (prints a table)
	cd bench && ../$(BIN)/python run_all.py --write docs/benchmarks.md

scale: setup                   # every page, the ZIP and the report on a synthetic ×250 dataset (~200,000 claims)
	cd bench && ../$(BIN)/python scale.py --factor 250

load: setup                    # 50 concurrent sessions, then 3 soak waves (prints and writes docs/load-soak.md)
	cd bench && ../$(BIN)/python load.py --write docs/load-soak.md

scale-out: setup nginx         # 2 replicas behind nginx on loopback, 100 sessions, sticky and spread
	cd bench && ../$(BIN)/python scale_out.py

audit: setup                   # known advisories in the pinned requirements (says so when no database answers)
	$(BIN)/pip install --quiet pip-audit==2.10.1
	$(BIN)/python scripts/audit.py

screenshots: setup chromium
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
