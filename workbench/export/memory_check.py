"""Will an export fit in memory? Checked before it starts, from the size of the weights.

An export holds the model twice at its peak: the float32 PyTorch weights it traced (and keeps for
the reference outputs), and ONNX Runtime's session of the graph during the parity check. Measured
with benchmarks/bench_scale.py on this project's 24 GB CPU machine (results in
benchmarks/results/scale-cpu.json): a Llama-3.2-1B shape (3.9 GB of float32 weights, external
data) peaked at 2.04x its weights. Graphs past EXTERNAL_DATA_BYTES keep their weights in a side
file; below it the graph is one protobuf, built and parsed in memory whole, and a Qwen2.5-0.5B
shape (1.4 GB) peaked at 4.1x its weights. Under 1.8 GB that is at most 7.6 GB.
"""

from __future__ import annotations

from pathlib import Path

from workbench.models.memory import Estimate, available_ram
from workbench.models.spec import human_bytes
from workbench.texts import N_

COPIES = 2.1  # peak / float32 weights with external data, measured 2.04 (see above), with a little room
COPIES_INLINE = 4.2  # the same below EXTERNAL_DATA_BYTES (one protobuf in memory), measured 4.1


def export_estimate(folder: Path) -> Estimate | None:
    """The export's peak memory for the model in `folder` (None without a readable checkpoint)."""
    from workbench.models.memory import safetensors_parameters

    try:
        count = safetensors_parameters(folder)
    except (OSError, ValueError):
        return None
    if not count:
        return None
    from workbench.export.options import EXTERNAL_DATA_BYTES

    weights = 4 * count  # the export loads float32, whatever the checkpoint's dtype
    copies = COPIES if weights > EXTERNAL_DATA_BYTES else COPIES_INLINE
    return Estimate(N_("an ONNX export with its parity check"),
                    ((N_("the PyTorch weights"), weights),
                     (N_("the graph and ONNX Runtime's session"), int((copies - 1) * weights))))


def check_export_memory(source: str, available: int | None = None) -> str | None:
    """One sentence when the export of `source` will not fit in the RAM budget, else None (also
    when the source is not a local folder: a hub id is checked once it is downloaded)."""
    from workbench.models.loading import resolve_local

    folder = resolve_local(source)
    estimate = export_estimate(folder) if folder is not None else None
    if estimate is None:
        return None
    available = available_ram() if available is None else available
    if estimate.total <= available:
        return None
    return N_("This export will not fit: {what} needs about {total} ({breakdown}) and {available} of RAM is "
              "available; export on a machine with at least {needed} of RAM, or a smaller model", what=estimate.what,
              total=human_bytes(estimate.total), breakdown=estimate.breakdown(), available=human_bytes(available),
              needed=human_bytes(int(estimate.total / 0.75)))
