# Two commands do all the set-up: `make run` (the app on the shipped data) and `make test` (everything).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast validate build site lint bench browser-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/python -m uv pip install --quiet --python $(BIN)/python -e ".[test]"
	touch $(STAMP)

# html-validate for the test of the exported pages, pinned in tests/js/package-lock.json (npm registry).
NODE_TOOLS := tests/js/node_modules/.installed
$(NODE_TOOLS): tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent
	touch $(NODE_TOOLS)

run: $(STAMP)
	$(BIN)/python -m twinnings validate
	-$(BIN)/python -m twinnings fetch-boundaries --if-missing
	$(BIN)/python -m twinnings serve

browser-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "noto sans cjk"; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "installing Debian chromium and fonts-noto-cjk for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else \
		echo "Browser tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install chromium fonts-noto-cjk"; \
	fi

# Checks first (seconds), then the tests on both cores: one app server and one browser per worker; the
# tests of one module share a worker, and tests/site/ one worker, which builds the site once (tests/conftest.py).
CHECKS = $(BIN)/ruff check twinnings pages app.py scripts tests bench \
	&& $(BIN)/deptry . \
	&& $(BIN)/python -m twinnings validate
PYTEST = $(BIN)/python -m pytest -q -n 2

test: $(STAMP) $(NODE_TOOLS) browser-deps
	$(CHECKS)
	$(PYTEST)

# Everything but the browser tests.
test-fast: $(STAMP) $(NODE_TOOLS)
	$(CHECKS)
	$(PYTEST) -m "not browser"

validate: $(STAMP)
	$(BIN)/python -m twinnings validate

build: $(STAMP)
	$(BIN)/python -m twinnings build

site: $(STAMP) browser-deps
	$(BIN)/python -m twinnings export-site site

bench: $(STAMP) browser-deps
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check twinnings pages app.py scripts tests bench
	$(BIN)/ruff format --check twinnings pages app.py scripts tests bench

clean:
	rm -rf $(VENV) artifacts .pytest_cache
