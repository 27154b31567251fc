#!/usr/bin/env bash
# Sets up Insatslogg on a fresh Debian/Ubuntu machine: the system libraries Qt needs,
# a virtual environment in .venv and the app with its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(
  # Qt's xcb and offscreen platforms
  libgl1 libegl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-xinerama0 libxcb-image0 libxrender1 libxi6
  fonts-dejavu-core
)
python=${PYTHON:-python3}
missing=()
# Debian's own python3 needs python3-venv for virtual environments.
"$python" -c "import ensurepip, venv" 2>/dev/null || debs+=(python3-venv)
if command -v dpkg-query >/dev/null; then
  for d in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "ok installed" || missing+=("$d")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installerar systempaket: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
