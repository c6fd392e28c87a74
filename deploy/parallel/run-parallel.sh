#!/usr/bin/env bash
# One big machine: run a scenario's Monte Carlo as K shard processes with GNU parallel, then merge.
# Each shard is an independent `crm-sim run --shard k/K` writing its own folder atomically, so a
# rerun after a crash or Ctrl-C skips finished shards and redoes only the missing ones; the merged
# folder is byte-identical (all files but manifest.json) to a single `crm-sim run`.
#
#   deploy/parallel/run-parallel.sh SCENARIO OUT_DIR [REPLICATES] [SEED] [SHARDS] [JOBS] [-- extra run options]
#
# Run it from anywhere: relative SCENARIO and OUT_DIR are taken from the current folder, and the
# crm-sim that runs is this checkout's (node <checkout>/bin/crm-sim.js, found from this script's
# own path, symlinks resolved). SHARDS defaults to 4 × JOBS (small shards balance better), JOBS to
# the number of cores; each shard runs on one worker thread (--workers 1) so JOBS processes use
# JOBS cores. Extra options after `--` go to every `crm-sim run` (--set, --years); MERGE_OPTIONS to
# `crm-sim merge` (--format parquet, --keep-series). Environment: CRM_SIM (the command instead of
# this checkout's launcher, split on spaces, e.g. `crm-sim` installed globally), CRM_SIM_MAX_MEMORY
# (memory limit of each process).
# Ctrl-C, SIGTERM or SIGHUP stops the shards (each gets SIGINT, crm-sim's clean stop) and the merge
# and exits 130; run the same command again to go on.
set -euo pipefail
self=$(readlink -f -- "${BASH_SOURCE[0]}" 2>/dev/null || printf '%s\n' "${BASH_SOURCE[0]}")
positional=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do positional+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
if [ ${#positional[@]} -lt 2 ]; then
  sed -n '2,18p' "$self" >&2
  exit 2
fi
scenario=${positional[0]}
out=${positional[1]}
replicates=${positional[2]:-100}
seed=${positional[3]:-1}
jobs=${positional[5]:-$(nproc)}
shards=${positional[4]:-$((4 * jobs))}
launcher="$(cd -P -- "$(dirname -- "$self")/../.." && pwd)/bin/crm-sim.js"
run_options=
# %q-quoted so each extra option stays one argument (and GNU parallel never sees `{}` or `:::` in them).
[ $# -gt 0 ] && run_options=$(printf '%q ' "$@")
if [ -e "$out" ]; then
  echo "run-parallel: $out already exists; choose another OUT_DIR" >&2
  exit 2
fi
work="$out.shards"
mkdir -p "$work"
export scenario replicates seed shards work launcher run_options

# The crm-sim command line: $CRM_SIM split on spaces, else this checkout's launcher.
crm_sim_command() {
  if [ -n "${CRM_SIM:-}" ]; then read -ra crm_sim <<<"$CRM_SIM"; else crm_sim=(node "$launcher"); fi
}
# One shard: skipped when its folder exists (a finished shard is renamed into place atomically).
# exec: the job's process is crm-sim itself, so parallel's signals reach it directly.
run_shard() {
  local k=$1 crm_sim options
  [ -d "$work/shard-$k" ] && return 0
  crm_sim_command
  eval "options=($run_options)"
  exec "${crm_sim[@]}" run "$scenario" --replicates "$replicates" --seed "$seed" --shard "$k/$shards" \
    --workers 1 --out "$work/shard-$k" --quiet ${options[@]+"${options[@]}"} >/dev/null
}
export -f crm_sim_command run_shard

# Signals: the child (parallel, then the merge) runs in its own process group (set -m), so a
# Ctrl-C at the terminal reaches it once, through forward(), as SIGINT; parallel then stops its
# jobs with --termseq: SIGINT (crm-sim removes its temporary folder and exits 130), a second one
# after 60 s (crm-sim removes it at once), SIGKILL after 10 s more.
child=
interrupted=
forward() {
  interrupted=1
  if [ -n "$child" ]; then kill -INT "$child" 2>/dev/null || true; fi
}
trap forward INT TERM HUP
# Runs "$@" in the background in its own process group and waits for it, across signals; returns its status.
run_child() {
  set -m
  "$@" &
  child=$!
  set +m
  if [ -n "$interrupted" ]; then kill -INT "$child" 2>/dev/null || true; fi
  local status
  while :; do
    # A trapped signal ends `wait` early (status > 128; forward() has set $interrupted): wait again.
    status=0
    wait "$child" || status=$?
    kill -0 "$child" 2>/dev/null || break
  done
  child=
  return "$status"
}

status=0
# --halt soon,fail=1: after a failed shard, start no new ones but let running ones finish (kept for the rerun).
# shellcheck disable=SC2046 # one argument per shard number
run_child parallel --will-cite --jobs "$jobs" --halt soon,fail=1 --termseq INT,60000,INT,10000,KILL,25 \
  --joblog "$work/joblog" run_shard {} ::: $(seq 1 "$shards") || status=$?
if [ -n "$interrupted" ]; then
  echo "run-parallel: interrupted; finished shards are kept in $work, run the same command again to go on" >&2
  exit 130
fi
[ "$status" -eq 0 ] || exit "$status"
folders=()
for k in $(seq 1 "$shards"); do folders+=("$work/shard-$k"); done
read -ra merge_options <<<"${MERGE_OPTIONS:-}"
crm_sim_command
run_child "${crm_sim[@]}" merge "${folders[@]}" --out "$out" --quiet ${merge_options[@]+"${merge_options[@]}"} >/dev/null || status=$?
if [ -n "$interrupted" ]; then
  echo "run-parallel: interrupted during the merge; shards are kept in $work, run the same command again" >&2
  exit 130
fi
[ "$status" -eq 0 ] || exit "$status"
rm -rf "$work"
echo "$out"
