#!/usr/bin/env bash
# One prepared GPU run (issue 11): what the image lacks, then tests/gpu, then the GPU benchmark.
# Everything lands under $OUT: run.log, env.json, tests-gpu.xml, bench/bench.json, summary.json.
#
#   benchmarks/gpu/run.sh                         # on the GPU machine, from the repository root
#   OUT=/tmp/gpu-rehearsal benchmarks/gpu/run.sh  # rehearsal on a CPU machine: GPU parts skipped, said so
#
# On the device machine onnxruntime-gpu is first installed to /tmp/site from the five wheel parts
# (../shared/tools/ort-gpu-wheel, read its header); other wheels the image lacks travel in
# .wheels/ and are installed from there without an index. Budget: 8 minutes in all (the steps
# have their own timeouts below), leaving device time for one rerun.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-benchmarks/results/gpu-$(date +%Y%m%d-%H%M%S)}
PY=${PYTHON:-python3}
mkdir -p "$OUT"
exec > >(tee -a "$OUT/run.log") 2>&1
started=$(date +%s)
step() { echo; echo "== $(( $(date +%s) - started )) s: $*"; }

step "environment"
[ -d /tmp/site ] && export PYTHONPATH="/tmp/site${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
if [ -d .wheels ] && ls .wheels/*.whl >/dev/null 2>&1; then
  $PY -m pip install -q --no-index --no-deps --target /tmp/site-extra .wheels/*.whl && \
    export PYTHONPATH="$PYTHONPATH:/tmp/site-extra"
fi
$PY - "$OUT/env.json" <<'PY'
import importlib, json, subprocess, sys
info = {"python": sys.version.split()[0]}
for name in ("torch", "transformers", "onnxruntime", "onnx", "onnxscript", "tokenizers", "numpy"):
    try:
        info[name] = importlib.import_module(name).__version__
    except Exception as exc:  # a missing package is a finding, said in one line
        info[name] = f"MISSING ({type(exc).__name__})"
try:
    import torch
    info["cuda"] = torch.cuda.is_available()
    info["gpu"] = torch.cuda.get_device_name(0) if info["cuda"] else None
except Exception:
    info["cuda"] = False
try:
    import onnxruntime as ort
    if hasattr(ort, "preload_dlls"):
        try:
            ort.preload_dlls()
        except Exception as exc:
            info["preload_dlls"] = str(exc)[:200]
    info["ort_providers"] = ort.get_available_providers()
except Exception:
    info["ort_providers"] = []
try:
    info["nvidia_smi"] = subprocess.run(["nvidia-smi", "--query-gpu=name,memory.total,driver_version",
                                         "--format=csv,noheader"], capture_output=True, text=True,
                                        timeout=20).stdout.strip()
except Exception:
    info["nvidia_smi"] = None
json.dump(info, open(sys.argv[1], "w"), indent=2)
print(json.dumps(info, indent=2))
missing = [k for k, v in info.items() if isinstance(v, str) and v.startswith("MISSING")]
if missing:
    print("missing on this machine:", ", ".join(missing), "- bring them as wheels in .wheels/")
PY
gpu=$($PY -c "import json,sys; e=json.load(open('$OUT/env.json')); print(int(bool(e.get('cuda')) and 'CUDAExecutionProvider' in e.get('ort_providers', [])))")
if [ "$gpu" = 1 ]; then
  SIZE=${SIZE:-base}
else
  SIZE=${SIZE:-tiny}
  echo "NO GPU: PyTorch CUDA or ONNX Runtime's CUDA provider is missing; the GPU tests skip and the"
  echo "benchmark runs on the CPU at --size $SIZE as a rehearsal of this script, not as GPU figures."
fi

step "pytest tests/gpu"
QT_QPA_PLATFORM=offscreen timeout 240 $PY -m pytest -q -p no:cacheprovider tests/gpu -rs \
  --junitxml="$OUT/tests-gpu.xml"
tests_rc=$?

step "workbench bench --device cuda --size $SIZE"
timeout 300 $PY -m workbench bench --device cuda --size "$SIZE" --out "$OUT/bench" --work /tmp/wb-gpu-bench
bench_rc=$?

step "summary"
$PY - "$OUT" "$tests_rc" "$bench_rc" "$gpu" "$(( $(date +%s) - started ))" <<'PY'
import json, sys
from pathlib import Path
out, tests_rc, bench_rc, gpu, seconds = Path(sys.argv[1]), *map(int, sys.argv[2:])
summary = {"gpu": bool(gpu), "tests_rc": tests_rc, "bench_rc": bench_rc, "seconds": seconds}
bench = out / "bench" / "bench.json"
if bench.exists():
    data = json.loads(bench.read_text())
    summary["bandwidth_gb_s"] = data["meta"].get("bandwidth_gb_s")
    summary["rows"] = [{k: r[k] for k in ("bench", "backend", "shape", "metric", "value", "speedup", "bound_pct")}
                       for r in data["rows"]]
(out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
print(json.dumps({k: v for k, v in summary.items() if k != "rows"}, indent=2))
PY
[ "$tests_rc" = 0 ] && [ "$bench_rc" = 0 ]
