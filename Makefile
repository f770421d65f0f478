# Two entry points (see README): `make demo` builds the bundled examples, `make test` runs every test.
# Both set up what they need first: the demo only kg and its Python packages; the tests also their
# tools (pytest, the Oxigraph server, Playwright) and system packages (Virtuoso, Chromium).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test setup system-deps lint

demo: $(VENV)/.installed
	$(BIN)/kg build examples -o exports/graph.ttl --store exports/store
	$(BIN)/kg validate exports/graph.ttl
	$(BIN)/kg viz --graph exports/graph.ttl -o exports/graph.html
	$(BIN)/kg report --store exports/store -o exports/report.html
	# screenshots of both pages at their default state (Playwright and Chromium: `make test` installs them)
	$(BIN)/python scripts/screenshot.py exports/graph.html exports/graph.png || echo "no screenshot: install the browser extra"
	$(BIN)/python scripts/screenshot.py --page exports/report.html exports/report.png || echo "no screenshot: install the browser extra"
	$(BIN)/kg stats --graph exports/graph.ttl

test: $(VENV)/.installed-test system-deps
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	scripts/system-deps.sh
