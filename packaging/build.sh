#!/usr/bin/env bash
# Build the one-folder app into dist/workbench from a clean venv (.venv-package), then run its
# self-test through tests/smoke/test_package.py. Usage: packaging/build.sh   (or `make package`)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-package
rm -rf "$VENV" build/pyinstaller dist/workbench
# The locked versions (constraints.txt), as `make test` installs them, plus PyInstaller and pytest.
EDITABLE=0 packaging/venv.sh "$VENV" package,test "${LOCK:-constraints.txt}"
"$VENV/bin/python" packaging/translations.py release  # resources/i18n/workbench_<code>.qm, bundled by the spec
"$VENV/bin/pyinstaller" --noconfirm --clean --workpath build/pyinstaller --distpath dist packaging/workbench.spec
echo "bundle size: $(du -sh dist/workbench | cut -f1) ($(find dist/workbench -type f | wc -l) files)"
WORKBENCH_FROZEN_APP="$PWD/dist/workbench/workbench" "$VENV/bin/python" -m pytest -q -p no:cacheprovider \
    tests/smoke/test_package.py
