"""Training benchmarks; figures for the closing note of the training studio.

  python benchmarks/bench_training.py scratch        the built-in from-scratch example, headless:
                                                     time and loss vs the shipped tiny-stories model
  python benchmarks/bench_training.py gui-overhead   one config trained headless and in the GUI
                                                     (alternating), throughput ratio and the GUI
                                                     event loop's longest stall (10 ms timer)
  python benchmarks/bench_training.py curves         redraw time of the dashboard with 100,000 points
  python benchmarks/bench_training.py throughput [--device cuda --size gpt2]
                                                     raw PyTorch loop vs the engine vs the engine with
                                                     the GUI's consumer: tokens/s, MFU, peak memory,
                                                     ratios; gradient checkpointing and LoRA rows
                                                     (benchmarks/training_throughput.py)

Each prints one JSON object (and --out FILE writes it). Ratios are measured in one process, one
run after the other, so they share the machine's state.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def bench_scratch(args: argparse.Namespace) -> dict[str, Any]:
    from workbench.training.engine import run_training
    from workbench.training.events import EvalLogged, StepLogged
    from workbench.training.examples import example

    cfg = example("tiny-stories-scratch")
    cfg.output_root = args.root
    cfg.cpu_threads = args.threads
    if args.steps:
        cfg.max_steps = args.steps
    events: list[Any] = []
    t0 = time.perf_counter()
    result = run_training(cfg, notify=lambda e: (events.append(e), _echo(e)))
    wall = time.perf_counter() - t0
    steps = [e for e in events if isinstance(e, StepLogged)]
    evals = [e for e in events if isinstance(e, EvalLogged)]
    out = {"bench": "scratch", "config": "tiny-stories-scratch", "steps": result.step, "threads": _threads(),
           "wall_s": round(wall, 1), "train_s": round(events[-1].seconds, 1),
           "tokens_per_s": round(statistics.median(e.tokens_per_second for e in steps[1:]), 0),
           "first_loss": round(steps[0].loss, 4), "final_train_loss": round(steps[-1].loss, 4),
           "final_eval_loss": round(evals[-1].eval_loss, 4) if evals else None,
           "loss_curve": [[e.step, round(e.loss, 3)] for e in steps[:: max(1, len(steps) // 20)]],
           "run_dir": result.run_dir}
    out["builtin_reference"] = _builtin_reference(args.reference)
    return out


def _builtin_reference(path: str = "") -> dict[str, Any] | None:
    """The tiny-stories model's own figures: builtin_card.json of the shipped model, or a card
    file given with --reference (e.g. from running its builder elsewhere)."""
    try:
        if path:
            card = json.loads(Path(path).read_text(encoding="utf-8"))
        else:
            from workbench.models.builtins import read_card

            card = read_card("tiny-stories")
    except Exception:  # not built yet in this checkout
        return None
    keys = ("final_train_loss", "eval_loss", "wall_time_s", "wall_s", "parameters")
    return {k: card[k] for k in keys if k in card}


def _small_config(root: str, steps: int, threads: int) -> Any:
    from workbench.training.config import DataConfig, ScratchConfig, TrainConfig

    return TrainConfig(task="causal-lm", output_root=root,
                       scratch=ScratchConfig(layers=2, heads=4, width=128, context_length=128, vocab_size=1000),
                       data=DataConfig(path="builtin:stories", max_examples=3000, max_length=128, eval_fraction=0),
                       max_steps=steps, batch_size=BATCH, learning_rate=2e-3, warmup_steps=10, logging_steps=1,
                       eval_steps=0, save_steps=0, cpu_threads=threads)


BATCH = 16


def _throughput(events: list[Any]) -> float:
    """Tokens per second of training: tokens of the steps after the first / their elapsed time."""
    from workbench.training.events import RunStarted, StepLogged

    steps = [e for e in events if isinstance(e, StepLogged)]
    start = next(e for e in events if isinstance(e, RunStarted))
    tokens_per_step = start.train_tokens / start.train_examples * BATCH  # block length x batch
    return (steps[-1].step - steps[0].step) * tokens_per_step / (steps[-1].elapsed_s - steps[0].elapsed_s)


def _headless(root: str, steps: int, threads: int) -> float:
    from workbench.training.engine import run_training

    events: list[Any] = []
    run_training(_small_config(root, steps, threads), notify=events.append)
    return _throughput(events)


def _thread_ticker(root: str, steps: int, threads: int) -> tuple[float, list[float]]:
    """The same training on a plain thread while the main thread only ticks every 10 ms (no Qt):
    the gaps it sees come from the GIL and the OS scheduler, not from any GUI work."""
    import threading

    from workbench.training.engine import run_training
    from workbench.training.events import StepLogged

    events: list[Any] = []
    worker = threading.Thread(target=run_training, args=(_small_config(root, steps, threads),),
                              kwargs={"notify": events.append})
    worker.start()
    gaps, last = [], time.perf_counter()
    while worker.is_alive():
        time.sleep(0.010)
        now = time.perf_counter()
        if any(isinstance(e, StepLogged) for e in events[:3]):
            gaps.append((now - last) * 1000)
        last = now
    return _throughput(events), gaps


def _gui(root: str, steps: int, threads: int) -> tuple[float, list[float], list[float]]:
    """Train in the real window; a 10 ms timer on the GUI thread records the event loop's gaps,
    split into setup (data, tokenizer, model, first imports: before the first step is logged)
    and training (first step to the end)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from training_throughput import training_window

    from workbench.training.events import StepLogged

    window, page = training_window(root)
    setup_gaps: list[float] = []
    train_gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        if page.session.running:
            training = any(isinstance(e, StepLogged) for e in page.events[:3])
            (train_gaps if training else setup_gaps).append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    loop = QEventLoop()  # the event loop as app.exec() runs it: it sleeps until there is work
    page.session.ended.connect(loop.quit)
    page.start(_small_config(root, steps, threads))
    loop.exec()
    timer.stop()
    events = list(page.events)
    window.close()
    return _throughput(events), setup_gaps, train_gaps


def bench_gui_overhead(args: argparse.Namespace) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps, threads = args.steps or 150, args.threads
    headless, gui, setup, stalls, plain, plain_rate = [], [], [], [], [], []
    for _ in range(args.repeats):  # alternate, so drifting machine load hits both alike
        headless.append(_headless(args.root, steps, threads))
        rate, gaps = _thread_ticker(args.root, steps, threads)
        plain_rate.append(rate)
        plain += gaps
        rate, setup_gaps, train_gaps = _gui(args.root, steps, threads)
        gui.append(rate)
        setup += setup_gaps
        stalls += train_gaps
    return {"bench": "gui-overhead", "steps": steps, "threads": _threads(), "repeats": args.repeats,
            "headless_tokens_per_s": [round(x) for x in headless], "gui_tokens_per_s": [round(x) for x in gui],
            "no_gui_thread_tokens_per_s": [round(x) for x in plain_rate],
            "gui_over_headless": round(statistics.median(gui) / statistics.median(headless), 3),
            "no_gui_thread_over_headless": round(statistics.median(plain_rate) / statistics.median(headless), 3),
            "training_max_gap_ms": max(stalls) if stalls else None,
            "training_p99_gap_ms": sorted(stalls)[int(0.99 * (len(stalls) - 1))] if stalls else None,
            "training_gaps_over_100ms": sum(g > 100 for g in stalls),
            "setup_max_gap_ms": max(setup) if setup else None,
            "no_gui_thread_max_gap_ms": round(max(plain)) if plain else None,
            "no_gui_thread_gaps_over_100ms": sum(g > 100 for g in plain),
            "timer_interval_ms": 10}


def bench_curves(args: argparse.Namespace) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from workbench.gui.training.plots import CurvesPanel
    from workbench.training.events import EvalLogged, StepLogged

    app = QApplication.instance() or QApplication([])
    panel = CurvesPanel()
    panel.resize(1000, 700)
    panel.show()
    n = 100_000
    t0 = time.perf_counter()
    for i in range(1, n + 1):
        panel.add_event(StepLogged(i, i / 1000, 5 / (1 + i / 5000) + 0.1 * math.sin(i), 1e-3, 1.0, 5e3, i, 0.0))
        if i % 1000 == 0:
            panel.add_event(EvalLogged(i, 5 / (1 + i / 5000), {"perplexity": math.exp(5 / (1 + i / 5000))}))
    append_s = time.perf_counter() - t0
    times = []
    for k in range(20):  # a redraw as the timer does it, one new point each time
        panel.add_event(StepLogged(n + k + 1, 0, 1.0, 1e-3, 1.0, 5e3, 0, 0))
        t = time.perf_counter()
        panel.redraw()
        app.processEvents()  # the paint
        times.append((time.perf_counter() - t) * 1000)
    return {"bench": "curves", "points": n, "append_us_per_event": round(append_s / n * 1e6, 2),
            "redraw_ms_median": round(statistics.median(times[1:]), 1), "redraw_ms_max": round(max(times[1:]), 1),
            "first_redraw_ms": round(times[0], 1)}


def bench_throughput(args: argparse.Namespace) -> dict[str, Any]:
    from training_throughput import run_all

    cuda = args.device == "cuda"
    size = args.size or ("gpt2" if cuda else "small")
    lora = args.lora_size or ("1b" if cuda else "tiny")
    warmup, steps = args.warmup or (10 if cuda else 5), args.steps or (30 if cuda else 10)
    return run_all(args.device, size, lora, args.threads, warmup, steps, args.repeats, Path(args.root),
                   log=lambda line: print(line, file=sys.stderr, flush=True))


def _threads() -> int:
    import torch

    return torch.get_num_threads()


def _echo(e: Any) -> None:
    from workbench.training.commands import ProgressPrinter

    line = ProgressPrinter.format(e)
    if line:
        print(line, file=sys.stderr, flush=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("which", choices=["scratch", "gui-overhead", "curves", "throughput"])
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"], help="throughput: where to train")
    p.add_argument("--size", choices=["tiny", "small", "gpt2"], help="throughput: the GPT-2 shape "
                   "(default gpt2 = GPT-2 small at 8x1024 on CUDA, small on the CPU)")
    p.add_argument("--lora-size", choices=["tiny", "1b"], help="throughput: the LoRA row's Llama shape "
                   "(default 1b on CUDA, tiny on the CPU)")
    p.add_argument("--warmup", type=int, default=0, help="throughput: untimed steps first (default 10 CUDA, 5 CPU)")
    p.add_argument("--steps", type=int, default=0, help="override the number of steps")
    p.add_argument("--threads", type=int, default=1,
                   help="torch CPU threads (0 = all cores; on a 2-core machine shared with other work, 2 "
                        "OpenMP threads on the main thread were measured ~8x slower than 1)")
    p.add_argument("--repeats", type=int, default=2)
    p.add_argument("--root", default="", help="runs folder (default: a temp folder)")
    p.add_argument("--out", help="also write the JSON here")
    p.add_argument("--reference", default="", help="scratch: a tiny-stories builtin_card.json to compare with")
    args = p.parse_args()
    args.root = args.root or tempfile.mkdtemp(prefix="bench-training-")
    benches = {"scratch": bench_scratch, "gui-overhead": bench_gui_overhead, "curves": bench_curves,
               "throughput": bench_throughput}
    result = benches[args.which](args)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
