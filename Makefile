# Every target builds its own virtual environment first, so each works on a fresh machine. The demo
# installs crossfoot alone; the tests add their tools and the optional extras (gx, dask, web).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORE   := $(VENV)/.installed-core
FULL   := $(VENV)/.installed-test

.PHONY: demo test lint bench recall fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(CORE): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $(CORE)

$(FULL): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,gx,dask,web]'
	touch $(CORE) $(FULL)

demo: $(CORE)  ## the main job on the bundled sample reports
	-$(BIN)/crossfoot check reports/

test: $(FULL)  ## the tests (the corpus acceptance test runs when ../shared/corpus exists)
	$(BIN)/python -m pytest -q

lint: $(FULL)
	$(BIN)/ruff check lint tests bench setup.py

bench: $(FULL)  ## speed and memory, each next to a floor measured in the same run
	$(BIN)/python bench/run.py
	$(BIN)/python bench/batch.py

fuzz: $(FULL)  ## the fuzz tests with 5,000 examples each (the normal suite runs 100), every layout variant
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_fuzz.py
	CROSSFOOT_LAYOUTS=all $(BIN)/python -m pytest -q tests/test_layouts.py

recall: $(FULL)  ## digit typos in corpus relations that hold: how many are caught (-v lists misses)
	$(BIN)/python bench/recall.py -v

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
