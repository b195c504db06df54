"""Model-FLOPs utilisation (MFU): the training's useful FLOP/s over the device's peak.

Useful FLOPs per trained token are 6 x N (N = the model's parameters: 2 for the forward matmuls,
4 for the backward), the estimate of Kaplan et al. 2020 and of nanoGPT/llm.c, which leaves out
attention's own O(T) term. The peak is the dense (no sparsity) tensor-core figure of NVIDIA's
datasheet for the GPUs named below, or else a large matmul timed on the device.
"""

from __future__ import annotations

import functools
import time

from workbench.texts import N_

# Dense bf16/fp16 tensor-core TFLOP/s from NVIDIA's datasheets (the sparsity figures halved).
# Ordered so that a longer name is matched before its prefix ("H100 PCIe" before "H100").
DATASHEET_TFLOPS: tuple[tuple[str, float], ...] = (
    ("H200", 989.0),  # H200 SXM datasheet (2024): 1,979 with sparsity
    ("H100 PCIe", 756.0),  # H100 PCIe datasheet: 1,513 with sparsity
    ("H100", 989.0),  # H100 SXM datasheet: 1,979 with sparsity
    ("A100", 312.0),  # A100 datasheet: 624 with sparsity
    ("L40S", 362.0),  # L40S datasheet: 733 with sparsity
    ("A10G", 70.0),  # AWS A10G: 140 with sparsity (fewer clocks than the A10)
    ("A10", 125.0),  # A10 datasheet: 250 with sparsity
    ("L4", 121.0),  # L4 datasheet: 242 with sparsity
)


def flops_per_token(parameters: int) -> float:
    """Training FLOPs per token: forward 2N, backward 4N."""
    return 6.0 * parameters


def mfu(parameters: int, tokens_per_second: float, peak_flops: float) -> float:
    """The fraction of the peak (0..1); 0 when the peak is unknown (the CPU)."""
    if peak_flops <= 0:
        return 0.0
    return flops_per_token(parameters) * tokens_per_second / peak_flops


def datasheet_peak(device_name: str, precision: str) -> float:
    """Datasheet FLOP/s for a GPU name at bf16/fp16 (fp32 training runs its matmuls as TF32, half
    the rate on these GPUs); 0 when the GPU is not in the table."""
    for name, tflops in DATASHEET_TFLOPS:
        if name.lower() in device_name.lower():
            return tflops * 1e12 * (0.5 if precision == "fp32" else 1.0)
    return 0.0


def measured_peak(device: str, dtype_name: str, n: int = 8192, repeats: int = 10) -> float:
    """FLOP/s of an n x n x n matmul on `device` (the best of `repeats` timings after a warm-up).
    On the CPU it uses torch's current intra-op threads."""
    import torch

    dtype = getattr(torch, dtype_name)
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    sync = torch.cuda.synchronize if device.startswith("cuda") else (lambda: None)
    (a @ b).sum().item()  # warm-up: kernel selection, clocks up
    best = float("inf")
    for _ in range(repeats):
        sync()
        t = time.perf_counter()
        a @ b
        sync()
        best = min(best, time.perf_counter() - t)
    return 2.0 * n ** 3 / best


@functools.cache
def device_peak(device_name: str, precision: str) -> tuple[float, str]:
    """(FLOP/s, source) for the CUDA device training runs on: the datasheet where it lists the GPU,
    else a 4096-cube matmul timed once per process (~0.1 s, 100 MB). (0, "") on the CPU."""
    if not device_name:
        return 0.0, ""
    peak = datasheet_peak(device_name, precision)
    if peak:
        return peak, N_("datasheet")
    dtype = {"bf16": "bfloat16", "fp16": "float16"}.get(precision, "float32")
    return measured_peak("cuda", dtype, n=4096), N_("measured matmul")
