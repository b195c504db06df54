# Two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# CPU wheel by default; GPU users install their CUDA build of torch into .venv first (README).
TORCH_SPEC ?= torch==2.13.0

.PHONY: run test venv builtins bench package clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -c "import torch" 2>/dev/null || $(PY) -m pip install -q "$(TORCH_SPEC)"
	$(PY) -m pip install -q -e ".[test]"
	touch $@

venv: $(VENV)/.installed

run: venv
	$(VENV)/bin/workbench

test: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

builtins: venv
	$(VENV)/bin/workbench build-builtins

bench: venv
	$(VENV)/bin/workbench bench

package:
	packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
