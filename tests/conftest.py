"""Shared fixtures: tiny random models of each family, built once per session into a temp dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no hub here; the loader must not try the network
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


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
