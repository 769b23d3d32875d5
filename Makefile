# Two commands do everything on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

SERVE ?= 1
DEMO_DB := demo.duckdb

# The demo: a ten-week crisis (samples/demo-crisis.jsonl) into a fresh store, its escalation
# alerts, and the dashboard on http://127.0.0.1:8000 (Ctrl-C stops it; SERVE=0 skips it).
demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/redline ingest samples/demo-crisis.jsonl --db $(DEMO_DB)
	$(BIN)/redline alerts --db $(DEMO_DB)
	if [ "$(SERVE)" != 0 ]; then $(BIN)/redline serve --db $(DEMO_DB); fi

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build src/*.egg-info
