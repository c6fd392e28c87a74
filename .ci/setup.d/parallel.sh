#!/usr/bin/env bash
# GNU parallel for the one-machine sharding recipe (deploy/parallel/run-parallel.sh), run for real
# by test/deploy/runParallel.test.ts. Idempotent: skips when parallel is already installed.
set -euo pipefail
if command -v parallel >/dev/null 2>&1; then
  echo "parallel already installed: $(parallel --version | head -n 1)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends parallel
