#!/usr/bin/env bash
# Headless Chromium for the report's browser tests (test/report/*.browser.test.ts drive it through
# playwright-core at /usr/bin/chromium). Idempotent: skips when the binary is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
