#!/usr/bin/env bash
# One prepared GPU run: what the image lacks, then tests/gpu, then the GPU benchmarks.
#   PART=inference  issue 11: ONNX Runtime on CUDA (tests/gpu/test_onnx_cuda.py etc., workbench bench)
#   PART=training   issue 12: the engine on CUDA (tests/gpu/test_training_cuda.py) and the training
#                   throughput benchmark (raw loop vs engine vs engine + GUI consumer, LoRA-1B)
#   PART=all        both (the default); each part fits in 8 minutes on its own
# Everything lands under $OUT: run.log, env.json, tests-gpu.xml, bench/bench.json,
# training-throughput.json, summary.json.
#
#   PART=training benchmarks/gpu/run.sh              # on the GPU machine, from the repository root
#   OUT=/tmp/gpu-rehearsal benchmarks/gpu/run.sh     # rehearsal on a CPU machine: GPU parts skipped, said so
#
# On the device machine onnxruntime-gpu is first installed to /tmp/site from the five wheel parts
# (../shared/tools/ort-gpu-wheel, read its header; inference only). The image lacks `datasets`
# (the engine's data pipeline) and its dill and multiprocess: benchmarks/gpu/wheels.sh downloads
# them into .whl/, which the run carries and installs here without an index.
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
if ls .whl/*.whl >/dev/null 2>&1; then
  $PY -m pip install -q --no-index --no-deps --no-compile --target /tmp/site-extra .whl/*.whl && \
    export PYTHONPATH="$PYTHONPATH:/tmp/site-extra"
fi
PART=${PART:-all}
$PY - "$OUT/env.json" <<'PY'
import importlib, json, subprocess, sys
info = {"python": sys.version.split()[0]}
for name in ("torch", "transformers", "onnxruntime", "onnx", "onnxscript", "tokenizers", "numpy", "datasets",
             "accelerate", "peft", "PySide6"):
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
    print("missing on this machine:", ", ".join(missing), "- bring them as wheels in .whl/ (PySide6 is only for"
          " the GUI consumer row, which falls back to a Qt-free consumer)")
PY
cuda=$($PY -c "import json; print(int(bool(json.load(open('$OUT/env.json')).get('cuda'))))")
ort=$($PY -c "import json; print(int('CUDAExecutionProvider' in json.load(open('$OUT/env.json')).get('ort_providers', [])))")
if [ "$cuda" = 1 ]; then DEVICE=cuda; else
  DEVICE=cpu
  echo "NO GPU: PyTorch sees no CUDA device; the GPU tests skip and the benchmarks run on the CPU at"
  echo "small sizes as a rehearsal of this script, not as GPU figures."
fi
tests_rc=0 bench_rc=0 train_rc=0

if [ "$PART" != training ]; then
  SIZE=${SIZE:-$([ "$cuda$ort" = 11 ] && echo base || echo tiny)}
  step "pytest tests/gpu (inference)"
  QT_QPA_PLATFORM=offscreen timeout 240 $PY -m pytest -q -p no:cacheprovider tests/gpu -rs \
    --ignore=tests/gpu/test_training_cuda.py --junitxml="$OUT/tests-gpu.xml"
  tests_rc=$?
  step "workbench bench --device cuda --size $SIZE"
  timeout 300 $PY -m workbench bench --device cuda --size "$SIZE" --out "$OUT/bench" --work /tmp/wb-gpu-bench
  bench_rc=$?
fi

if [ "$PART" != inference ]; then
  step "pytest tests/gpu/test_training_cuda.py"
  timeout 240 $PY -m pytest -q -p no:cacheprovider tests/gpu/test_training_cuda.py -rs -s \
    --junitxml="$OUT/tests-gpu-training.xml"
  [ $? = 0 ] || tests_rc=1
  step "bench_training.py throughput --device $DEVICE"
  if [ "$DEVICE" = cuda ]; then SIZES="--size gpt2 --lora-size 1b --repeats 2"
  else SIZES="--size tiny --lora-size tiny --repeats 1 --threads 2"; fi
  timeout 240 $PY benchmarks/bench_training.py throughput --device $DEVICE $SIZES \
    --out "$OUT/training-throughput.json"
  train_rc=$?
fi

step "summary"
$PY - "$OUT" "$tests_rc" "$bench_rc" "$train_rc" "$cuda" "$(( $(date +%s) - started ))" <<'PY'
import json, sys
from pathlib import Path
out, tests_rc, bench_rc, train_rc, cuda, seconds = Path(sys.argv[1]), *map(int, sys.argv[2:])
summary = {"cuda": bool(cuda), "tests_rc": tests_rc, "bench_rc": bench_rc, "train_rc": train_rc, "seconds": seconds}
bench = out / "bench" / "bench.json"
if bench.exists():
    data = json.loads(bench.read_text())
    summary["bandwidth_gb_s"] = data["meta"].get("bandwidth_gb_s")
    summary["rows"] = [{k: r[k] for k in ("bench", "backend", "shape", "metric", "value", "speedup", "bound_pct")}
                       for r in data["rows"]]
training = out / "training-throughput.json"
if training.exists():
    data = json.loads(training.read_text())
    summary["training"] = {k: data[k] for k in ("device", "precision", "model", "engine_over_raw", "gui_over_headless",
                                                "checkpointing_memory_saving_pct", "peak_measured_tflops")}
    summary["training"]["rows"] = [{k: r[k] for k in ("mode", "tokens_per_s", "mfu_measured_pct", "mfu_datasheet_pct",
                                                      "peak_memory_mb")} for r in data["rows"]]
(out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
print(json.dumps({k: v for k, v in summary.items() if k != "rows"}, indent=2))
PY
[ "$tests_rc" = 0 ] && [ "$bench_rc" = 0 ] && [ "$train_rc" = 0 ]
