#!/usr/bin/env bash
# Submits a crm-sim run to Slurm as a job array of N shards plus a merge job that starts when all
# of them succeeded:
#
#   deploy/slurm/submit.sh SCENARIO OUT_DIR REPLICATES SEED SHARDS [MAX_CONCURRENT]
#
# Run it from the crm-sim checkout on a shared file system (SHARDS_DIR = OUT_DIR.shards must be
# visible to every node). RUN_OPTIONS (e.g. "--set years=20") go to every shard, MERGE_OPTIONS
# (e.g. "--format parquet") to the merge. After failures, rerun this script with the same
# arguments: finished shards are kept and skipped, only missing ones run again.
set -euo pipefail
if [ $# -lt 5 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
export SCENARIO=$1 OUT_DIR=$2 REPLICATES=$3 SEED=$4 SHARDS=$5
export SHARDS_DIR="$OUT_DIR.shards"
throttle=${6:+%$6}
mkdir -p "$SHARDS_DIR"
array=$(sbatch --parsable --export=ALL --array="1-$SHARDS$throttle" "$here/crm-sim-shard.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterok:${array%%;*}" "$here/crm-sim-merge.sbatch")
echo "shards: job $array (array 1-$SHARDS), merge: job $merge -> $OUT_DIR"
