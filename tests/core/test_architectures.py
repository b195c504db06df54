"""The architecture matrix: every architecture of models/zoo.py through every feature of its task.

One test per architecture runs the same cells as docs/architectures.md (workbench/archmatrix.py).
Every applicable cell must pass, except the refusals listed here, which must stay clear one-line
WorkbenchErrors (never an unexpected exception).

The ONNX cells are most of the cost (a torch.export trace is ~17 s of a row's ~22 s on one core),
so `make test` runs them for ONNX_SAMPLE, the architectures whose export differs (positions,
attention, cache) from those the export tests cover, and every other cell for all 33.
WORKBENCH_MATRIX=full runs the ONNX cells for every architecture: `make test-latest` and
`make lock` set it, where new releases of transformers and torch come in, and `make architectures`
writes the whole table.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.archmatrix import APPLIES, ONNX_COLUMNS, render, run_rows
from workbench.models.zoo import ARCHS, BY_NAME

TABLE = Path(__file__).resolve().parents[2] / "docs" / "architectures.md"
# (architecture, column) -> words the refusal must contain.
KNOWN_REFUSALS = {
    ("falcon", "attention"): "cannot switch from sdpa to eager attention",
}
# The module's fixture runs the whole matrix (two rows at a time) in the first test's setup, so the
# first test carries all of it: minutes on 2 cores, more than the suite's per-test 300 s.
pytestmark = pytest.mark.timeout(1200)
REQUIRED = ("gpt2", "gpt_neox", "opt", "llama", "mistral", "qwen2", "qwen3", "gemma2", "phi3", "bert", "distilbert",
            "roberta", "xlm-roberta", "deberta-v2", "electra", "albert", "mpnet", "t5", "bart", "mbart", "marian",
            "pegasus")


# Soft-capping with a sliding-window hybrid cache (gemma2), ALiBi (bloom), falcon's own attention;
# disentangled relative attention (deberta-v2); relative position buckets (t5). The plainest of each
# kind are exported and run on ONNX Runtime by the export tests already: learned positions (gpt2),
# RoPE with grouped KV heads (llama), BERT, BART (test_export_decoder, _encoder, _seq2seq, _builtins).
# phi (partial rotary, parallel block) and modernbert (rotary local/global) left the sample for the
# suite's 15 minutes; WORKBENCH_MATRIX=full (make test-latest, make lock) still exports them.
ONNX_SAMPLE = ("gemma2", "bloom", "falcon", "deberta-v2", "t5")
FULL = os.environ.get("WORKBENCH_MATRIX") == "full"


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """All rows, two architectures at a time (the work is single-threaded tracing; 2 cores)."""
    return run_rows([a.name for a in ARCHS], tmp_path_factory.mktemp("matrix"), jobs=2,
                    onnx=None if FULL else ONNX_SAMPLE)


@pytest.mark.parametrize("name", [a.name for a in ARCHS])
def test_every_feature(name, matrix):
    row = matrix[name]
    applies = APPLIES[BY_NAME[name].kind]
    assert set(row) == (applies if FULL or name in ONNX_SAMPLE else applies - ONNX_COLUMNS)
    for column, cell in row.items():
        assert not cell.unexpected, f"{name}, {column}: {cell.message}"
        refusal = KNOWN_REFUSALS.get((name, column))
        if refusal:
            assert not cell.ok and refusal in cell.message and "\n" not in cell.message
        else:
            assert cell.ok, f"{name}, {column}: {cell.message}"


def test_the_matrix_covers_what_users_load_most():
    names = {a.name for a in ARCHS}
    assert set(REQUIRED) <= names and set(ONNX_SAMPLE) <= names
    assert {BY_NAME[n].kind for n in ONNX_SAMPLE} == {"decoder", "encoder", "seq2seq"}
    fully = names - {n for n, _ in KNOWN_REFUSALS}
    assert len(fully) >= 25


def test_the_committed_table_lists_every_architecture():
    text = TABLE.read_text(encoding="utf-8")
    for a in ARCHS:
        assert f"| {a.name} | {a.kind} |" in text, f"{a.name} is missing: run make architectures"
    assert "unexpected" not in text


def test_render_marks_refusals_with_a_numbered_note():
    from workbench.archmatrix import Cell

    text = render({"gpt2": {"info": Cell(True), "attention": Cell(False, "no maps here")}}, "test")
    assert "| gpt2 | decoder | ✓ | · |" in text and "✗ [1]" in text and "1. **gpt2, attention**: no maps here" in text


def test_unknown_architecture_is_one_line_and_exit_2():
    proc = subprocess.run([sys.executable, "-m", "workbench.archmatrix", "-", "--only", "gpt5"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "unknown architecture gpt5" in proc.stderr
