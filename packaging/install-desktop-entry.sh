#!/usr/bin/env bash
# Put Workbench in a Linux desktop's application menu (per user). Run after `make package`,
# or with WORKBENCH_EXEC pointing at another `workbench` executable.
set -euo pipefail
cd "$(dirname "$0")/.."
exec_path="${WORKBENCH_EXEC:-$(pwd)/dist/workbench/workbench}"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp resources/icons/workbench.png "$icons/workbench.png"
sed "s|^Exec=workbench|Exec=$exec_path|" packaging/workbench.desktop > "$apps/workbench.desktop"
echo "installed $apps/workbench.desktop"
