#!/usr/bin/env bash
# `make lock`: resolve the newest releases within pyproject's ranges (uv pip compile, for every
# platform and Python the project supports), install them in a fresh venv, run the whole suite
# there, and replace constraints.txt only if it passes. The README's tested-versions table is
# rewritten from that venv.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
tools=.venv-lock-tools
venv=.venv-lock
candidate=.lock-candidate.txt

[ -x "$tools/bin/uv" ] || { "$python" -m venv "$tools" && "$tools/bin/pip" install -q "${UV_SPEC:-uv==0.13.9}"; }
"$tools/bin/uv" pip compile pyproject.toml packaging/lock.in --extra test --extra package --universal \
    --no-emit-package torch --upgrade --custom-compile-command "make lock" -o "$candidate" --quiet
echo "lock: resolved $(grep -c '==' "$candidate") pins; testing them in a fresh $venv"
rm -rf "$venv"
if make test VENV="$venv" LOCK="$candidate" WORKBENCH_MATRIX=full; then
    [ -f constraints.txt ] && diff <(grep -o '^[^ ]*==[^ ;]*' constraints.txt) \
        <(grep -o '^[^ ]*==[^ ;]*' "$candidate") | grep '^[<>]' || true
    mv "$candidate" constraints.txt
    "$venv/bin/python" packaging/tested_versions.py README.md
    echo "lock: suite passed; constraints.txt and README.md updated"
else
    echo "lock: the suite failed on the new versions; constraints.txt is unchanged ($candidate kept)" >&2
    exit 1
fi
