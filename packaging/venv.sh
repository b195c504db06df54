#!/usr/bin/env bash
# Create a virtual environment with Workbench installed, at the locked versions.
#
#   packaging/venv.sh VENV EXTRAS [LOCK]
#
# VENV    the folder to create (an existing one is reused: a torch already in it is kept, which is
#         how GPU users bring their CUDA build; README)
# EXTRAS  pyproject extras, e.g. "test" or "package"
# LOCK    pip constraints file (default constraints.txt, written by `make lock`); "none" installs
#         the newest releases within pyproject's ranges (`make test-latest`)
#
# Environment: PYTHON (python3), TORCH_SPEC (torch==2.13.0: the CPU wheel; a bare `torch` would
# pull a multi-GB CUDA build), EDITABLE (1; 0 for a plain install, as the package build wants).
# The lock leaves torch out (its own rule, above) but pins everything else, pip and setuptools
# included, and the project is built without build isolation so no unpinned setuptools sneaks in.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:?usage: packaging/venv.sh VENV EXTRAS [LOCK]}
extras=${2:?usage: packaging/venv.sh VENV EXTRAS [LOCK]}
lock=${3:-constraints.txt}
python=${PYTHON:-python3}
torch_spec=${TORCH_SPEC:-torch==2.13.0}

if [ "$lock" = none ]; then
    pin=(--upgrade --upgrade-strategy eager)
else
    [ -f "$lock" ] || { echo "venv.sh: no lock file $lock (make lock writes it)" >&2; exit 2; }
    pin=(-c "$lock")
fi
pip=("$venv/bin/python" -m pip install -q "${pin[@]}")

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"${pip[@]}" --upgrade pip setuptools
"$venv/bin/python" -c "import torch" 2>/dev/null || "${pip[@]}" "$torch_spec"
# Keep the torch the venv has now (the CPU wheel, or a GPU user's CUDA build): with --upgrade
# (no lock) pip would otherwise replace it with the newest release, a multi-GB CUDA build.
keep_torch=$(mktemp)
trap 'rm -f "$keep_torch"' EXIT
echo "torch==$("$venv/bin/python" -c 'import torch; print(torch.__version__)' 2>/dev/null)" > "$keep_torch"  # (numpy not there yet: torch warns)
editable=(); [ "${EDITABLE:-1}" = 1 ] && editable=(-e)
"${pip[@]}" -c "$keep_torch" --no-build-isolation "${editable[@]}" ".[$extras]"
