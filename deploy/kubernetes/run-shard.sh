#!/usr/bin/env bash
# Entry point of one pod of the Indexed Job (deploy/kubernetes/shards-job.yaml): Kubernetes gives
# each pod JOB_COMPLETION_INDEX = 0…N−1; the pod runs shard k = index + 1 of N (SHARDS, from
# run-config.yaml) and writes $SHARDS_DIR/shard-k atomically. It refuses (exit 2, which fails the
# Job at once) unless JOB_COMPLETIONS, the Job's completions as kustomization.yaml set them, equals
# SHARDS: a Job applied without -k, or run-config.yaml changed under a running Job, would run the
# wrong shards or leave some out. A retried pod whose shard already
# finished, or whose run is merged already ($OUT_DIR exists), exits at once. On SIGTERM (pod
# deleted, evicted, preempted) crm-sim stops, removes its hidden temporary folder and exits 130; a
# pod killed outright leaves that folder (.shard-k.tmp-<pid>), safe to delete, and the retry
# writes a new one.
set -euo pipefail
: "${SCENARIO:?}" "${SHARDS_DIR:?}" "${REPLICATES:?}" "${SEED:?}" "${SHARDS:?}"
k=$((${JOB_COMPLETION_INDEX:?run in an Indexed Job} + 1))
if [ -z "${JOB_COMPLETIONS:-}" ]; then
  echo "run-shard: JOB_COMPLETIONS is not set: apply the shards Job with 'kubectl apply -k deploy/kubernetes'," \
    "which sets its completions to SHARDS ($SHARDS), not with -f shards-job.yaml" >&2
  exit 2
fi
if [ "$JOB_COMPLETIONS" != "$SHARDS" ]; then
  echo "run-shard: this Job has $JOB_COMPLETIONS completions but run-config.yaml now says SHARDS=$SHARDS:" \
    "delete the Job (kubectl delete job crm-sim-shards) and apply the run again (kubectl apply -k deploy/kubernetes)" >&2
  exit 2
fi
if [ "$k" -gt "$SHARDS" ]; then
  echo "run-shard: pod index $((k - 1)) but SHARDS=$SHARDS: the Job's completions must be SHARDS (kubectl apply -k deploy/kubernetes sets them)" >&2
  exit 2
fi
out="$SHARDS_DIR/shard-$k"
if [ -n "${OUT_DIR:-}" ] && [ -d "$OUT_DIR" ]; then
  echo "shard $k/$SHARDS: the run is merged already: $OUT_DIR"
  exit 0
fi
if [ -d "$out" ]; then
  echo "shard $k/$SHARDS already finished: $out"
  exit 0
fi
mkdir -p "$SHARDS_DIR"
eval "options=(${RUN_OPTIONS:-})"
# exec: node is the container's PID 1 and gets Kubernetes' SIGTERM itself. PID 1 ignores signals
# it has no handler for, so a crm-sim that did not handle SIGTERM would run on until the grace
# period's SIGKILL; with such a version, start the pod under an init (tini -- bash run-shard.sh).
# shellcheck disable=SC2154 # options is set by the eval above
exec node "${CRM_SIM_ROOT:-/app}/bin/crm-sim.js" run "$SCENARIO" --replicates "$REPLICATES" --seed "$SEED" \
  --shard "$k/$SHARDS" --workers "${WORKERS:-1}" --out "$out" --quiet ${options[@]+"${options[@]}"}
