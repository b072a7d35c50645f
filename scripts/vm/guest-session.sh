#!/bin/sh
# The guest side of scripts/vm-test.sh, run by root's login shell on ttyS1 (see provision-rootfs.sh), so
# in logind's session scope. /mnt/isolab-vm is the run directory shared by the host: `env` and `command`
# come in; `started`, `stdout`, `stderr` and `status` go out. The guest powers off afterwards.
set -u
run=/mnt/isolab-vm
. "$run/env"
export ISOLAB_VM_REPO ISOLAB_VM_BIN ISOLAB_VM_MODE VM_TEST_SUITES
: >"$run/started"
echo "isolab-vm: session started" >/dev/kmsg
cd "$ISOLAB_VM_REPO" || { echo 125 >"$run/status"; exit; }
export PATH="$ISOLAB_VM_BIN:/opt/swift/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# The guest's own isolab roots, on tmpfs: the root filesystem is an overlay, which overlayfs cannot
# use as an upper layer.
export ISOLAB_ROOT=/var/lib/isolab-vm ISOLAB_TEST_ROOT=/var/lib/isolab-test-vm
for dir in "$ISOLAB_ROOT" "$ISOLAB_TEST_ROOT"; do
    mkdir -p "$dir" && mount -t tmpfs -o mode=0700 tmpfs "$dir"
done

if [ "$ISOLAB_VM_MODE" = command ]; then
    eval "set -- $(cat "$run/command")"
    "$@" >"$run/stdout" 2>"$run/stderr" </dev/null
    status=$?
else
    sh scripts/vm/guest-suite.sh >"$run/stdout" 2>"$run/stderr" </dev/null
    status=$?
fi
for dir in "$ISOLAB_ROOT" "$ISOLAB_TEST_ROOT"; do umount "$dir" 2>/dev/null; done
echo "$status" >"$run/status"
sync
echo "isolab-vm: session done, status $status" >/dev/kmsg
