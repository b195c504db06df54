"""Attention explorer speed: extraction for a BERT-base-shaped model (12 x 12) at 128 and 512
tokens, and a heatmap redraw (layer/head switch) at 512 tokens. Prints the figures.

    python benchmarks/bench_attention.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn, repeat: int = 5) -> float:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    import torch

    from workbench.attention.maps import extract_attention
    from workbench.models.loading import load_model
    from workbench.models.spec import ModelSpec
    from workbench.models.synthetic import build_random_model

    folder = build_random_model("bert", Path(tempfile.mkdtemp()) / "bert-base", size="base")
    loaded = load_model(ModelSpec(str(folder), device="cpu"))
    print(f"BERT-base-shaped model: {loaded.info.num_parameters / 1e6:.0f}M parameters, "
          f"{loaded.info.num_layers} layers x {loaded.info.num_heads} heads, torch threads {torch.get_num_threads()}")
    words = "the quick brown fox jumps over the lazy dog and a cat sat on the mat".split()
    results = {}
    for n in (128, 512):
        text = " ".join(words[i % len(words)] for i in range(n * 2))
        ids = loaded.tokenizer(text, truncation=True, max_length=n)["input_ids"]
        text = loaded.tokenizer.decode(ids[1:-1])
        maps = extract_attention(loaded, text)
        secs = timed(lambda: extract_attention(loaded, text), repeat=3 if n == 512 else 5)
        results[n] = (len(maps.tokens), secs, maps)
        print(f"extract_attention, {len(maps.tokens)} tokens: {secs * 1000:.0f} ms "
              f"(maps {maps.weights.nbytes / 2**20:.0f} MiB)")
    from PySide6.QtWidgets import QApplication

    from workbench.gui.widgets.heatmap import HeatmapView

    app = QApplication.instance() or QApplication([])
    view = HeatmapView()
    view.resize(900, 800)
    view.show()
    maps = results[512][2]
    s = maps.primary
    view.set_matrix(s.weights[0, 0], s.query_tokens, s.key_tokens)
    app.processEvents()
    switches = [(layer, head) for layer in range(12) for head in range(0, 12, 3)]

    def redraw() -> None:
        for layer, head in switches:
            view.set_matrix(s.weights[layer, head], s.query_tokens, s.key_tokens)
            view.plot.viewport().repaint()  # include the paint, not only setImage

    per = timed(redraw, repeat=3) / len(switches)
    print(f"heatmap redraw at {len(s.query_tokens)} tokens (set_matrix + repaint): {per * 1000:.1f} ms per switch")


if __name__ == "__main__":
    main()
