#!/usr/bin/env bash
# The system packages and services the tests need beyond npm (Chromium for the report's browser
# tests, Redis for the queue backend, GNU parallel for the sharding recipe): runs every
# .ci/setup.d/*.sh in name order. Each is idempotent; the first install needs root (apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
for setup in .ci/setup.d/*.sh; do
  [ -e "$setup" ] || continue
  echo "== $setup"
  bash "$setup"
done
