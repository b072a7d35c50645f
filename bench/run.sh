#!/bin/bash
# isolab against runc, crun and bwrap on the same busybox rootfs, ratios in one run (as root).
#   bench/run.sh [N]     N rounds of each paired measurement (default 20)
# Each round runs every command of a comparison once, in turn (alternating, so a change in the
# machine's load hits them alike); it prints the median and the spread (p10-p90) of each and the
# ratio of the medians. Then: the per-phase trace of one `run --rm`, 100 detached containers
# started and removed from a shell loop (bridge and --network none), 20 started in parallel,
# the monitor's and the client's memory, start-up against a static Swift "hello", and the lab
# suite's wall time against the sum of its own waits (measure windows, foreground sleeps).
# Installs runc, crun, bubblewrap (and time) with apt when missing. Speed goals live here, never
# in timed tests; Docs/performance.md keeps the results.
set -eu
cd "$(dirname "$0")/.."
N=${1:-20}
need=""
command -v runc >/dev/null 2>&1 || need="$need runc"
command -v crun >/dev/null 2>&1 || need="$need crun"
command -v bwrap >/dev/null 2>&1 || need="$need bubblewrap"
[ -x /usr/bin/time ] || need="$need time"
command -v jq >/dev/null 2>&1 || need="$need jq"
if [ -n "$need" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq $need >/dev/null
fi
# ISOLAB_BENCH_BIN=DIR measures the isolab in DIR (an earlier build, for a before/after).
bin=${ISOLAB_BENCH_BIN:-$(scripts/setup.sh release)}
work=$(mktemp -d /tmp/isolab-bench.XXXXXX)
export ISOLAB_ROOT=$work/root ISOLAB_NAMESPACE=bench
unset ISOLAB_TRACE
cleanup() {
    for rt in runc crun; do "$rt" delete -f bench-exec-$rt >/dev/null 2>&1 || true; done
    "$bin/isolab" namespace rm bench >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "isolab bench: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  $(runc --version | head -1), $(crun --version | head -1), bwrap $(bwrap --version | cut -d' ' -f2)"

# One rootfs for all: isolab's busybox image, exported flat into an OCI bundle.
"$bin/isolab" image build busybox >/dev/null
"$bin/docker" run --name bench-export --network none busybox true
mkdir -p "$work/bundle/rootfs"
"$bin/docker" export bench-export | tar -C "$work/bundle/rootfs" -xf -
"$bin/docker" rm bench-export >/dev/null
(cd "$work/bundle" && runc spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"true"/' config.json)
mkdir -p "$work/exec-bundle"
sed 's/"true"/"sleep", "3600"/; s|"path": "rootfs"|"path": "'"$work"'/bundle/rootfs"|' "$work/bundle/config.json" >"$work/exec-bundle/config.json"

# crun refuses a cgroup v1 hybrid host's empty unified hierarchy; in a private mount namespace
# an empty cgroup.controllers bound over it makes it use v1. (Not needed on cgroup v2.)
in_ns=""
if [ "$(stat -f -c %T /sys/fs/cgroup)" != cgroup2fs ] && [ -e /sys/fs/cgroup/unified/cgroup.controllers ]; then
    : >"$work/empty-controllers"
    in_ns="unshare -m --propagation private"
fi

results=$work/results
mkdir -p "$results"
# measure NAME N CMD...: N rounds, each running every CMD once (eval'd by bash, timed with
# $EPOCHREALTIME in microseconds, no fork for the clock); one file of times per command.
measure() {
    local name=$1 n=$2; shift 2
    local cmds=("$@") i j k t0 t1
    for ((i = 0; i < n; i++)); do
        # Each round starts with the next command, and each command starts after a pause: one
        # that follows another's cgroup move within a grace period finds the kernel's migration
        # lock warm and skips a wait of 10-15 ms (see Docs/performance.md).
        for ((k = 0; k < ${#cmds[@]}; k++)); do
            j=$(( (i + k) % ${#cmds[@]} ))
            sleep 0.1
            t0=$EPOCHREALTIME
            eval "${cmds[$j]}" >/dev/null 2>&1 </dev/null || echo "bench: failed: ${cmds[$j]}" >&2
            t1=$EPOCHREALTIME
            echo $(( (${t1/./} - ${t0/./}) )) >>"$results/$name.$j"
        done
    done
}
# cpu OUT CMD...: the mean CPU time (ms) of all processes of each CMD over N runs, one line each
# (perf stat follows children; unlike wall time, CPU time hardly depends on the machine's load).
cpu() {
    local out=$1 c; shift
    command -v perf >/dev/null 2>&1 || return 0
    for c in "$@"; do
        perf stat -x, -r "$N" -e task-clock $c 2>&1 >/dev/null </dev/null | awk -F, '/task-clock/ { print $1 }'
    done >"$out"
}
stats() {  # file → "median p10 p90" in ms
    sort -n "$1" | awk '{a[NR]=$1} END {
        m = a[int((NR + 1) / 2)]; lo = a[int(NR * 0.1) + 1]; hi = a[int(NR * 0.9) > 0 ? int(NR * 0.9) : 1];
        printf "%.1f %.1f %.1f", m / 1000, lo / 1000, hi / 1000 }'
}
cpu_row() {  # file of cpu's three lines (isolab, runc, crun)
    [ -s "$1" ] || return 0
    awk 'NR == 1 { i = $1 } NR == 2 { r = $1 } NR == 3 { c = $1 } END {
        printf "%-46s %7.1f ms CPU, runc %.1f (%.2f), crun %.1f (%.2f)\n", "  CPU of all its processes (perf stat, mean)", i, r, i / r, c, i / c }' "$1"
}
row() {  # label, file of isolab, file of peer (or ""), peer name
    local s p
    s=($(stats "$2"))
    if [ -n "$3" ]; then
        p=($(stats "$3"))
        printf '%-46s %7s ms (%s-%s) %7s ms (%s-%s) %-5s %5.2f\n' "$1" "${s[0]}" "${s[1]}" "${s[2]}" "${p[0]}" "${p[1]}" "${p[2]}" "$4" \
            "$(awk -v a="${s[0]}" -v b="${p[0]}" 'BEGIN { print (b > 0 ? a / b : 0) }')"
    else
        printf '%-46s %7s ms (%s-%s)\n' "$1" "${s[0]}" "${s[1]}" "${s[2]}"
    fi
}

export bin work
b=$work/bundle
mount_fix='true'
[ -n "$in_ns" ] && mount_fix="mount --bind $work/empty-controllers /sys/fs/cgroup/unified/cgroup.controllers"
export -f measure cpu
export N
export results
$in_ns bash -c "
set -eu
$mount_fix
measure life $N \
    '$bin/docker run --rm --network none busybox true' \
    'runc run -b $b bench-runc' \
    'crun run -b $b bench-crun' \
    'bwrap --unshare-all --die-with-parent --bind $b/rootfs / --proc /proc --dev /dev /bin/true'
# The bridge alone: each run makes it and, as its last container, deletes it (the kernel's
# bridge deletion waits for an RCU barrier). Then with another container keeping the bridge.
measure bridge $N '$bin/docker run --rm busybox true' '$bin/docker run --rm --network none busybox true'
$bin/docker run -d --name bench-keep busybox sleep 3600 >/dev/null
measure bridge-kept $N '$bin/docker run --rm busybox true' '$bin/docker run --rm --network none busybox true'
$bin/docker rm -f bench-keep >/dev/null
cpu $results/cpu '$bin/docker run --rm --network none busybox true' 'runc run -b $b bench-runc' 'crun run -b $b bench-crun'
# exec into a running container of each runtime
$bin/docker run -d --name bench-exec --network none busybox sleep 3600 >/dev/null
runc run -d -b $work/exec-bundle bench-exec-runc >/dev/null 2>&1 </dev/null
crun run -d -b $work/exec-bundle bench-exec-crun >/dev/null 2>&1 </dev/null
pid=\$($bin/docker inspect -f '{{.State.Pid}}' bench-exec)
measure exec $N \
    '$bin/docker exec bench-exec true' \
    'runc exec bench-exec-runc true' \
    'crun exec bench-exec-crun true' \
    \"nsenter -a -t \$pid true\"
cpu $results/cpu-exec '$bin/docker exec bench-exec true' 'runc exec bench-exec-runc true' 'crun exec bench-exec-crun true'
mon=\$(ps -eo pid,args | awk '/isolab-monitor --spec .*bench/ && !/awk/ {print \$1; exit}')
awk '/VmRSS/{print \$2}' /proc/\$mon/status >$results/monitor-rss
runc delete -f bench-exec-runc >/dev/null 2>&1 || true
crun delete -f bench-exec-crun >/dev/null 2>&1 || true
$bin/docker rm -f bench-exec >/dev/null
"

echo
printf '%-46s %18s %18s %-5s %5s\n' "median (p10-p90) of $N alternating rounds" isolab peer "" ratio
row "run --rm --network none true vs runc run" "$results/life.0" "$results/life.1" runc
row "  the same vs crun run" "$results/life.0" "$results/life.2" crun
row "  the same vs bwrap --unshare-all" "$results/life.0" "$results/life.3" bwrap
cpu_row "$results/cpu"
row "run --rm true on the bridge vs --network none" "$results/bridge.0" "$results/bridge.1" none
row "  the same, another container on the bridge" "$results/bridge-kept.0" "$results/bridge-kept.1" none
row "exec true vs runc exec" "$results/exec.0" "$results/exec.1" runc
row "  the same vs crun exec" "$results/exec.0" "$results/exec.2" crun
cpu_row "$results/cpu-exec"
row "  the same vs nsenter -a" "$results/exec.0" "$results/exec.3" nsent

# Start-up: isolab --version against a static Swift binary that imports Foundation, and the CPU
# time isolab spends before its main (ISOLAB_TRACE's first line).
swiftc=$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)
if [ -x "$swiftc" ]; then
    printf 'import Foundation\nprint("hello \\(ProcessInfo.processInfo.processIdentifier > 0)")\n' >"$work/hello.swift"
    "$swiftc" -O -static-executable "$work/hello.swift" -o "$work/hello" 2>/dev/null
    measure version $N "$bin/isolab --version" "$work/hello"
    row "isolab --version vs static Swift hello" "$results/version.0" "$results/version.1" hello
fi
for ((i = 0; i < N; i++)); do
    ISOLAB_TRACE=1 "$bin/isolab" --version 2>&1 >/dev/null | awk '/start-up/ { for (i = 1; i <= NF; i++) if ($(i+1) == "ms") { print int($i * 1000); exit } }'
done >"$results/cpu-before-main"
row "isolab CPU time before main" "$results/cpu-before-main" "" ""
# What start-up follows: the size of the program and its relative relocations (isolab links only
# FoundationEssentials; isolab-lab, which `isolab lab` execs, all of Foundation and ICU's data).
for p in isolab isolab-lab; do
    [ -x "$bin/$p" ] || continue
    printf '%-46s %4d MB, %6d relocations, %s ms CPU for --version (perf stat mean)\n' "  $p binary" \
        $(( $(stat -c %s "$bin/$p") >> 20 )) "$(readelf -r "$bin/$p" 2>/dev/null | grep -c R_X86_64_RELATIVE || true)" \
        "$(perf stat -r 20 -x, -e task-clock "$bin/$p" --version 2>&1 >/dev/null | awk -F, '/task-clock/ { printf "%.2f", $1; exit }' || true)"
done
/usr/bin/time -f %M -o "$work/rss" "$bin/docker" run --rm --network none busybox true
/usr/bin/time -f %M -o "$work/rss-hello" "$work/hello" >/dev/null 2>&1 || echo 0 >"$work/rss-hello"
echo "memory: monitor $(cat "$results/monitor-rss") kB resident; client of run --rm (peak) $(tail -1 "$work/rss") kB; static hello $(tail -1 "$work/rss-hello") kB"

# Bursts: 100 detached containers from a shell loop, then rm -f of each; 20 in parallel.
burst() {  # network
    local t0 t1 t2 i ids=()
    t0=$EPOCHREALTIME
    for ((i = 0; i < 100; i++)); do ids+=("$("$bin/docker" run -d --network "$1" busybox sleep 3600)"); done
    t1=$EPOCHREALTIME
    for id in "${ids[@]}"; do "$bin/docker" rm -f "$id" >/dev/null; done
    t2=$EPOCHREALTIME
    awk -v a="${t0/./}" -v b="${t1/./}" -v c="${t2/./}" -v n="$1" \
        'BEGIN { printf "100 x run -d (%s): start %.2f s, rm -f %.2f s\n", n, (b - a) / 1e6, (c - b) / 1e6 }'
}
burst bridge
burst none
fail=0
for ((i = 0; i < 20; i++)); do "$bin/docker" run -d --name "par$i" busybox sleep 3600 >/dev/null 2>"$work/par$i.err" & done
wait
for ((i = 0; i < 20; i++)); do [ -s "$work/par$i.err" ] && fail=$((fail + 1)); done
running=$("$bin/docker" ps -q | wc -l)
echo "20 x run -d in parallel (bridge): $running running, $fail failed"
for ((i = 0; i < 20; i++)); do "$bin/docker" rm -f "par$i" >/dev/null 2>&1 || true; done

echo
echo "one run --rm --network none, phase by phase (ISOLAB_TRACE=1):"
ISOLAB_TRACE=1 "$bin/docker" run --rm --network none busybox true 2>&1 | sed 's/^isolab trace: /  /'

# The lab suite's wall time against the sum of its own waits: the measure windows it asks for and
# the `sleep N` its commands run in the foreground (a command's first word); the rest is isolab's
# work and the containers' commands.
echo
"$bin/isolab" lab run --quiet Labs/ --json "$work/labs.json" >/dev/null 2>&1 || echo "(a lab failed; the times below are still its run's)"
if [ -s "$work/labs.json" ]; then
    jq -r '
      ([.isolab.labs[].blocks[] | select(.measure != null) | .measure.window] | add // 0) as $windows
      | ([.isolab.labs[].blocks[].commands[].command
          | [scan("(?:^|[;&|(\n]|\\bdo|\\bthen)\\s*sleep\\s+([0-9.]+)")[0] | tonumber] | add // 0] | add // 0) as $sleeps
      | .execution_time as $wall
      | "lab suite (\(.isolab.labs | length) labs): wall \($wall * 10 | round / 10) s; its own waits \(($windows + $sleeps) * 10 | round / 10) s (measure windows \($windows * 10 | round / 10) s, sleeps \($sleeps * 10 | round / 10) s); the rest \(($wall - $windows - $sleeps) * 10 | round / 10) s"
    ' "$work/labs.json"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
