#!/usr/bin/env bash
# One big machine: run a scenario's Monte Carlo as K shard processes with GNU parallel, then merge.
# Each shard is an independent `crm-sim run --shard k/K` writing its own folder atomically, so a
# rerun after a crash or Ctrl-C skips finished shards and redoes only the missing ones; the merged
# folder is byte-identical (all files but manifest.json) to a single `crm-sim run`.
#
#   deploy/parallel/run-parallel.sh SCENARIO OUT_DIR [REPLICATES] [SEED] [SHARDS] [JOBS] [-- extra run options]
#
# SHARDS defaults to 4 × JOBS (small shards balance better), JOBS to the number of cores; each
# shard runs on one worker thread (--workers 1) so JOBS processes use JOBS cores.
# Extra options after `--` go to every `crm-sim run` (--set, --years); MERGE_OPTIONS to `crm-sim merge`
# (--format parquet, --keep-series). Environment: CRM_SIM (the command, default
# `npx --no-install crm-sim`), CRM_SIM_MAX_MEMORY (memory limit of each process).
set -euo pipefail
positional=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do positional+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
extra=("$@")
if [ ${#positional[@]} -lt 2 ]; then
  sed -n '2,14p' "$0" >&2
  exit 2
fi
scenario=${positional[0]}
out=${positional[1]}
replicates=${positional[2]:-100}
seed=${positional[3]:-1}
jobs=${positional[5]:-$(nproc)}
shards=${positional[4]:-$((4 * jobs))}
crm_sim=${CRM_SIM:-npx --no-install crm-sim}
if [ -e "$out" ]; then
  echo "run-parallel: $out already exists; choose another OUT_DIR" >&2
  exit 2
fi
work="$out.shards"
mkdir -p "$work"
export scenario replicates seed shards work crm_sim
# One shard: skipped when its folder exists (a finished shard is renamed into place atomically).
run_shard() {
  local k=$1
  [ -d "$work/shard-$k" ] && return 0
  # shellcheck disable=SC2086
  $crm_sim run "$scenario" --replicates "$replicates" --seed "$seed" --shard "$k/$shards" \
    --workers 1 --out "$work/shard-$k" --quiet "${@:2}" >/dev/null
}
export -f run_shard
# -q keeps each extra option one argument; --halt stops starting shards after a failure.
seq 1 "$shards" | parallel --will-cite -q --jobs "$jobs" --halt soon,fail=1 --joblog "$work/joblog" \
  run_shard {} "${extra[@]}"
folders=()
for k in $(seq 1 "$shards"); do folders+=("$work/shard-$k"); done
# shellcheck disable=SC2086
$crm_sim merge "${folders[@]}" --out "$out" --quiet ${MERGE_OPTIONS:-} >/dev/null
rm -rf "$work"
echo "$out"
