#!/usr/bin/env bash
# End-to-end test on a real Slurm: start a single-node cluster, submit a sharded sweep as a
# job array, wait, merge, and check the merged files equal a single-process sweep byte for
# byte; stop the daemons it started. Needs root (run by .ci/run). Exit 0 = pass.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
work=$(mktemp -d /tmp/gridgov-slurm-test.XXXXXX)
chmod 755 "$work"
trap 'cluster/slurm-local.sh stop || true' EXIT
cluster/slurm-local.sh start
eval "$(cluster/slurm-local.sh env)"

design=(--vary staffing.workersPerGrid=1,2 --vary admin.taskCut=0,0.5 --replications 3 --days 3 --seed 11)
shards=3
jid=$(sbatch --parsable --array=0-$((shards - 1)) --chdir="$work" --export=ALL,GRIDGOV_HOME="$here" \
  cluster/sweep-array.sbatch "$here/scenarios/teaching-small.json" "$work/shards" "$shards" "${design[@]}")
jid=${jid%%;*}
echo "submitted job array $jid ($shards tasks)"
end=$((SECONDS + 300))
while [[ -n $(squeue -h -j "$jid" -o %i 2>/dev/null) ]]; do
  ((SECONDS < end)) || { squeue >&2; echo "FAIL: job array did not finish" >&2; exit 1; }
  sleep 2
done
for i in $(seq 0 $((shards - 1))); do
  state=$(scontrol -o show job "${jid}_$i" | grep -oE 'JobState=[A-Z]+ .*ExitCode=[0-9:]+' | sed 's/ .*ExitCode/ ExitCode/')
  [[ $state == "JobState=COMPLETED ExitCode=0:0" ]] || { cat "$work"/*.log >&2 || true; echo "FAIL: task $i: $state" >&2; exit 1; }
done
node bin/gridgov.js merge "$work/shards" >/dev/null
node bin/gridgov.js sweep scenarios/teaching-small.json "${design[@]}" --workers 1 --out "$work/single" >/dev/null 2>&1
for f in sweep.csv summary.csv sweep.json; do
  cmp "$work/shards/$f" "$work/single/$f" || { echo "FAIL: merged $f differs from the single-process sweep" >&2; exit 1; }
done
echo "PASS: Slurm job array of $shards shards merged byte-identical to one process"
