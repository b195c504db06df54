"""Shared fixtures: tiny random models of each family, built once per session into a temp dir."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no hub here; the loader must not try the network
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class _LibraryNotices(logging.Handler):
    """Collects transformers' log lines that say an API is deprecated or a setting is not understood."""

    PATTERN = re.compile(r"deprecat|unrecognized", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if self.PATTERN.search(record.getMessage()):
            self.lines.append(record.getMessage())


@pytest.fixture(autouse=True)
def _no_transformers_notices():
    """Fail the test during which transformers logs a deprecation (its FutureWarnings are errors
    through pyproject's filterwarnings). The supported range must run without any: 5.24 renamed
    past_key_values and logs each use of the old name. The library logger is opened to warnings
    for this (the env sets it to errors); many notices are logged once per process, so the
    first test to trigger one is the one that fails."""
    from transformers.utils import logging as hf_logging

    root = hf_logging.get_logger()
    notices, level = _LibraryNotices(), root.level
    root.setLevel(logging.WARNING)
    root.addHandler(notices)
    yield
    root.removeHandler(notices)
    root.setLevel(level)
    assert not notices.lines, f"transformers logged: {notices.lines}"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Recent models, settings and runs go to a temp dir, never the user's home."""
    home = tmp_path_factory.getbasetemp() / "workbench-home"
    monkeypatch.setenv("WORKBENCH_HOME", str(home))


def _tiny(tmp_path_factory, family: str) -> Path:
    from workbench.models.synthetic import build_random_model

    return build_random_model(family, tmp_path_factory.mktemp(f"tiny-{family}"))


@pytest.fixture(scope="session")
def tiny_gpt2(tmp_path_factory) -> Path:
    return _tiny(tmp_path_factory, "gpt2")


@pytest.fixture(scope="session")
def tiny_llama(tmp_path_factory) -> Path:
    return _tiny(tmp_path_factory, "llama")


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory) -> Path:
    return _tiny(tmp_path_factory, "bert")


@pytest.fixture(scope="session")
def tiny_bert_mlm(tmp_path_factory) -> Path:
    return _tiny(tmp_path_factory, "bert-mlm")


@pytest.fixture(scope="session")
def tiny_bert_cls(tmp_path_factory) -> Path:
    return _tiny(tmp_path_factory, "bert-cls")


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory) -> Path:
    return _tiny(tmp_path_factory, "bart")


@pytest.fixture(scope="session")
def tiny_t5(tmp_path_factory) -> Path:
    return _tiny(tmp_path_factory, "t5")
