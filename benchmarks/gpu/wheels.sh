#!/usr/bin/env bash
# Download, into .whl/ (git-ignored), the wheels the GPU machine's image lacks for the training
# part of benchmarks/gpu/run.sh: datasets and the two packages of its that the image does not have
# (its other needs, pyarrow, pandas, fsspec, xxhash and huggingface-hub, are there). Versions are
# the lock's (constraints.txt). Run here, then carry .whl in the device call.
set -euo pipefail
cd "$(dirname "$0")/../.."
pins=$(grep -E '^(datasets|dill|multiprocess)==' constraints.txt)
mkdir -p .whl
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform any -d .whl $pins
ls -la .whl
