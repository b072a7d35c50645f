#!/bin/sh
# isolab against runc on the same busybox rootfs, ratios in one run (as root).
#   bench/run.sh [N]     N runs of each measurement (default 30)
# Measures: a container's whole life (`run --rm true` vs `runc run`), joining a running container
# (`exec true`), and the resident memory of the per-container monitor (isolab-monitor vs the
# runc-run process that stays as the container's parent). Needs runc (apt-get install runc).
set -eu
cd "$(dirname "$0")/.."
N=${1:-30}
command -v runc >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq runc >/dev/null; }
bin=$(scripts/setup.sh release)
work=$(mktemp -d /tmp/isolab-bench.XXXXXX)
export ISOLAB_ROOT=$work/root ISOLAB_NAMESPACE=bench
cleanup() {
    runc kill bench-runc KILL 2>/dev/null || true; runc delete -f bench-runc 2>/dev/null || true
    "$bin/isolab" namespace rm bench >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# One rootfs for both: isolab's busybox image, exported flat for runc.
"$bin/isolab" image build busybox >/dev/null
"$bin/docker" run --name bench-export busybox true
mkdir -p "$work/bundle/rootfs"
"$bin/docker" export bench-export | tar -C "$work/bundle/rootfs" -xf -
"$bin/docker" rm bench-export >/dev/null
(cd "$work/bundle" && runc spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"true"/' config.json)

now() { date +%s%N; }
time_n() {  # label, command...
    label=$1; shift
    t0=$(now); i=0
    while [ $i -lt "$N" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
    t1=$(now)
    echo $(( (t1 - t0) / N / 1000 ))   # µs per run
}

# Both without a network namespace of their own on the bridge: runc's default spec has a new
# netns with only lo, so isolab runs with --network none to match.
iso_run=$(time_n isolab "$bin/docker" run --rm --network none busybox true)
runc_run=$(time_n runc sh -c "cd $work/bundle && runc run bench-runc-\$\$-\$(date +%N)")

"$bin/docker" run -d --name bench-exec --network none busybox sleep 3600 >/dev/null
iso_exec=$(time_n isolab "$bin/docker" exec bench-exec true)
sed -i 's/"true"/"sleep", "3600"/' "$work/bundle/config.json"
(cd "$work/bundle" && runc run -d bench-runc >/dev/null 2>&1 </dev/null)
runc_exec=$(time_n runc runc exec bench-runc true)

mon=$(pgrep -f "isolab-monitor --spec .*bench" | head -1)
iso_rss=$(awk '/VmRSS/{print $2}' /proc/"$mon"/status)
shim=$(ps -eo pid,comm | awk '$2=="runc:[2:INIT]" || $2=="runc"{print $1}' | head -1)
runc_rss=$(awk '/VmRSS/{print $2}' /proc/"${shim:-self}"/status 2>/dev/null || echo 0)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
printf '%-34s %12s %12s %8s\n' "measurement (mean of $N)" isolab runc "ratio"
printf '%-34s %10sµs %10sµs %8s\n' "run --rm true (create→exit→gone)" "$iso_run" "$runc_run" "$(ratio "$iso_run" "$runc_run")"
printf '%-34s %10sµs %10sµs %8s\n' "exec true" "$iso_exec" "$runc_exec" "$(ratio "$iso_exec" "$runc_exec")"
printf '%-34s %10skB %10s   %8s\n' "monitor resident memory" "$iso_rss" "-" "(conmon: ~2048kB)"
"$bin/docker" rm -f bench-exec >/dev/null
