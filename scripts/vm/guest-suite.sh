#!/bin/sh
# The v2 suite, run in the guest's login session by guest-session.sh at the repository root, with
# isolab's bin dir first on PATH and the guest's own ISOLAB_ROOT/ISOLAB_TEST_ROOT. Each step writes
# JUnit XML; the counts of every step make the last line, "N passed, M failed".
set -u
out=$(mktemp -d /tmp/isolab-vm-suite.XXXXXX)
export ISOLAB_BIN="$ISOLAB_VM_BIN/isolab"
status=0

echo "guest kernel: $(uname -r)"
echo "guest /sys/fs/cgroup: $(stat -fc %T /sys/fs/cgroup)"
echo "guest session cgroup: $(cut -d: -f3 /proc/self/cgroup)"
sh scripts/vm/leakcheck.sh snapshot "$out/before"

step() { # NAME COMMAND...: runs one step, its output indented
    name=$1; shift
    echo "== $name"
    start=$(date +%s)
    "$@" 2>&1 | sed -u 's/^/   /'
    echo "== $name: done in $(( $(date +%s) - start )) s"
}
# The host-built test bundle, run directly: `swift test` would recompile Package.swift, which needs a
# C toolchain the guest does not have.
tests() { NO_COLOR=1 "$ISOLAB_VM_BIN/isolabPackageTests.xctest" --testing-library swift-testing "$@"; }
# What runs. The default is what is specific to cgroup v2 and what users need proven there; under TCG on
# the project's 2-core machine the whole run (boot included) took 13 minutes, the ten labs 6.5 of them
# (budget: 30, scripts/vm-test.sh's default timeout).
# VM_TEST_SUITES=all (passed on by scripts/vm-test.sh) runs every runtime integration and CLI end-to-end
# suite and every lab (about an hour: the runtime integration suites alone took 12 minutes).
#   runtime_suites  runtime integration suites (real cgroups, namespaces, images, the bridge)
#   cli_suites      CLI end-to-end suites: limits and OOM, the life cycle, namespaces (CPUDemoTests runs alone)
#   labs            lab files for `isolab lab run`
# Every lab runs in both: each must pass on v2 as it does on v1.
labs="Labs/"
if [ "${VM_TEST_SUITES:-default}" = all ]; then
    runtime_suites="RuntimeIntegrationTests"
    cli_suites="CLIEndToEndTests"
else
    runtime_suites="CgroupRealTests"
    cli_suites="PrivilegeAndLimitTests LifecycleTests NamespaceDemoTests"
fi
echo "suites: ${VM_TEST_SUITES:-default} (runtime: $runtime_suites; CLI: $cli_suites; labs: $labs)"
regex() { echo "$*" | sed 's/ /|/g'; }
step "runtime integration tests" tests --filter "$(regex $runtime_suites)" --xunit-output "$out/runtime.xml"
step "CLI end-to-end tests" tests --filter "$(regex $cli_suites)" --skip CPUDemoTests --xunit-output "$out/cli.xml"
step "CPU demo" tests --filter CPUDemoTests --xunit-output "$out/cpu.xml"
# shellcheck disable=SC2086
step "labs" isolab lab run --quiet $labs --junit "$out/labs.xml"
step "placement scenarios" sh scripts/vm/scenarios.sh "$out/scenarios.xml"

# Leftovers of an interrupted test would show in the leak check; list them first, so it is clear why.
sh scripts/vm/leakcheck.sh snapshot "$out/after"
echo "== leak check"
if sh scripts/vm/leakcheck.sh diff "$out/before" "$out/after"; then
    leak='<testcase name="leakcheck"/>'
else
    leak='<testcase name="leakcheck"><failure message="the guest changed"/></testcase>'
fi
echo "$leak" >"$out/leakcheck.xml"

# One testcase per test; a testcase with a <failure> failed, one with <skipped> was skipped.
count() {
    awk '
        /<testcase/ { open = 1; failed = 0; skipped = 0 }
        open && /<failure/ { failed = 1 }
        open && /<skipped/ { skipped = 1 }
        open && (/<\/testcase>/ || /<testcase[^>]*\/>/) {
            open = 0; if (failed) fail++; else if (skipped) skip++; else pass++ }
        END { print pass + 0, fail + 0, skip + 0 }' "$@"
}
passed=0 failed=0 skipped=0
for file in runtime cli cpu labs scenarios leakcheck; do
    xml=$out/$file.xml
    if [ ! -f "$xml" ]; then
        echo "vm suite: $file wrote no results"; failed=$((failed + 1)); continue
    fi
    set -- $(count "$xml")
    echo "vm suite: $file: $1 passed, $2 failed, $3 skipped"
    passed=$((passed + $1)) failed=$((failed + $2)) skipped=$((skipped + $3))
done
rm -rf "$out"
echo "guest kernel: $(uname -r), /sys/fs/cgroup: $(stat -fc %T /sys/fs/cgroup), $skipped skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
