"""Head selection (workbench.attention.select), shared by the CLI, the Attention page and the
Training page's replay: the matrices it picks, its InputErrors, and the CLI's one-line exit 2."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.attention.aggregate import max_heads, mean_heads, rollout
from workbench.attention.select import AGGREGATES, head_options, select_matrix
from workbench.errors import InputError


def _weights(layers: int = 2, heads: int = 3, q: int = 5, k: int = 5) -> np.ndarray:
    w = np.random.default_rng(0).random((layers, heads, q, k)).astype(np.float32)
    return w / w.sum(-1, keepdims=True)


def test_heads_and_aggregations():
    w = _weights()
    np.testing.assert_array_equal(select_matrix(w, 1, 2), w[1, 2])
    np.testing.assert_array_equal(select_matrix(w, 1, "2"), w[1, 2])  # as the CLI and the page's menu give it
    np.testing.assert_array_equal(select_matrix(w, 0, "mean"), mean_heads(w)[0])
    np.testing.assert_array_equal(select_matrix(w, 0, "max"), max_heads(w)[0])
    np.testing.assert_array_equal(select_matrix(w, 1, "rollout"), rollout(w)[1])


def test_menu_order_is_heads_then_aggregations():
    options = head_options(2)
    assert options == [("0", "head 0"), ("1", "head 1"), ("mean", "mean of heads"), ("max", "max of heads"),
                       ("rollout", "rollout")]
    assert [c for c, _ in options[2:]] == list(AGGREGATES)


@pytest.mark.parametrize("layer,head,message", [
    (2, 0, "Layer must be between 0 and 1"),
    (-1, 0, "Layer must be between 0 and 1"),
    (0, 3, "Head must be between 0 and 2, or mean, max, rollout"),
    (0, "-1", "Head must be between 0 and 2"),
    (0, "median", "Head must be between 0 and 2"),
])
def test_bad_choices_are_input_errors(layer, head, message):
    with pytest.raises(InputError, match=message):
        select_matrix(_weights(), layer, head)


def test_rollout_of_cross_attention_is_an_input_error():
    cross = _weights(q=3, k=5)  # decoder queries x encoder keys
    with pytest.raises(InputError, match="Rollout needs self-attention"):
        select_matrix(cross, 0, "rollout")
    assert select_matrix(cross, 0, "mean").shape == (3, 5)


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    from workbench.cli import main

    code = main(["attention", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("args,expected", [
    (("--head", "9"), "Head must be between 0 and 3, or mean, max, rollout"),
    (("--layer", "5"), "Layer must be between 0 and 1"),
    (("--head", "everything"), "Head must be between"),
])
def test_cli_bad_head_or_layer_is_one_line_and_exit_2(capsys, tiny_gpt2, args, expected):
    code, _out, err = _cli(capsys, str(tiny_gpt2), "the cat sat", *args)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and expected in lines[0], err


def test_cli_rollout_of_cross_attention_is_one_line_and_exit_2(capsys, tiny_bart):
    """rollout raised a ValueError here, which left cli.main as a traceback."""
    code, _out, err = _cli(capsys, str(tiny_bart), "the cat sat on the mat", "--pair", "a dog", "--kind", "cross",
                           "--head", "rollout")
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and "Rollout needs self-attention" in lines[0], err
    code, out, _err = _cli(capsys, str(tiny_bart), "the cat sat on the mat", "--pair", "a dog", "--head", "rollout")
    assert code == 0 and "Encoder self-attention, layer 0, head rollout" in out  # self-attention: fine
