# Two commands a new user needs: `make run` and `make test`. Both install the exact versions the
# suite passed on, from the lock (constraints.txt, written by `make lock`).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# CPU wheel by default; GPU users install their CUDA build of torch into .venv first (README).
TORCH_SPEC ?= torch==2.13.0
# pip constraints; "none" = the newest releases within pyproject's ranges.
LOCK ?= constraints.txt
# The oldest transformers the project supports, read from pyproject (transformers>=X).
TRANSFORMERS_FLOOR := $(shell sed -n 's/.*"transformers>=\([0-9.]*\).*/\1/p' pyproject.toml)
# Two test processes (pytest-xdist), a file each at a time (module fixtures stay whole): most tests
# keep one core busy, so one process left the second core idle half the time.
TEST_JOBS ?= 2
PYTEST = QT_QPA_PLATFORM=offscreen $(1)/bin/python -m pytest -q -p no:cacheprovider -n $(TEST_JOBS) --dist loadfile

export PYTHON TORCH_SPEC WORKBENCH_MATRIX

.PHONY: translations run test venv lock test-latest test-oldest builtins bench architectures package clean

$(VENV)/.installed: pyproject.toml packaging/venv.sh $(filter-out none,$(LOCK))
	packaging/venv.sh $(VENV) test $(LOCK)
	touch $@

venv: $(VENV)/.installed

run: venv
	$(VENV)/bin/workbench

test: venv
	$(call PYTEST,$(VENV))

# Upgrade within pyproject's ranges, run the suite on the result, keep it only if it passes.
lock:
	packaging/lock.sh

# A fresh venv with today's newest releases (what a plain `pip install` gets), then the suite.
# WORKBENCH_MATRIX=full: the architecture matrix's ONNX cells for all 33 architectures, not a sample.
test-latest:
	rm -rf .venv-latest
	$(MAKE) test VENV=.venv-latest LOCK=none WORKBENCH_MATRIX=full

# The lock, with transformers at the floor of the supported range.
test-oldest:
	rm -rf .venv-oldest
	packaging/venv.sh .venv-oldest test $(LOCK)
	.venv-oldest/bin/python -m pip install -q "transformers==$(TRANSFORMERS_FLOOR)"
	$(call PYTEST,.venv-oldest)

builtins: venv
	$(VENV)/bin/workbench build-builtins

# The Chinese UI's catalogue: `update` collects new strings into resources/i18n/*/*.ts, then
# translate them; the app compiles the .ts itself when no .qm is built.
translations: venv
	$(PY) packaging/translations.py update
	$(PY) packaging/translations.py release

bench: venv
	$(VENV)/bin/workbench bench

# The architecture table: every architecture of workbench/models/zoo.py through every feature.
architectures: venv
	$(PY) -m workbench.archmatrix docs/architectures.md

package:
	packaging/build.sh

clean:
	rm -rf $(VENV) .venv-latest .venv-oldest .venv-lock .venv-lock-tools .venv-package build dist *.egg-info
