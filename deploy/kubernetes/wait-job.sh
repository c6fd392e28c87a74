#!/usr/bin/env bash
# Waits until a Kubernetes Job has completed or failed; `kubectl wait --for=condition=complete`
# alone waits out its whole timeout when the Job fails.
#
#   deploy/kubernetes/wait-job.sh JOB [TIMEOUT_SECONDS]     (default 86400; kubectl's context and namespace)
#
# Exit 0: the Job completed; 1: it failed (its reason and message are printed); 124: still running
# at the timeout. A failing `kubectl get` (API server unreachable, a typo in JOB) is printed and
# retried until the timeout. WAIT_INTERVAL: seconds between checks (default 30).
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
job=$1
deadline=$((SECONDS + ${2:-86400}))
while :; do
  if conditions=$(kubectl get "job/$job" -o \
      'jsonpath={range .status.conditions[?(@.status=="True")]}{.type}{"\t"}{.reason}{"\t"}{.message}{"\n"}{end}'); then
    if grep -q '^Complete' <<<"$conditions"; then
      echo "job/$job complete"
      exit 0
    fi
    if failed=$(grep '^Failed' <<<"$conditions"); then
      echo "job/$job failed: $(cut -f2- <<<"$failed" | tr '\t' ' ')" >&2
      exit 1
    fi
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "job/$job still running after ${2:-86400} s" >&2
    exit 124
  fi
  sleep "${WAIT_INTERVAL:-30}"
done
