# The two commands of the README: `make run` and `make test`.
# Both create .venv/ with the project installed, on a machine with only Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false

# Corpus sizes (articles) for the scale step of `make bench`; e.g. make bench BENCH_SIZES=1000,10000
BENCH_SIZES ?= 1000

.PHONY: run test bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsfigures run --seeds seeds --output output

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) output/*.parquet output/quality

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	$(BIN)/python -m benchmarks.extraction --seeds seeds --megabytes 2
	$(BIN)/python -m benchmarks.accuracy
	$(BIN)/python -m benchmarks.scale --sizes $(BENCH_SIZES)
