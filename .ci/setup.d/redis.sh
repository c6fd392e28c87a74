#!/usr/bin/env bash
# Debian's redis-server for the queue backend's tests (test/queue/*.test.ts), started daemonized on
# 127.0.0.1:6379. Idempotent: installs only when missing, starts only when nothing answers.
set -euo pipefail
if ! command -v redis-server >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends redis-server
fi
if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  echo "redis already answering on 127.0.0.1:6379"
  exit 0
fi
redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no \
  --logfile /tmp/crm-sim-redis.log --dir /tmp
for _ in $(seq 1 50); do
  if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
    echo "redis started on 127.0.0.1:6379"
    exit 0
  fi
  sleep 0.1
done
echo "redis did not start; see /tmp/crm-sim-redis.log" >&2
exit 1
