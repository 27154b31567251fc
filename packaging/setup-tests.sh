#!/usr/bin/env bash
# Everything the tests need: the program's own setup (packaging/setup.sh), then Debian's
# PostgreSQL server programs when initdb is missing. The tests start their own throwaway
# cluster (initdb in a temporary folder, a local socket only; tests/scratch_server.py),
# so no server is configured or started here and none is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
has_initdb() {
  [ -n "${INSATSLOGG_PG_BIN:-}" ] && [ -x "${INSATSLOGG_PG_BIN}/initdb" ] && return 0
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
if ! has_initdb; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "Installerar PostgreSQL (Debians paket postgresql) för testerna …"
  "${sudo_cmd[@]}" apt-get update -qq
  # The package's own cluster is not needed: the tests make theirs.
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
    -o DPkg::Lock::Timeout=300 postgresql >/dev/null
fi
