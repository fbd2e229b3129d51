# Set-up is part of every target: a fresh clone needs only `make demo` or `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SEEDS   := ../shared/seeds
STORE   ?= var/store
HOST    ?= 127.0.0.1
PORT    ?= 5000
# The browser test drives Debian's Chromium; a CJK font makes its screenshots readable.
CHROMIUM := /usr/bin/chromium
# The remote store's tests run against Debian's Virtuoso as well as Oxigraph's server (a pip package).
VIRTUOSO := /usr/bin/virtuoso-t
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install test demo score bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-wqy-microhei

$(VIRTUOSO):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq virtuoso-opensource-7-bin

install: $(STAMP)

test: $(STAMP) $(CHROMIUM) $(VIRTUOSO)
	$(BIN)/python -m pytest

# Ingest our own sample pages (and the real seeds when ../shared is beside us), then serve them.
demo: $(STAMP)
	rm -rf $(STORE)
	$(BIN)/kg ingest --store $(STORE) tests/data/pages tests/data/annotated $(wildcard $(SEEDS))
	$(BIN)/kg stats --store $(STORE)
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --pages $(SEEDS) --gold ../shared/eval/gold --kg "$(BIN)/kg"

# Figures, not pass/fail: how cost grows with the store (synthetic pages; some minutes), and how
# the server holds up while a runaway query runs.
BENCH_SIZES ?= 100000,1000000,5000000
bench: $(STAMP)
	$(BIN)/python bench/scale.py --sizes $(BENCH_SIZES)
	$(BIN)/python bench/serve_under_load.py --pages $(if $(wildcard $(SEEDS)),$(SEEDS),tests/data/annotated)

clean:
	rm -rf $(VENV) var build *.egg-info test-output
