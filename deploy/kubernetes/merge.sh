#!/usr/bin/env bash
# Entry point of the merge Job (deploy/kubernetes/merge-job.yaml): merges shard-1 … shard-SHARDS
# of $SHARDS_DIR into $OUT_DIR (settings from run-config.yaml), then removes $SHARDS_DIR, only
# after a successful merge (KEEP_SHARDS=1 keeps it). Does nothing when $OUT_DIR exists already (a
# rerun, or a retried pod after the merge finished).
set -euo pipefail
: "${SHARDS_DIR:?}" "${SHARDS:?}" "${OUT_DIR:?}"
if [ -d "$OUT_DIR" ]; then
  echo "$OUT_DIR is merged already: nothing to do"
  exit 0
fi
folders=()
for k in $(seq 1 "$SHARDS"); do folders+=("$SHARDS_DIR/shard-$k"); done
eval "options=(${MERGE_OPTIONS:-})"
# bash is the container's PID 1 here (it must remove the shards after the merge), and a PID 1 with
# no trap ignores SIGTERM: forward it, so a deleted or evicted pod's merge stops cleanly (exit 130,
# temporary folder removed) instead of being SIGKILLed at the end of the grace period.
# shellcheck disable=SC2154 # options is set by the eval above
node "${CRM_SIM_ROOT:-/app}/bin/crm-sim.js" merge "${folders[@]}" --out "$OUT_DIR" --quiet ${options[@]+"${options[@]}"} &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
status=0
# wait returns early when a trapped signal arrives: wait again until the merge has exited.
while kill -0 "$child" 2>/dev/null; do if wait "$child"; then status=0; else status=$?; fi; done
trap - TERM INT HUP
if [ "$status" -ne 0 ]; then exit "$status"; fi
if [ "${KEEP_SHARDS:-}" != 1 ]; then rm -rf -- "$SHARDS_DIR"; fi
