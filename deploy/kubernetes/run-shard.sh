#!/usr/bin/env bash
# Entry point of one pod of the Indexed Job (deploy/kubernetes/shards-job.yaml): Kubernetes gives
# each pod JOB_COMPLETION_INDEX = 0…N−1; the pod runs shard k = index + 1 of N and writes
# $SHARDS_DIR/shard-k atomically. A retried pod whose shard already finished exits at once; a pod
# killed mid-run leaves no folder, only a hidden temporary one that the retry replaces.
set -euo pipefail
: "${SCENARIO:?}" "${SHARDS_DIR:?}" "${REPLICATES:?}" "${SEED:?}" "${SHARDS:?}"
k=$((${JOB_COMPLETION_INDEX:?run in an Indexed Job} + 1))
out="$SHARDS_DIR/shard-$k"
if [ -d "$out" ]; then
  echo "shard $k/$SHARDS already finished: $out"
  exit 0
fi
mkdir -p "$SHARDS_DIR"
eval "options=(${RUN_OPTIONS:-})"
exec node /app/bin/crm-sim.js run "$SCENARIO" --replicates "$REPLICATES" --seed "$SEED" \
  --shard "$k/$SHARDS" --workers "${WORKERS:-1}" --out "$out" --quiet "${options[@]}"
