"""Model view (Attention page, layers x heads thumbnails) on Qwen2.5-0.5B's shape: 24 layers x 14
heads = 336 thumbnails, at 512 and 2,048 tokens, from synthetic numpy maps (no model).

  python benchmarks/bench_model_view.py [--tokens 512 2048] [--repeat 5] [--out results/x.json]

Two modes, alternating, on the same maps in one process:
  lazy   the grid as the app uses it: set_weights, then only the cells in or near the viewport
         render, on a timer with a per-turn budget (workbench/gui/attention/grid.py);
  eager  the baseline: set_weights, then grid.render_now() renders all 336 before the first paint.

Per mode: "first paint" is set_weights until the grid's viewport has painted once; "viewport ready"
until every cell in or near the viewport has its thumbnail and has been painted (eager: both the
same). Then the grid scrolls from top to bottom one mouse-wheel notch (3 rows) per step; each step
is timed until the newly shown cells are drawn (mean and worst over all steps). "Longest block"
is the longest the window is frozen during open or scroll: the longest single event-loop turn
(processEvents call), or the set_weights (+ render_now) call itself. "Peak extra" is the process's
peak resident memory above what it held before set_weights (Linux: VmHWM reset through
/proc/self/clear_refs), i.e. pixmaps and pooling buffers, not the maps themselves (24 x 14 x 2048^2
float32 = 5.25 GiB, allocated before). Every figure is the median over the repeats (for "worst"
and "longest block": the median of each run's worst); the JSON adds their maxima over the repeats,
which on a busy machine catch other processes' stalls too.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
LAYERS, HEADS = 24, 14
VIEW = (1360, 720)  # about the Model view tab in a 1400 x 900 window


def make_maps(tokens: int, seed: int = 0) -> Any:
    """(24, 14, tokens, tokens) float32 causal maps with rows summing to 1. One layer is drawn at
    random and normalised, then copied into every layer with its heads rolled (so layers differ),
    which builds 5.25 GiB at 2,048 tokens in seconds instead of minutes."""
    import numpy as np

    rng = np.random.default_rng(seed)
    base = rng.random((HEADS, tokens, tokens), dtype=np.float32) ** 8  # peaky, like real heads
    base *= np.tril(np.ones((tokens, tokens), dtype=np.float32))
    base /= base.sum(axis=-1, keepdims=True)
    out = np.empty((LAYERS, HEADS, tokens, tokens), dtype=np.float32)
    for layer in range(LAYERS):
        out[layer] = np.roll(base, layer, axis=0)
    return out


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def reset_peak() -> int:
    """Reset the peak resident memory (VmHWM) to now; returns the resident bytes now (0: unsupported)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return 0
    return _status_kb("VmRSS") * 1024


def peak_bytes() -> int:
    return _status_kb("VmHWM") * 1024 if Path("/proc/self/status").exists() else 0


class Pump:
    """Runs the event loop turn by turn, counting the viewport's paints and timing each turn."""

    def __init__(self, app: Any, viewport: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.app, self.paints, self.turns = app, 0, []
        pump = self

        class Counter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Paint:
                    pump.paints += 1
                return False

        self.counter = Counter()
        viewport.installEventFilter(self.counter)

    def turn(self) -> None:
        t = time.perf_counter()
        self.app.processEvents()
        self.turns.append(time.perf_counter() - t)

    def until(self, done: Callable[[], bool], timeout: float = 120.0) -> None:
        end = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > end:
                raise TimeoutError("the grid did not settle")
            self.turn()


def open_grid(grid: Any, pump: Pump, weights: Any, eager: bool) -> dict[str, float]:
    """set_weights (+ render_now when eager) until first paint and until the viewport is drawn."""
    paints = pump.paints
    t0 = time.perf_counter()
    grid.set_weights(weights)
    if eager:
        grid.render_now()
    call = time.perf_counter() - t0  # blocks the window as much as an event-loop turn does
    pump.until(lambda: pump.paints > paints)
    first = time.perf_counter() - t0
    pump.until(lambda: not grid.pending)
    pump.turn()  # the paint of the last thumbnails
    ready = time.perf_counter() - t0
    return {"first_paint_ms": first * 1000, "ready_ms": ready * 1000, "rendered_at_open": grid.renders,
            "open_block_ms": max(call, *pump.turns) * 1000}


def scroll_grid(grid: Any, pump: Pump) -> dict[str, float]:
    """Top to bottom, one wheel notch per step, each step until the new cells are drawn."""
    from PySide6.QtWidgets import QApplication

    bar = grid.table.verticalScrollBar()
    step = bar.singleStep() * QApplication.wheelScrollLines()
    values = list(range(bar.minimum() + step, bar.maximum(), step)) + [bar.maximum()]
    pump.turns, times = [], []
    for v in values:
        t = time.perf_counter()
        paints = pump.paints
        bar.setValue(v)
        pump.until(lambda: not grid.pending and pump.paints > paints)
        pump.turn()
        times.append(time.perf_counter() - t)
    return {"steps": len(values), "step_mean_ms": statistics.mean(times) * 1000,
            "step_worst_ms": max(times) * 1000, "scroll_block_ms": max(pump.turns) * 1000,
            "rendered_after_scroll": grid.renders}


def run_mode(app: Any, weights: Any, eager: bool) -> dict[str, float]:
    from workbench.gui.attention.grid import ModelGrid

    grid = ModelGrid()
    grid.resize(*VIEW)
    grid.show()
    pump = Pump(app, grid.table.viewport())
    for _ in range(5):
        pump.turn()
    gc.collect()
    pump.turns = []
    rss = reset_peak()
    row = open_grid(grid, pump, weights, eager)
    row.update(scroll_grid(grid, pump))
    row["peak_extra_mib"] = (peak_bytes() - rss) / 2**20 if rss else float("nan")
    grid.close()
    grid.deleteLater()
    for _ in range(3):
        app.processEvents()
    return row


WORST = ("worst_ms", "block_ms", "peak_extra_mib")


def measure(app: Any, tokens: int, repeat: int) -> list[dict[str, Any]]:
    """Both modes, alternating, `repeat` times each: the medians (of each run's worst, for the worst
    cases), and the maxima over the runs beside them."""
    weights = make_maps(tokens)
    runs: dict[str, list[dict[str, float]]] = {"lazy": [], "eager": []}
    for _ in range(repeat):
        for mode in runs:
            runs[mode].append(run_mode(app, weights, eager=mode == "eager"))
    rows = []
    for mode, rs in runs.items():
        row: dict[str, Any] = {"tokens": tokens, "mode": mode, "maps_gib": round(weights.nbytes / 2**30, 2)}
        for key in rs[0]:
            values = [r[key] for r in rs]
            agg = statistics.median(values)
            row[key] = round(agg, 1) if isinstance(agg, float) else agg
        row["max_over_repeats"] = {k: round(max(r[k] for r in rs), 1) for k in rs[0] if k.endswith(WORST)}
        rows.append(row)
    del weights
    gc.collect()
    return rows


COLUMNS = (("tokens", "tokens"), ("mode", "mode"), ("first_paint_ms", "first paint ms"),
           ("ready_ms", "viewport ready ms"), ("rendered_at_open", "rendered at open"),
           ("open_block_ms", "open: longest block ms"), ("steps", "scroll steps"),
           ("step_mean_ms", "step mean ms"), ("step_worst_ms", "step worst ms"),
           ("scroll_block_ms", "scroll: longest block ms"), ("peak_extra_mib", "peak extra MiB"))
RATIOS = ("first_paint_ms", "ready_ms", "open_block_ms", "step_mean_ms", "step_worst_ms", "peak_extra_mib")


def ratios(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """eager / lazy for each token count (over 1: the lazy grid is faster or smaller)."""
    out = {}
    for lazy in (r for r in rows if r["mode"] == "lazy"):
        eager = next(r for r in rows if r["mode"] == "eager" and r["tokens"] == lazy["tokens"])
        out[str(lazy["tokens"])] = {k: round(eager[k] / lazy[k], 2) if lazy[k] else float("inf") for k in RATIOS}
    return out


def print_table(rows: list[dict[str, Any]], ratio: dict[str, dict[str, float]]) -> None:
    widths = [max(len(title), *(len(str(r[key])) for r in rows)) for key, title in COLUMNS]
    print("  ".join(title.rjust(w) for (_, title), w in zip(COLUMNS, widths)))
    for r in rows:
        print("  ".join(str(r[key]).rjust(w) for (key, _), w in zip(COLUMNS, widths)))
    print("\neager / lazy (over 1: lazy is faster / smaller):")
    for tokens, rs in ratio.items():
        print(f"  {tokens} tokens: " + ", ".join(f"{k} x{v}" for k, v in rs.items()))


def warm_up(app: Any) -> None:
    """One small run of each mode first, so neither pays Qt's and numpy's first-use costs."""
    import numpy as np

    w = np.full((LAYERS, HEADS, 16, 16), 1 / 16, dtype=np.float32)
    run_mode(app, w, eager=False)
    run_mode(app, w, eager=True)


def quiet_qt() -> None:
    """Drop the offscreen platform's 'does not support propagateSizeHints()' line per window."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tokens", type=int, nargs="+", default=[512, 2048])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--out", help="write the results as JSON here")
    args = p.parse_args()
    from PySide6.QtWidgets import QApplication

    from workbench.gui.attention import grid as grid_module

    app = QApplication.instance() or QApplication([])
    quiet_qt()
    warm_up(app)
    rows = [row for n in args.tokens for row in measure(app, n, args.repeat)]
    ratio = ratios(rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Model view, {LAYERS} x {HEADS} = {LAYERS * HEADS} thumbnails, viewport {VIEW[0]} x {VIEW[1]}, "
          f"{os.cpu_count()} CPUs (load {load:.1f} at the end), median of {args.repeat}\n")
    print_table(rows, ratio)
    result = {"bench": "model-view", "shape": f"Qwen2.5-0.5B ({LAYERS} layers x {HEADS} heads), synthetic maps",
              "command": "python benchmarks/bench_model_view.py " + " ".join(sys.argv[1:]),
              "viewport": list(VIEW), "repeat": args.repeat, "cpus": os.cpu_count(), "load_avg_1min_at_end": load,
              "machine": platform.platform(),
              "qpa": os.environ.get("QT_QPA_PLATFORM"), "thumb_px": grid_module.THUMB,
              "tick_ms": grid_module.TICK_MS, "margin_rows": grid_module.MARGIN,
              "rows": rows, "eager_over_lazy": ratio}
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
