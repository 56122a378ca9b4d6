# Two commands for a new user:  make run  (install, prepare the model, index corpus/, serve)
#                               make test (install, run the tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: run install prepare index serve test lint audit eval fit clean

run: index serve

install: $(VENV)/.installed

# torch first, pinned: a plain "torch" would pull a multi-GB CUDA build; 2.13.0 is the CPU build here.
$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[test,llm]"
	touch $@

prepare: install
	$(BIN)/wegwijzer prepare

index: prepare
	$(BIN)/wegwijzer ingest

serve: install
	$(BIN)/wegwijzer serve --port $(PORT)

test: install lint
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check assistant ingest web evals wegwijzer tests docs
	$(BIN)/mypy assistant ingest evals wegwijzer web
	$(BIN)/lint-imports
	$(BIN)/bandit --quiet --recursive --severity-level medium assistant ingest web evals wegwijzer

# Known vulnerabilities in the installed packages (needs PyPI's or OSV's vulnerability API).
audit: install
	$(BIN)/pip-audit --skip-editable --progress-spinner off

eval: index
	$(BIN)/wegwijzer eval ../shared/evals/dev.jsonl

# Refit the answer model (assistant/data/answer_model.json) on every labelled set, each over its own
# index, and print each set's numbers with the model fitted on the others. Needs ../shared; 25-35 min on 2 cores.
RDAM_CORPUS ?= ../shared/external/rotterdam-participatiewet
RDAM_DATA   ?= .wegwijzer-rotterdam
QUESTIONS   := ../shared/evals/dev.jsonl ../shared/evals/dev2.jsonl evals/questions/sample-extra.jsonl \
               evals/questions/sample-extra2.jsonl evals/questions/sample-extra3.jsonl evals/questions/sample-extra4.jsonl \
               evals/questions/sample-extra5.jsonl evals/questions/sample-extra6.jsonl evals/questions/sample-extra7.jsonl \
               evals/questions/sample-extra8.jsonl evals/questions/sample-extra9.jsonl evals/questions/sample-extra10.jsonl \
               evals/questions/sample-extra11.jsonl evals/questions/sample-extra12.jsonl evals/questions/sample-extra13.jsonl \
               evals/questions/sample-extra14.jsonl evals/questions/sample-extra15.jsonl \
               evals/questions/sample-extra16.jsonl evals/questions/sample-extra17.jsonl evals/questions/sample-extra18.jsonl \
               evals/questions/sample-extra19.jsonl evals/questions/sample-extra20.jsonl \
               evals/questions/sample-extra21.jsonl evals/questions/sample-extra22.jsonl \
               evals/questions/sample-extra23.jsonl evals/questions/sample-extra24.jsonl \
               evals/questions/sample-extra25.jsonl evals/questions/sample-extra26.jsonl \
               evals/questions/sample-extra27.jsonl \
               evals/questions/sample-extra28.jsonl \
               evals/questions/sample-extra29.jsonl \
               evals/questions/sample-extra30.jsonl \
               evals/questions/sample-extra31.jsonl \
               evals/questions/sample-extra32.jsonl \
               evals/questions/sample-extra33.jsonl \
               evals/questions/sample-extra34.jsonl \
               evals/questions/sample-extra35.jsonl \
               evals/questions/sample-extra36.jsonl \
               evals/questions/sample-extra37.jsonl \
               evals/questions/sample-extra38.jsonl \
               evals/questions/sample-extra39.jsonl \
               evals/questions/sample-extra40.jsonl \
               evals/questions/sample-extra41.jsonl \
               evals/questions/sample-extra42.jsonl \
               evals/questions/sample-extra43.jsonl \
               evals/questions/sample-extra44.jsonl \
               evals/questions/sample-extra45.jsonl evals/questions/sample-extra46.jsonl \
               evals/questions/sample-extra47.jsonl \
               evals/questions/rotterdam.jsonl=$(RDAM_DATA) evals/questions/rotterdam2.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam3.jsonl=$(RDAM_DATA) evals/questions/rotterdam4.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam5.jsonl=$(RDAM_DATA) evals/questions/rotterdam6.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam7.jsonl=$(RDAM_DATA) evals/questions/rotterdam8.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam9.jsonl=$(RDAM_DATA) evals/questions/rotterdam10.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam11.jsonl=$(RDAM_DATA) evals/questions/rotterdam12.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam13.jsonl=$(RDAM_DATA) evals/questions/rotterdam14.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam15.jsonl=$(RDAM_DATA) evals/questions/rotterdam16.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam17.jsonl=$(RDAM_DATA) evals/questions/rotterdam18.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam19.jsonl=$(RDAM_DATA) evals/questions/rotterdam20.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam21.jsonl=$(RDAM_DATA) evals/questions/rotterdam22.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam23.jsonl=$(RDAM_DATA) evals/questions/rotterdam24.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam25.jsonl=$(RDAM_DATA) evals/questions/rotterdam26.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam27.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam28.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam29.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam30.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam31.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam32.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam33.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam34.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam35.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam36.jsonl=$(RDAM_DATA) evals/questions/rotterdam37.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam38.jsonl=$(RDAM_DATA) evals/questions/rotterdam39.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam40.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam41.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam42.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam43.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam44.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam45.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam46.jsonl=$(RDAM_DATA) \
               evals/questions/rotterdam47.jsonl=$(RDAM_DATA)
fit: index
	WEGWIJZER_DATA_DIR=$(RDAM_DATA) $(BIN)/wegwijzer ingest --quiet $(RDAM_CORPUS)
	$(BIN)/wegwijzer fit $(QUESTIONS) --check

clean:
	rm -rf $(VENV) .wegwijzer .wegwijzer-rotterdam
