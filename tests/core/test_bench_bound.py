"""The benchmark's "% of bound" column: weight bytes over a copy bandwidth measured in the same run."""

from __future__ import annotations

import pytest

from workbench.export.bench import BenchConfig, BenchRow, run_bench
from workbench.export.bench_bound import add_bounds, copy_bandwidth


def test_bound_is_bandwidth_over_weight_bytes():
    rows = [BenchRow("decoder", "onnxruntime fp32", "b1", "decode tokens/s", 50.0),
            BenchRow("encoder", "onnxruntime fp32", "1x128", "latency ms", 20.0),
            BenchRow("decoder", "onnxruntime fp32", "b1", "prefill ms", 5.0),
            BenchRow("decoder", "unknown backend", "b1", "decode tokens/s", 50.0)]
    add_bounds(rows, {"onnxruntime fp32": 100e6}, bandwidth=10e9)  # bound: 100 tokens/s, 10 ms
    assert rows[0].bound_pct == pytest.approx(50.0)
    assert rows[1].bound_pct == pytest.approx(50.0)
    assert rows[2].bound_pct is None and rows[3].bound_pct is None


def test_copy_bandwidth_is_measured():
    assert copy_bandwidth("cpu", repeats=2) > 1e8  # bytes/s; any real machine copies faster than 100 MB/s


def test_tiny_decoder_bench_reports_the_bound(tmp_path):
    result = run_bench(BenchConfig(which=("decoder",), size="tiny", new_tokens=8, prompt_tokens=8, repeats=1,
                                   out=tmp_path / "out", work=tmp_path / "work"))
    decode = {r.backend: r for r in result.rows if r.metric == "decode tokens/s"}
    assert decode["pytorch eager fp32"].bound_pct > 0 and decode["onnxruntime fp32"].bound_pct > 0
    assert result.meta["bandwidth_gb_s"] > 0.1 and "weight_bytes" not in result.meta
    assert "% bound" in result.table() and "GB/s" in result.table()
