# Set-up is part of every target: a fresh clone needs only `make demo` or `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SEEDS   := ../shared/seeds
STORE   ?= var/store
HOST    ?= 127.0.0.1
PORT    ?= 5000

.PHONY: install test demo score clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

# Ingest our own sample pages (and the real seeds when ../shared is beside us), then show the graph.
demo: $(STAMP)
	rm -rf $(STORE)
	$(BIN)/kg ingest --store $(STORE) tests/data/pages $(wildcard $(SEEDS))
	$(BIN)/kg stats --store $(STORE)

score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py --pages $(SEEDS) --gold ../shared/eval/gold --kg "$(BIN)/kg"

clean:
	rm -rf $(VENV) var build *.egg-info
