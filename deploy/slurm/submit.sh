#!/usr/bin/env bash
# Submits a crm-sim run to Slurm as a job array of N shards plus a merge job that starts when all
# of them succeeded:
#
#   deploy/slurm/submit.sh SCENARIO OUT_DIR REPLICATES SEED SHARDS [MAX_CONCURRENT]
#
# Run it on a login node, from any folder, with the checkout on a shared file system: the jobs run
# this checkout's crm-sim (node CRM_SIM_ROOT/bin/crm-sim.js; CRM_SIM overrides the command) and
# SHARDS_DIR = OUT_DIR.shards must be visible to every node; relative paths are taken from the
# current folder (Slurm runs the jobs there). RUN_OPTIONS (e.g. '--set "years=20"') go to every
# shard, MERGE_OPTIONS (e.g. "--format parquet") to the merge; MERGE_TIME (e.g. 06:00:00) replaces
# the merge job's time limit (it reads every shard at about 100 MB/s: deploy/README.md);
# KEEP_SHARDS=1 keeps OUT_DIR.shards after the merge (it is removed once the merge succeeded).
# After failures, rerun this script with the same arguments: finished shards are kept and skipped,
# only missing ones run again. Once OUT_DIR exists the run is complete and nothing is submitted.
set -euo pipefail
self=$(readlink -f -- "${BASH_SOURCE[0]}" 2>/dev/null || printf '%s\n' "${BASH_SOURCE[0]}")
if [ $# -lt 5 ]; then
  sed -n '2,15p' "$self" >&2
  exit 2
fi
here=$(cd -P -- "$(dirname -- "$self")" && pwd)
export CRM_SIM_ROOT=${CRM_SIM_ROOT:-$(cd -P -- "$here/../.." && pwd)}
export SCENARIO=$1 OUT_DIR=$2 REPLICATES=$3 SEED=$4 SHARDS=$5
export SHARDS_DIR="$OUT_DIR.shards"
throttle=${6:+%$6}
if [ -d "$OUT_DIR" ]; then
  echo "submit: $OUT_DIR is complete already (merged); nothing submitted" >&2
  if [ -d "$SHARDS_DIR" ]; then echo "submit: $SHARDS_DIR is left over from it: remove it when done" >&2; fi
  exit 0
fi
mkdir -p "$SHARDS_DIR"
array=$(sbatch --parsable --export=ALL --array="1-$SHARDS$throttle" "$here/crm-sim-shard.sbatch")
merge=$(sbatch --parsable --export=ALL ${MERGE_TIME:+"--time=$MERGE_TIME"} --dependency="afterok:${array%%;*}" \
  "$here/crm-sim-merge.sbatch")
echo "shards: job $array (array 1-$SHARDS), merge: job $merge -> $OUT_DIR"
