# Every target builds its own virtual environment first, so each works on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench recall fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,gx,dask]'
	touch $(STAMP)

demo: $(STAMP)  ## the main job on the bundled sample reports
	-$(BIN)/crossfoot check reports/

test: $(STAMP)  ## the tests (the corpus acceptance test runs when ../shared/corpus exists)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check lint tests bench

bench: $(STAMP)  ## speed and memory, each next to a floor measured in the same run
	$(BIN)/python bench/run.py
	$(BIN)/python bench/batch.py

fuzz: $(STAMP)  ## the fuzz tests with 5,000 examples each (the normal suite runs 100)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_fuzz.py

recall: $(STAMP)  ## digit typos in corpus relations that hold: how many are caught (-v lists misses)
	$(BIN)/python bench/recall.py -v

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
