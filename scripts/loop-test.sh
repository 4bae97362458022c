#!/usr/bin/env bash
# Runs one jest test (or file) N times in a row, each a fresh run, stopping at the first failure; proves a race
# is gone rather than hidden (not part of CI: it takes minutes).
# Usage: scripts/loop-test.sh [runs] [test file] [test name pattern] [jest project: sqlite | postgres; both if empty]
#   scripts/loop-test.sh 30 tests/corrections-durability.test.ts 'two replicas' sqlite
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
file=${2:-tests/corrections-durability.test.ts}
pattern=${3:-two replicas}
project=${4:-}
select=()
if [ -n "$project" ]; then select=(--selectProjects="$project"); fi
log=$(mktemp)
for i in $(seq 1 "$runs"); do
  if npx jest "$file" -t "$pattern" "${select[@]}" >"$log" 2>&1; then
    echo "run $i/$runs: passed ($(grep -Eo 'Tests: .*' "$log" | head -1))"
  else
    echo "run $i/$runs: FAILED"
    cat "$log"
    rm -f "$log"
    exit 1
  fi
done
rm -f "$log"
echo "all $runs runs passed"
