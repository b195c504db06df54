"""Training throughput: a raw PyTorch loop, the Workbench engine headless, and the engine with the
GUI's event consumer, on one GPT-2-shaped model, in one process (see bench_training.py throughput).

  raw       AdamW (fused), bf16 autocast on CUDA / fp32 on the CPU, SDPA attention, gradient
            clipping at 1.0 (the engine clips too), random tokens, no logging syncs;
  engine    run_training on the same model folder and the same batch shape (a text corpus whose
            packed blocks are as long as the raw loop's rows), headless;
  engine+ui the same run with the GUI's consumer: the real Training page when PySide6 is installed,
            else the Qt-free half of it (a consumer thread feeding the dashboard's CurveStore);
  variants  the engine with gradient checkpointing (its memory saving), and LoRA on a Llama shape
            (about 1.1B parameters on CUDA, tiny on the CPU).

Tokens/s is timed after warm-up steps, each mode's median repeat is reported (the modes alternate); MFU = 6 x parameters x tokens/s / peak, with the peak
measured in this run by a large matmul (and, on CUDA, the datasheet figure beside it). Peak memory
is torch's peak allocated on CUDA, and the growth of the process's resident memory on the CPU.
"""

from __future__ import annotations

import math
import queue
import random
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

BATCH = 8  # rows of `context` tokens per step (8 x 1024 for GPT-2 small)


@dataclass
class Row:
    mode: str
    tokens_per_s: float
    step_ms: float
    mfu_measured_pct: float  # against the matmul timed in this run
    mfu_datasheet_pct: float  # against NVIDIA's datasheet; 0 where not listed / on the CPU
    peak_memory_mb: float
    parameters: int
    trainable: int
    note: str = ""


class Setup:
    """What every mode shares: device, precision, threads, the timed steps and the peaks."""

    def __init__(self, device: str, threads: int, warmup: int, steps: int, root: Path) -> None:
        import torch

        from workbench.training.flops import datasheet_peak, measured_peak

        self.device, self.threads, self.warmup, self.steps, self.root = device, threads, warmup, steps, root
        self.cuda = device == "cuda"
        if threads:
            torch.set_num_threads(threads)
        self.precision = ("bf16" if torch.cuda.is_bf16_supported() else "fp16") if self.cuda else "fp32"
        dtype = {"bf16": "bfloat16", "fp16": "float16"}.get(self.precision, "float32")
        self.device_name = torch.cuda.get_device_name(0) if self.cuda else "cpu"
        self.peak_measured = measured_peak(device, dtype, n=8192 if self.cuda else 1024)
        self.peak_datasheet = datasheet_peak(self.device_name, self.precision) if self.cuda else 0.0

    def row(self, mode: str, tokens_per_s: float, tokens_per_step: int, peak_bytes: int,
            params: tuple[int, int], note: str = "") -> Row:
        from workbench.training.flops import mfu

        pct = lambda peak: round(100 * mfu(params[0], tokens_per_s, peak), 1)  # noqa: E731
        return Row(mode, round(tokens_per_s), round(1000 * tokens_per_step / tokens_per_s, 1),
                   pct(self.peak_measured), pct(self.peak_datasheet), round(peak_bytes / 2**20, 1),
                   params[0], params[1], note)


# -- model folders and data ------------------------------------------------------------------------------
def corpus(folder: Path, tokens: int, out: Path) -> Path:
    """Random words, enough for `tokens` tokens with the folder's tokenizer (plus 10%)."""
    from transformers import AutoTokenizer

    rng = random.Random(0)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 8))) for _ in range(3000)]
    sample = " ".join(rng.choice(words) for _ in range(2000))
    per_word = len(AutoTokenizer.from_pretrained(folder)(sample)["input_ids"]) / 2000
    n = int(tokens * 1.1 / per_word) + 100
    lines = (" ".join(rng.choice(words) for _ in range(100)) for _ in range(n // 100 + 1))
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


# -- peak memory ---------------------------------------------------------------------------------------
# torch's peak allocated on CUDA; on the CPU the peak growth of resident memory, sampled every 5 ms.
from workbench.models.peak import PeakMemory  # noqa: E402  (re-exported for the other benchmarks)


# -- the modes -------------------------------------------------------------------------------------------
def raw_loop(setup: Setup, folder: Path, batch: int, seq: int) -> Row:
    import torch
    from transformers import AutoModelForCausalLM

    with PeakMemory(setup.cuda) as mem:
        model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32, attn_implementation="sdpa")
        model.to(setup.device).train()
        opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01, fused=True)
        x = torch.randint(0, model.config.vocab_size, (batch, seq), device=setup.device)
        sync = torch.cuda.synchronize if setup.cuda else (lambda: None)
        for step in range(setup.warmup + setup.steps):
            if step == setup.warmup:
                sync()
                t0 = time.perf_counter()
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=setup.cuda):
                loss = model(input_ids=x, labels=x).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
        sync()
        seconds = time.perf_counter() - t0
        params = sum(p.numel() for p in model.parameters())
        del model, opt
    return setup.row("raw loop", setup.steps * batch * seq / seconds, batch * seq, mem.peak, (params, params))


def engine_config(setup: Setup, folder: Path, data: Path, batch: int, seq: int, **changes: Any) -> Any:
    from workbench.training.config import DataConfig, TrainConfig

    cfg = TrainConfig(task="causal-lm", model=str(folder), output_root=str(setup.root / "runs"),
                      data=DataConfig(path=str(data), max_length=seq, eval_fraction=0),
                      max_steps=setup.warmup + setup.steps, batch_size=batch, learning_rate=1e-4,
                      logging_steps=5, eval_steps=0, save_steps=0, device=setup.device,
                      cpu_threads=setup.threads)  # the rest: the engine's defaults, as a user gets them
    for key, value in changes.items():
        setattr(cfg, key, value)
    return cfg


def timed_rate(events: list[Any], warmup: int, batch: int) -> tuple[float, tuple[int, int]]:
    """Tokens/s between the first StepLogged at or after `warmup` and the last (wall clock of the
    engine's own events, which leave out evaluation and saving), and the parameter counts."""
    from workbench.training.events import RunStarted, StepLogged

    start = next(e for e in events if isinstance(e, RunStarted))
    steps = [e for e in events if isinstance(e, StepLogged) and e.step >= warmup]
    if len(steps) < 2 or steps[-1].elapsed_s <= steps[0].elapsed_s:
        raise SystemExit("bench_training.py throughput: time at least 10 steps after the warm-up "
                         "(the engine logs every 5 steps)")
    first, last = steps[0], steps[-1]
    tokens_per_step = start.train_tokens / start.train_examples * batch  # packed blocks: all one length
    rate = (last.step - first.step) * tokens_per_step / (last.elapsed_s - first.elapsed_s)
    return rate, (start.num_parameters, start.trainable_parameters)


def engine(setup: Setup, cfg: Any, mode: str, consumer: Callable[[Any], tuple[list[Any], str]] | None = None,
           note: str = "") -> Row:
    from workbench.training.engine import run_training

    with PeakMemory(setup.cuda) as mem:
        if consumer is None:
            events: list[Any] = []
            run_training(cfg, notify=events.append)
        else:
            events, note = consumer(cfg)
    rate, params = timed_rate(events, setup.warmup, cfg.batch_size)
    return setup.row(mode, rate, cfg.batch_size * cfg.data.max_length, mem.peak, params, note)


def queue_consumer(cfg: Any) -> tuple[list[Any], str]:
    """The Qt-free half of the GUI's consumer: events cross to another thread through a queue,
    which appends them to the dashboard's CurveStore, as the Training page does on the GUI thread."""
    from workbench.training.curves import CurveStore
    from workbench.training.engine import run_training

    inbox: queue.Queue = queue.Queue()
    events: list[Any] = []
    store = CurveStore()

    def consume() -> None:
        while (event := inbox.get()) is not None:
            events.append(event)
            store.add(event)

    thread = threading.Thread(target=consume)
    thread.start()
    try:
        run_training(cfg, notify=inbox.put)
    finally:
        inbox.put(None)
        thread.join()
    return events, "no PySide6 here: a consumer thread feeding the dashboard's CurveStore (no painting)"


def training_window(settings_dir: str) -> tuple[Any, Any]:
    """The app's window showing its Training page, once the page's background imports are done
    (as when a user has filled in the form): (window, page)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from workbench.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(QSettings(str(Path(settings_dir) / "s.ini"), QSettings.IniFormat))
    window.resize(1500, 950)
    window.show()
    page = window.show_page("Training")
    while any(job.running for job in window.state.runner.jobs):
        app.processEvents()
        time.sleep(0.01)
    return window, page


def window_consumer(cfg: Any) -> tuple[list[Any], str]:
    """The real Training page in a window: the run on its QThread, events to the GUI thread,
    the curves drawn by their timer, until the run ends."""
    import tempfile

    from PySide6.QtCore import QEventLoop

    window, page = training_window(tempfile.mkdtemp())
    loop = QEventLoop()
    page.session.ended.connect(loop.quit)
    if not page.start(cfg):
        raise RuntimeError("the Training page refused the config: " + page.banner.label.text())
    loop.exec()
    events = list(page.events)
    window.close()
    return events, "the Training page in a window (PySide6, offscreen)"


def has_pyside() -> bool:
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError:
        return False
    return True


# -- one run of everything -------------------------------------------------------------------------------
def run_all(device: str, size: str, lora_size: str, threads: int, warmup: int, steps: int, repeats: int,
            root: Path, log: Callable[[str], None] = print) -> dict[str, Any]:
    import torch

    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Writing model shards" bars between the figures
    from workbench.models.synthetic import GPT2_SHAPES, build_shaped

    setup = Setup(device, threads, warmup, steps, root)
    layers, heads, width, seq, vocab = GPT2_SHAPES[size]
    batch = BATCH
    folder = build_shaped("gpt2", size, root / "gpt2")
    data = corpus(folder, (warmup + steps) * batch * seq, root / "corpus.txt")
    consumer = window_consumer if has_pyside() else queue_consumer
    base = engine_config(setup, folder, data, batch, seq)
    rows: dict[str, list[Row]] = {}
    for r in range(repeats):  # alternated, so a drifting machine load hits every mode alike
        for mode, measure in (("raw loop", lambda: raw_loop(setup, folder, batch, seq)),
                              ("engine", lambda: engine(setup, base, "engine")),
                              ("engine + GUI consumer", lambda: engine(setup, base, "engine + GUI consumer",
                                                                       consumer))):
            row = measure()
            rows.setdefault(mode, []).append(row)
            log(f"repeat {r + 1}/{repeats} {mode}: {row.tokens_per_s:,.0f} tokens/s, MFU {row.mfu_measured_pct}%,"
                f" peak {row.peak_memory_mb:,.0f} MB")
    # The median repeat of each mode (this 2-core machine's speed drifts by a third between runs).
    best = {mode: sorted(rs, key=lambda row: row.tokens_per_s)[(len(rs) - 1) // 2] for mode, rs in rows.items()}
    variants = [engine(setup, engine_config(setup, folder, data, batch, seq, gradient_checkpointing=True),
                       "engine + gradient checkpointing")]
    variants.append(lora_row(setup, lora_size))
    for row in variants:
        log(f"{row.mode}: {row.tokens_per_s:,.0f} tokens/s, peak {row.peak_memory_mb:,.0f} MB")
    raw, eng, gui = best["raw loop"], best["engine"], best["engine + GUI consumer"]
    ckpt = variants[0]
    return {"bench": "training-throughput", "device": setup.device_name, "precision": setup.precision,
            "threads": torch.get_num_threads(), "torch": torch.__version__, "model": f"gpt2-{size}",
            "shape": {"layers": layers, "heads": heads, "width": width, "vocab": vocab, "batch": batch, "seq": seq},
            "warmup_steps": warmup, "timed_steps": steps, "repeats": repeats,
            "peak_measured_tflops": round(setup.peak_measured / 1e12, 2),
            "peak_datasheet_tflops": round(setup.peak_datasheet / 1e12, 1),
            "rows": [asdict(r) for r in [raw, eng, gui, *variants]],
            "all_repeats_tokens_per_s": {m: [r.tokens_per_s for r in rs] for m, rs in rows.items()},
            "engine_over_raw": round(eng.tokens_per_s / raw.tokens_per_s, 3),
            "gui_over_headless": round(gui.tokens_per_s / eng.tokens_per_s, 3),
            "checkpointing_memory_saving_pct": _saving(ckpt.peak_memory_mb, eng.peak_memory_mb),
            "checkpointing_speed_ratio": round(ckpt.tokens_per_s / eng.tokens_per_s, 3)}


def lora_row(setup: Setup, size: str) -> Row:
    """LoRA (r 16 on the attention projections) through the engine on a Llama shape."""
    from workbench.training.config import LoraSettings

    from workbench.models.synthetic import LLAMA_SHAPES, build_shaped

    layers, heads, kv, width, mlp, seq, vocab = LLAMA_SHAPES[size]
    batch = BATCH
    folder = build_shaped("llama", size, setup.root / f"llama-{size}", "cuda" if setup.cuda else "cpu")
    data = corpus(folder, (setup.warmup + setup.steps) * batch * seq, setup.root / "corpus-llama.txt")
    cfg = engine_config(setup, folder, data, batch, seq,
                        lora=LoraSettings(enabled=True, r=16, alpha=32, dropout=0.0,
                                          target_modules=["q_proj", "k_proj", "v_proj", "o_proj"]))
    return engine(setup, cfg, f"engine LoRA llama-{size}", note=f"{layers} layers, width {width}, batch {batch}x{seq}")


def _saving(with_ckpt: float, without: float) -> float:
    return round(100 * (1 - with_ckpt / without), 1) if without > 0 and math.isfinite(with_ckpt) else 0.0
