# The two commands the README promises: `make serve` and `make test`.
# Everything else (the Python environment, Chromium for browser tests) is set up on demand.
PY ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
SYNCED := $(VENV)/.synced
export NO_MKDOCS_2_WARNING := 1
# Keep compiled bytecode: without it every build recompiles Altair, pandas and MkDocs.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: env serve build validate schema test test-fast test-browser lint chromium bench clean

# uv comes from a hash-checked requirements file: pip refuses a wheel whose hash is not listed.
$(UV): scripts/uv-requirements.txt
	$(PY) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check --only-binary=:all: \
		--require-hashes -r scripts/uv-requirements.txt
	touch $@

# uv.lock pins every version; --locked refuses to build if pyproject.toml and the lock disagree.
$(SYNCED): $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	touch $@

env: $(SYNCED)

# A preview: draft years are shown too (the published site leaves them out).
serve: env
	PORTAL_PREVIEW=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: env
	$(BIN)/mkdocs build --strict

validate: env
	$(BIN)/portal validate

# data/schema/ is generated from portal/models: run this after changing a model.
schema: env
	$(BIN)/portal schema

lint: env
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

chromium:
	@sh scripts/ensure-chromium.sh

test: env chromium lint
	$(BIN)/pytest

test-fast: env
	$(BIN)/pytest -m "not browser"

test-browser: env chromium
	$(BIN)/pytest -m browser

# Lighthouse 13 from the npm registry (benchmarks/package-lock.json); Chromium is Debian's.
LIGHTHOUSE := benchmarks/node_modules/.bin/lighthouse
$(LIGHTHOUSE): benchmarks/package.json benchmarks/package-lock.json
	cd benchmarks && PUPPETEER_SKIP_DOWNLOAD=1 CHROMEDRIVER_SKIP_DOWNLOAD=true \
		npm ci --silent --no-audit --no-fund
	touch $@

bench: env chromium $(LIGHTHOUSE)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .cache
