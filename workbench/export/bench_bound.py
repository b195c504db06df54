"""The weight-read bound of the benchmark rows, from a copy bandwidth measured in the same run.

Batch-1 decoding reads every weight once per token, so no backend can decode faster than
bandwidth / weight bytes tokens per second (the KV cache and activations are small beside the
weights at these lengths). "% of bound" says how close a row gets. The bandwidth is that of a
large device-local copy (torch copy_, all threads): bytes read plus bytes written over
the time, the median of a few runs. Measured here, not taken from a data sheet. A bound above
100% means the weights were partly served from cache (tiny models).
"""

from __future__ import annotations

import statistics
import time
from typing import Any

COPY_BYTES = 256 * 2**20  # well past the last-level cache


def copy_bandwidth(device: str = "cpu", repeats: int = 5) -> float:
    """Bytes per second moved by a device-local copy (read + write), torch's copy_ on all threads.

    (numpy's copy runs on one thread and gave a third of this on the 2-core CI machine, which put
    ONNX Runtime "above" its bound.)
    """
    import torch

    src = torch.empty(COPY_BYTES // 4, dtype=torch.float32, device=device)
    dst = torch.empty_like(src)
    times = []
    for _ in range(repeats + 1):
        if device == "cuda":
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        dst.copy_(src)
        if device == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - t0)
    return 2 * COPY_BYTES / statistics.median(times[1:])


def add_bounds(rows: list[Any], weight_bytes: dict[str, float], bandwidth: float) -> None:
    """Set row.bound_pct for decode tokens/s and encoder latency rows whose backend's weights are known.

    weight_bytes: backend name -> bytes read per forward (an int8 graph reads a quarter of fp32's).
    """
    for r in rows:
        size = weight_bytes.get(r.backend)
        if not size or not r.value:
            continue
        if r.metric == "decode tokens/s":
            r.bound_pct = 100 * r.value / (bandwidth / size)
        elif r.metric == "latency ms":  # one forward reads the weights once
            r.bound_pct = 100 * (size / bandwidth * 1000) / r.value
