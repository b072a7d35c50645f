#!/bin/sh
# Sets up a freshly debootstrapped guest rootfs (scripts/vm-test.sh calls it once, before caching it):
# root logs in automatically on the second serial port (ttyS1), and that login session runs
# scripts/vm/guest-session.sh from the shared repository. The login is real (agetty → login → PAM →
# pam_systemd), so logind puts the shell in user-0.slice/session-N.scope, where a learner's shell is.
set -eu
root=$1

echo isolab-vm >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 isolab-vm\n' >"$root/etc/hosts"
: >"$root/etc/machine-id"            # systemd makes a new one each boot (the root is a fresh overlay)
passwd -R "$root" -d root >/dev/null  # no password: only the autologin below ever logs in

# /tmp as tmpfs: the root is an overlay, and overlayfs cannot be an upper layer for the tests' overlays.
echo "tmpfs /tmp tmpfs mode=1777,nosuid,nodev 0 0" >"$root/etc/fstab"
ln -sf /lib/systemd/system/multi-user.target "$root/etc/systemd/system/default.target"

mkdir -p "$root/etc/systemd/system/serial-getty@ttyS1.service.d" "$root/etc/systemd/system/getty.target.wants"
cat >"$root/etc/systemd/system/serial-getty@ttyS1.service.d/autologin.conf" <<'EOF'
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200 %I linux
EOF
ln -sf /lib/systemd/system/serial-getty@.service "$root/etc/systemd/system/getty.target.wants/serial-getty@ttyS1.service"

# Nothing the test does not need (under TCG every unit costs seconds): no timers, no network wait,
# no getty on the log console, no binfmt or e2scrub.
for unit in apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer e2scrub_all.timer fstrim.timer \
            e2scrub_reap.service systemd-binfmt.service proc-sys-fs-binfmt_misc.automount \
            proc-sys-fs-binfmt_misc.mount modprobe@drm.service \
            systemd-networkd-wait-online.service serial-getty@ttyS0.service getty@tty1.service; do
    ln -sf /dev/null "$root/etc/systemd/system/$unit"
done

cat >"$root/root/.profile" <<'EOF'
# The VM test's login session (scripts/vm-test.sh): only on ttyS1, only once per boot.
if [ "$(tty)" = /dev/ttyS1 ] && [ -f /mnt/isolab-vm/env ] && [ ! -e /run/isolab-vm-session ]; then
    : >/run/isolab-vm-session
    . /mnt/isolab-vm/env
    sh "$ISOLAB_VM_REPO/scripts/vm/guest-session.sh"
    # The results are on the 9p share and the root is a throwaway overlay: skip stopping every unit.
    systemctl poweroff --force
    sleep 60
fi
EOF
