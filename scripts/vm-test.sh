#!/bin/sh
# Proves isolab on a pure cgroup v2 host: boots Debian's stock kernel under QEMU with a Debian 12
# userland (systemd as PID 1, cgroup2 only), shares this repository, the Swift toolchain and the image
# cache into it over 9p at the same paths, and runs, from a root login session on the guest's second
# serial port (so logind puts it in user-0.slice/session-N.scope, as a learner's shell is):
#   scripts/vm-test.sh              the v2 suite (scripts/vm/guest-suite.sh, which lists it): the real
#                                   cgroup tests, the CLI end-to-end suites of limits, OOM, the life cycle and
#                                   namespaces, the CPU demo alone, every lab in Labs/, the placement scenarios,
#                                   a leak check of the guest; last line "N passed, M failed"
#   VM_TEST_SUITES=all scripts/vm-test.sh   every runtime integration and CLI end-to-end suite, every lab
#   scripts/vm-test.sh -- CMD...    CMD at the repository root with isolab's `docker` first on PATH;
#                                   exits with CMD's status
# Run as root on Debian/Ubuntu. Installs qemu-system-x86, debootstrap and busybox-static; the first run
# downloads Debian's kernel package and debootstraps the guest (about 1 GB in /var/cache/isolab/vm).
# Environment: ISOLAB_VM_CACHE (cache dir), ISOLAB_VM_ACCEL (auto, kvm or tcg), ISOLAB_VM_MEMORY (MiB),
# ISOLAB_VM_CPUS, ISOLAB_VM_BOOT_TIMEOUT and ISOLAB_VM_TIMEOUT (seconds), ISOLAB_VM_KEEP=1 keeps the run dir.
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd -P)

cache=${ISOLAB_VM_CACHE:-/var/cache/isolab/vm}
image_cache=${ISOLAB_CACHE_DIR:-/var/cache/isolab}
memory=${ISOLAB_VM_MEMORY:-4096}
cpus=${ISOLAB_VM_CPUS:-2}
boot_timeout=${ISOLAB_VM_BOOT_TIMEOUT:-180}
accel=${ISOLAB_VM_ACCEL:-auto}
suite=bookworm
mirror=http://deb.debian.org/debian
# What the guest needs: systemd and logind (a real login session), the tools the tests and labs call,
# and the shared libraries of the Swift toolchain and of isolab.
guest_packages="systemd,systemd-sysv,udev,dbus,libpam-systemd,kmod,busybox-static,debootstrap,iproute2,iputils-ping,procps,util-linux,jq,python3-minimal,libcmark0.30.2,libseccomp2,libarchive13,libcurl4,libxml2,libsqlite3-0,libncurses6,libicu72,libstdc++6"
# Bump when the guest's recipe (packages or set-up below) changes, so a stale cached rootfs is not used.
recipe=3

say() { echo "vm-test: $*" >&2; }
die() { say "$*"; exit 2; }
[ "$(id -u)" = 0 ] || die "run as root (it boots a VM whose shares are written as root)"
[ "${1:-}" = "--" ] && shift && mode=command || mode=suite
[ "$mode" = suite ] && [ $# -gt 0 ] && die "usage: scripts/vm-test.sh [-- COMMAND...]"
suites=${VM_TEST_SUITES:-default}
case "$suites" in default|all) ;; *) die "VM_TEST_SUITES is default or all, not '$suites'" ;; esac
timeout_total=${ISOLAB_VM_TIMEOUT:-$([ "$mode" = command ] && echo 600 || ([ "$suites" = all ] && echo 5400 || echo 1800))}

# --- Host packages -----------------------------------------------------------------------------------
need=""
for p in qemu-system-x86 debootstrap debian-archive-keyring busybox-static cpio; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
if [ -n "$need" ]; then
    say "installing$need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $need >/dev/null
fi

# --- isolab, built on the host; the guest runs the same binaries from the shared .build ------------------
bin=$(scripts/setup.sh)
mkdir -p "$cache" "$image_cache"

# --- Kernel: Debian's stock kernel package, unpacked into the cache, never installed on the host ----------
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
if [ -z "$kpkg" ] || [ ! -d "$cache/$kpkg" ]; then
    # No package index yet, or a new kernel: fetch the metapackage to learn its versioned dependency.
    [ -n "$kpkg" ] || apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    kpkg=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
    [ -n "$kpkg" ] || die "apt-cache knows no linux-image-amd64"
fi
kdir=$cache/$kpkg
if [ ! -d "$kdir" ]; then
    say "downloading $kpkg"
    tmp=$(mktemp -d "$cache/tmp-kernel.XXXXXX")
    (cd "$tmp" && apt-get download "$kpkg" >/dev/null 2>&1) || { rm -rf "$tmp"; die "apt-get download $kpkg failed"; }
    dpkg-deb -x "$tmp"/*.deb "$tmp/root"
    mv "$tmp/root" "$kdir" && rm -rf "$tmp"
fi
kernel=$(ls "$kdir"/boot/vmlinuz-*)
kver=${kernel##*/vmlinuz-}

# --- Guest rootfs: debootstrap of bookworm with systemd, the kernel's modules and the login set-up ------
rootfs=$cache/rootfs-$suite-$kver-r$recipe
if [ ! -d "$rootfs" ]; then
    say "debootstrapping the guest ($suite, systemd) into $rootfs"
    rm -rf "$cache"/tmp-rootfs.*
    tmp=$(mktemp -d "$cache/tmp-rootfs.XXXXXX")
    debootstrap --variant=minbase --include="$guest_packages" "$suite" "$tmp" "$mirror" >"$tmp.log" 2>&1 ||
        { tail -n 20 "$tmp.log" >&2; die "debootstrap failed (log: $tmp.log)"; }
    rm -f "$tmp.log"
    mkdir -p "$tmp/lib/modules"
    cp -a "$kdir/lib/modules/$kver" "$tmp/lib/modules/"
    chroot "$tmp" depmod "$kver"
    sh scripts/vm/provision-rootfs.sh "$tmp"
    mv "$tmp" "$rootfs"
fi

# --- initramfs: busybox and the modules that mount the 9p root; scripts/vm/initramfs-init does the rest --
initrd=$cache/initrd-$kver-$(cksum <scripts/vm/initramfs-init | cut -d' ' -f1).cpio.gz
if [ ! -f "$initrd" ]; then
    tmp=$(mktemp -d "$cache/tmp-initrd.XXXXXX")
    mkdir -p "$tmp/bin" "$tmp/modules" "$tmp/proc" "$tmp/sys" "$tmp/dev" "$tmp/lower" "$tmp/upper" "$tmp/newroot"
    cp /bin/busybox "$tmp/bin/busybox"
    cp scripts/vm/initramfs-init "$tmp/init" && chmod 755 "$tmp/init"
    # The modules and what they depend on, in load order, from the rootfs's modules.dep.
    awk -v want="virtio_pci 9pnet_virtio 9p overlay" '
        { sub(":", ""); name=$1; sub(".*/", "", name); sub("\\.ko$", "", name); path[name]=$1
          deps[name]=""; for (i = 2; i <= NF; i++) { d=$i; sub(".*/", "", d); sub("\\.ko$", "", d); deps[name]=deps[name] " " d } }
        function visit(m,   n, list, i) { if (m in seen) return; seen[m]=1
            n = split(deps[m], list, " "); for (i = n; i >= 1; i--) visit(list[i]); print path[m] }
        END { n = split(want, w, " "); for (i = 1; i <= n; i++) { gsub("-", "_", w[i]); visit(w[i]) } }
    ' "$rootfs/lib/modules/$kver/modules.dep" >"$tmp/modules/order"
    while read -r module; do cp "$rootfs/lib/modules/$kver/$module" "$tmp/modules/"; done <"$tmp/modules/order"
    sed -i 's|.*/||' "$tmp/modules/order"
    (cd "$tmp" && find . | cpio -o -H newc --quiet | gzip -1) >"$tmp.cpio.gz"
    mv "$tmp.cpio.gz" "$initrd" && rm -rf "$tmp"
fi

# --- The run: a directory shared as "run" carries the command in and the status and output out ----------
run=$(mktemp -d /tmp/isolab-vm.XXXXXX)
qemu_pid=""
tails=""
finish() {
    for pid in $qemu_pid $tails; do kill "$pid" 2>/dev/null || true; done
    [ "${ISOLAB_VM_KEEP:-0}" = 1 ] && say "run directory kept: $run" || rm -rf "$run"
}
trap finish EXIT
trap 'exit 130' INT TERM
{
    echo "ISOLAB_VM_REPO='$repo'"
    echo "ISOLAB_VM_BIN='$bin'"
    echo "ISOLAB_VM_MODE=$mode"
    echo "VM_TEST_SUITES=$suites"
} >"$run/env"
# The command, each word single-quoted for the guest's `eval set --`.
for arg in "$@"; do printf "'%s' " "$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")"; done >"$run/command"
: >"$run/stdout"; : >"$run/stderr"; : >"$run/console.log"; : >"$run/session.log"

share() { # TAG PATH [ro]: a 9p export; the guest mounts it at the same path (initramfs-init)
    printf -- "-virtfs local,path=%s,mount_tag=%s,security_model=%s,multidevs=remap%s " \
        "$2" "$1" "$([ "${3:-}" = ro ] && echo none || echo passthrough)" "$([ "${3:-}" = ro ] && echo ,readonly=on)"
}
shares="isolab.share=repo:$repo isolab.share=swift:/opt/swift:ro isolab.share=images:$image_cache isolab.share=run:/mnt/isolab-vm"
boot() { # ACCEL CPU-ARGS EXTRA-CMDLINE: starts qemu in the background
    # shellcheck disable=SC2046
    qemu-system-x86_64 -machine q35 -accel "$1" $2 -smp "$cpus" -m "$memory" \
        -display none -monitor none -no-reboot -nic none \
        -kernel "$kernel" -initrd "$initrd" \
        -append "console=ttyS0 panic=-1 $shares $3" \
        -serial "file:$run/console.log" -serial "file:$run/session.log" \
        $(share root "$rootfs" ro) $(share repo "$repo") $(share swift /opt/swift ro) \
        $(share images "$image_cache") $(share run "$run") &
    qemu_pid=$!
}

# KVM when it boots this kernel (on PVM hosts it does not: -cpu host aborts, other models hang), else TCG.
# The probe boots to the initramfs and powers off; its verdict is cached per kernel and qemu.
if [ "$accel" = auto ]; then
    accel=tcg
    probe=$cache/kvm-probe-$kver-$(qemu-system-x86_64 --version | head -n 1 | tr -cd '0-9.')
    if [ -f "$probe" ]; then
        accel=$(cat "$probe")
    elif [ -w /dev/kvm ]; then
        boot kvm "-cpu host" "isolab.probe=1"
        for _ in $(seq 1 20); do
            kill -0 "$qemu_pid" 2>/dev/null || break
            grep -q "isolab-vm: probe ok" "$run/console.log" && accel=kvm && break
            sleep 0.5
        done
        kill "$qemu_pid" 2>/dev/null || true; wait "$qemu_pid" 2>/dev/null || true; qemu_pid=""
        : >"$run/console.log"
        echo "$accel" >"$probe"
    fi
fi
cpu_args=$([ "$accel" = kvm ] && echo "-cpu host" || echo "-cpu max")

show_tail() {
    say "--- last lines of the guest console ($1) ---"; tail -n 40 "$run/console.log" >&2
    say "--- last lines of the login session ---"; tail -n 20 "$run/session.log" >&2
}
started=$(date +%s)
say "booting $kpkg ($kver) under $accel, $cpus CPUs, $memory MiB"
boot "$accel" "$cpu_args" ""
tail -n +1 -f --pid="$qemu_pid" "$run/stdout" &
tails=$!
tail -n +1 -f --pid="$qemu_pid" "$run/stderr" >&2 &
tails="$tails $!"

# Wait: for the session to start (boot timeout), then for the guest to power off (total timeout).
booted=0
while kill -0 "$qemu_pid" 2>/dev/null; do
    now=$(date +%s)
    if [ $booted = 0 ] && [ -f "$run/started" ]; then
        booted=1; say "guest session up after $((now - started)) s"
    fi
    if [ $booted = 0 ] && [ $((now - started)) -ge "$boot_timeout" ]; then
        show_tail "no login session after ${boot_timeout} s"; exit 124
    fi
    if [ $((now - started)) -ge "$timeout_total" ]; then
        show_tail "killed after ${timeout_total} s"; exit 124
    fi
    sleep 1
done
wait "$qemu_pid" 2>/dev/null || true
qemu_pid=""
for pid in $tails; do wait "$pid" 2>/dev/null || true; done
tails=""
if [ ! -f "$run/status" ]; then
    show_tail "the guest stopped without reporting a status"; exit 125
fi
status=$(cat "$run/status")
say "guest finished in $(( $(date +%s) - started )) s, status $status"
exit "$status"
