"""The benchmark's data: its settings (BenchConfig), its rows and the result. The lowest of the
bench modules: bench_common, bench_decoder, bench_encoder and bench.py all build on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

Progress = Callable[[str], None]
BASELINE = "pytorch eager fp32"


@dataclass(frozen=True)
class BenchConfig:
    device: str = "cpu"
    which: tuple[str, ...] = ("decoder", "encoder")
    size: str = "base"
    new_tokens: int = 128
    prompt_tokens: int = 32
    threads: int | None = None
    repeats: int = 3
    encoder_shapes: tuple[tuple[int, ...], ...] = ((1, 128), (8, 128), (1, 32), (8, 32))
    out: Path = Path("bench-results")
    work: Path | None = None


@dataclass
class BenchRow:
    bench: str  # decoder | encoder
    backend: str  # "pytorch eager fp32", "onnxruntime int8" ...
    shape: str  # "b1 p32 n128" | "8x128"
    metric: str  # "decode tokens/s", "prefill ms", "end-to-end tokens/s", "latency ms"
    value: float
    speedup: float | None = None  # vs the PyTorch eager fp32 row of the same bench/shape/metric; >1 = faster
    memory_mb: float | None = None
    bound_pct: float | None = None  # % of the weight-read bound (see bench_bound.py); None if not known
    provider: str = ""
    note: str = ""


@dataclass
class BenchResult:
    config: BenchConfig
    rows: list[BenchRow] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def table(self) -> str:
        head = (f"{'bench':8s} {'shape':13s} {'metric':20s} {'backend':44s} {'value':>10s} {'speedup':>8s} "
                f"{'mem MB':>8s} {'% bound':>8s}")
        lines = [head, "-" * len(head)]
        for r in self.rows:
            sp = "-" if r.speedup is None else f"{r.speedup:.2f}x"
            mem = "-" if r.memory_mb is None else f"{r.memory_mb:.0f}"
            bound = "-" if r.bound_pct is None else f"{r.bound_pct:.0f}%"
            lines.append(f"{r.bench:8s} {r.shape:13s} {r.metric:20s} {r.backend:44s} {r.value:10.2f} {sp:>8s} "
                         f"{mem:>8s} {bound:>8s}")
        if self.meta.get("bandwidth_gb_s"):
            lines.append(f"bound: weights read once per token/forward at {self.meta['bandwidth_gb_s']:.1f} GB/s "
                         "(a device-local copy measured in this run)")
        for note in self.meta.get("notes", []):
            lines.append(f"note: {note}")
        return "\n".join(lines)
