"""Attention within a memory budget: the estimate, the cut with its note, and the CLI's summary."""

from __future__ import annotations

import pytest

from workbench.attention.budget import BUDGET_ENV, budget_bytes, extraction_bytes, max_tokens

TEXT = "the cat sat on the mat and the dog ran in the park while a bird sang in the tree " * 3


def test_the_longest_text_that_fits_is_the_largest_within_the_budget():
    for layers, heads, budget in ((24, 14, 5 * 2**30), (2, 4, 2**20), (32, 32, 10**9)):
        n = max_tokens(layers, heads, budget)
        assert extraction_bytes(layers, heads, n) <= budget < extraction_bytes(layers, heads, n + 1)
    # Qwen2.5-0.5B's shape at 1,860 tokens: 4.65 GB of float32 maps, 5.0 GB with one layer's scores.
    assert extraction_bytes(24, 14, 1860) == pytest.approx(5.04e9, rel=0.01)


def test_the_budget_is_a_setting_or_a_quarter_of_free_memory(monkeypatch):
    from workbench.attention import budget

    monkeypatch.setattr(budget, "available_bytes", lambda: 8 * 2**30)
    monkeypatch.setattr(budget, "ram_and_resident", lambda: (24 * 2**30, 2**30))
    monkeypatch.delenv(BUDGET_ENV, raising=False)
    assert budget_bytes() == 2 * 2**30
    # A memory-mapped model's pages count as free, yet the forward needs them: they are set aside.
    assert budget_bytes(model_bytes=4 * 2**30) == 2**30
    # Never past 75% of the RAM: a 14.5 GB model on 24 GB leaves 3.5 GB, though 22 GB look free.
    monkeypatch.setattr(budget, "available_bytes", lambda: 40 * 2**30)
    assert budget_bytes(model_bytes=int(16.5 * 2**30)) == int(1.5 * 2**30)
    monkeypatch.setenv(BUDGET_ENV, "300")
    assert budget_bytes() == 300 * 2**20
    budget.set_budget_mb(120)  # the Attention page's setting, or --max-memory: before the variable
    try:
        assert budget_bytes() == 120 * 2**20 and "as chosen" in budget.budget_origin()
    finally:
        budget.set_budget_mb(None)
    assert budget_bytes() == 300 * 2**20


def test_a_text_over_the_budget_is_cut_and_says_why(tiny_gpt2, monkeypatch):
    from workbench.attention.maps import extract_attention
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec

    loaded = load_model(ModelSpec(str(tiny_gpt2)))
    full = extract_attention(loaded, TEXT)
    assert full.truncated_from is None
    layers, heads = loaded.info.num_layers, loaded.info.num_heads
    monkeypatch.setenv(BUDGET_ENV, str(extraction_bytes(layers, heads, 20) / 2**20))
    cut = extract_attention(loaded, TEXT)
    assert len(cut.tokens) == 20 and cut.truncated_from == len(full.tokens)
    assert any("kept the first 20" in n and "attention memory budget" in n for n in cut.notes)
    assert cut.weights.shape == (layers, heads, 20, 20)
    # Causal attention: the first 20 tokens' maps are those of the whole text's first 20 rows.
    assert abs(cut.weights - full.weights[:, :, :20, :20]).max() < 1e-5


def test_cli_prints_each_tokens_strongest_keys_not_the_matrix(tiny_gpt2, capsys):
    from workbench.cli import main

    assert main(["attention", str(tiny_gpt2), "the cat sat on the mat", "--top", "2", "--head", "mean"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if "→" in line]
    assert len(rows) == 6 and all(line.count(" · ") == 1 for line in rows)  # two keys each
    assert "strongest keys" in out


@pytest.mark.parametrize("flag", [["--max-memory", "0"], ["--top", "0"]])
def test_cli_refuses_bad_limits(tiny_gpt2, capsys, flag):
    from workbench.cli import main

    assert main(["attention", str(tiny_gpt2), "the cat", *flag]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("workbench: error:")


def test_cli_extracts_only_the_layer_it_shows(tiny_gpt2, capsys, monkeypatch):
    """One layer asked for: only it is caught (the forward stops after it), with the same numbers
    as when every layer is extracted (--patterns needs them all)."""
    from workbench.attention import maps
    from workbench.cli import main

    asked = []
    real = maps.extract_from_ids
    monkeypatch.setattr(maps, "extract_from_ids", lambda *a, **k: asked.append(k.get("layers")) or real(*a, **k))
    assert main(["attention", str(tiny_gpt2), "the cat sat on the mat", "--layer", "1"]) == 0
    one = [line for line in capsys.readouterr().out.splitlines() if "→" in line]
    assert main(["attention", str(tiny_gpt2), "the cat sat on the mat", "--layer", "1", "--patterns"]) == 0
    every = [line for line in capsys.readouterr().out.splitlines() if "→" in line]
    assert asked == [[1], None] and one == every and len(one) == 6
    assert main(["attention", str(tiny_gpt2), "the cat", "--layer", "7"]) == 2
    assert "Layer must be between 0 and 1" in capsys.readouterr().err
