"""PyTorch eager vs ONNX Runtime benchmark; the same as `workbench bench` (see workbench/export/bench.py).

    python benchmarks/bench_onnx.py --size base --out bench-results            # CPU, all cores
    python benchmarks/bench_onnx.py --size base --threads 1 --out bench-t1      # CPU, one thread each
    python benchmarks/bench_onnx.py --device cuda --size base --out bench-gpu   # GPU (H100 figures)
"""

from __future__ import annotations

import sys

from workbench.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
