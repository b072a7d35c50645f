#!/bin/sh
# Sets up and runs every test: unit tests, real-container integration and end-to-end tests,
# the CPU demo alone, the labs, and the two fuzz targets for a bounded time. The run is wrapped in scripts/leakcheck: anything a test
# leaves on the host (mount, cgroup, link, netns, process, state file) fails it. Run as root.
#
# ISOLAB_TEST_ROOT (default /var/lib/isolab-test) is the state root the tests use; it is deleted
# at the end, so give a folder of your own when someone else runs tests on the same machine.
set -eu
cd "$(dirname "$0")/.."
bin=$(scripts/setup.sh)
scripts/test-setup-reports.sh >/dev/null

export ISOLAB_BIN="$bin/isolab"
export ISOLAB_TEST_ROOT="${ISOLAB_TEST_ROOT:-/var/lib/isolab-test}"
case $ISOLAB_TEST_ROOT in
/ | /var | /var/lib | /var/lib/isolab | "") echo "test.sh: refusing ISOLAB_TEST_ROOT=$ISOLAB_TEST_ROOT (it is deleted at the end)" >&2; exit 2 ;;
esac

# The built-in images first, once, with their progress on the terminal: the busybox binary and
# the debian rootfs are cached in /var/cache/isolab, so later runs only copy them into the root.
ISOLAB_ROOT=$ISOLAB_TEST_ROOT "$bin/isolab" image build busybox >/dev/null
ISOLAB_ROOT=$ISOLAB_TEST_ROOT "$bin/isolab" image build debian >/dev/null

before=$(mktemp /tmp/isolab-leakcheck.XXXXXX)
scripts/leakcheck snapshot "$before"

status=0
# The suites in parallel, but not the CPU demo: it measures a cap and must run alone.
swift test --skip-build --skip CPUDemoTests || status=1
swift test --skip-build --filter CPUDemoTests || status=1
# The labs prove themselves, as a course author's CI would.
ISOLAB_ROOT=$ISOLAB_TEST_ROOT "$bin/isolab" lab run --quiet Labs/ --junit /tmp/isolab-labs-junit.xml || status=1
# The lab parser and the archive reader meet libFuzzer for a bounded time each
# (ISOLAB_FUZZ_SECONDS, default 60; 0 skips them).
if [ "${ISOLAB_FUZZ_SECONDS:-60}" -gt 0 ]; then
    for target in FuzzLabParser FuzzArchive; do
        scripts/fuzz.sh "$target" "${ISOLAB_FUZZ_SECONDS:-60}" || status=1
    done
fi

leaks=0
scripts/leakcheck diff "$before" || leaks=1
# After the verdict, never before it: remove what an interrupted test may have left, and the
# test root (the cached busybox and debian rootfs stay in /var/cache/isolab).
for ns in $(ISOLAB_ROOT=$ISOLAB_TEST_ROOT "$bin/isolab" namespace ls -q 2>/dev/null); do
    ISOLAB_ROOT=$ISOLAB_TEST_ROOT "$bin/isolab" namespace rm "$ns" >/dev/null 2>&1 || true
done
rm -rf "$ISOLAB_TEST_ROOT" "$before"
if [ $status -eq 0 ] && [ $leaks -eq 0 ]; then
    echo "test.sh: all tests passed, nothing leaked"
elif [ $status -eq 0 ]; then
    echo "test.sh: FAILED: all tests passed, but something leaked (listed above)" >&2
    status=1
else
    echo "test.sh: FAILED" >&2
fi
exit $status
