#!/bin/sh
# Where containers go on a systemd-managed cgroup v2 host, proved from each place isolab can be started
# (Docs/architecture.md, "Cgroup placement"): a login session, a systemd service, a plain root shell in the
# root cgroup, and isolab inside a container with its own cgroup namespace. Also: `systemctl daemon-reload`
# leaves a running container's limits alone, and a parent cgroup with processes of its own is refused
# without changing its cgroup.subtree_control. Writes JUnit XML to $1. Run as root in the guest.
set -u
xml=$1
cg=/sys/fs/cgroup
results=""
failures=0

record() { # NAME OK|message
    if [ "$2" = OK ]; then
        echo "ok   $1"; results="$results<testcase name=\"$1\"/>
"
    else
        echo "FAIL $1: $2"; failures=$((failures + 1))
        # One testcase a line: guest-suite.sh counts them line by line.
        results="$results<testcase name=\"$1\"><failure message=\"$(echo "$2" | tr -d '<>&"\n')\"/></testcase>
"
    fi
}

# Starts a detached container limited to half a CPU and prints "<cgroup of its init>|<cpu.max>", as seen
# from the cgroup namespace where it runs. Used inside each context below.
probe='id=$(docker run -d --cpus 0.5 -m 64m busybox sleep 60) || exit 1
pid=$(docker inspect -f "{{.State.Pid}}" "$id")
path=$(cut -d: -f3 /proc/$pid/cgroup)
echo "$id|$path|$(cat /sys/fs/cgroup$path/cpu.max)"
docker rm -f "$id" >/dev/null'

expect_under() { # NAME RESULT PARENT: the container's cgroup is PARENT/isolab/<id> with cpu.max 50000 100000
    id=${2%%|*}; rest=${2#*|}; path=${rest%%|*}; max=${rest#*|}
    if [ -z "$id" ] || [ "$2" = "$id" ]; then record "$1" "no container started: $2"
    elif [ "$path" != "$3/isolab/$id" ]; then record "$1" "cgroup $path, expected $3/isolab/$id"
    elif [ "$max" != "50000 100000" ]; then record "$1" "cpu.max \"$max\""
    else record "$1" OK
    fi
}

# 1. The login session this suite runs in: user-0.slice/session-N.scope → user-0.slice/isolab/<id>.
own=$(cut -d: -f3 /proc/self/cgroup)
case "$own" in
/user.slice/user-0.slice/session-*.scope) expect_under "placement from a login session" "$(sh -c "$probe" 2>&1)" "${own%/*}" ;;
*) record "placement from a login session" "this shell is in $own, not a session scope" ;;
esac

# 2. A systemd service: system.slice/<unit>.service → system.slice/isolab/<id>.
unit=isolab-vm-scenario-$$
result=$(systemd-run --quiet --wait --pipe --collect --unit="$unit" -E PATH -E ISOLAB_ROOT sh -c "$probe" 2>&1)
expect_under "placement from a systemd service" "$result" /system.slice

# 3. A plain root shell in the root cgroup → /isolab/<id> (the root may hold processes and hand down controllers).
result=$(sh -c "echo \$\$ >$cg/cgroup.procs && $probe" 2>&1)
expect_under "placement from the root cgroup" "$result" ""

# 4. daemon-reload: systemd re-applies its own units' settings; a running container keeps its limits and
#    the controllers on its way down (isolab's cgroups are not systemd's units; the enabled controllers of
#    their ancestors cannot be turned off while a descendant uses them).
id=$(docker run -d --cpus 0.5 -m 64m --pids-limit 20 busybox sleep 60 2>&1)
pid=$(docker inspect -f '{{.State.Pid}}' "$id" 2>/dev/null)
dir=$cg$(cut -d: -f3 "/proc/$pid/cgroup" 2>/dev/null)
systemctl daemon-reload
sleep 1
limits="$(cat "$dir/cpu.max" "$dir/memory.max" "$dir/pids.max" 2>&1 | tr '\n' ' ')"
if [ "$limits" = "50000 100000 67108864 20 " ]; then
    record "limits survive systemctl daemon-reload" OK
else
    record "limits survive systemctl daemon-reload" "after the reload: $limits (container $id, $dir)"
fi
docker rm -f "$id" >/dev/null 2>&1

# 5. A parent with processes of its own (cgroup v2's no-internal-process rule): refused with a message
#    that says why, and its cgroup.subtree_control is left as it was.
busy=$cg/isolab-vm-busy
mkdir -p "$busy/inner"
sleep 300 & sleeper=$!
echo "$sleeper" >"$busy/cgroup.procs"
before=$(cat "$busy/cgroup.subtree_control")
message=$(sh -c "echo \$\$ >$busy/inner/cgroup.procs && exec docker run --rm --cpus 0.5 -m 64m busybox true" 2>&1)
code=$?
after=$(cat "$busy/cgroup.subtree_control")
if [ $code -eq 0 ]; then record "a busy parent is refused" "the container ran in a cgroup whose parent has processes"
elif [ "$before" != "$after" ]; then record "a busy parent is refused" "subtree_control changed from \"$before\" to \"$after\""
elif ! echo "$message" | grep -q "processes of its own"; then record "a busy parent is refused" "unclear message: $message"
else record "a busy parent is refused" OK
fi
kill "$sleeper"; wait "$sleeper" 2>/dev/null
rmdir "$busy/inner" "$busy" 2>/dev/null || true

# 6. isolab in a container with its own cgroup namespace whose root holds processes (dev containers, CI
#    container jobs): isolab moves them into <root>/init, as Docker-in-Docker does, and the container
#    lands in <root>/isolab/<id>.
cic=$cg/isolab-vm-cic
mkdir -p "$cic"
# The namespace's own view of the tree: a fresh cgroup2 mount in a private mount namespace (the host's must
# go first: the kernel refuses a second mount of cgroup2 on the same mount point).
result=$(sh -c "echo \$\$ >$cic/cgroup.procs && exec unshare --cgroup --mount sh -c 'umount $cg && mount -t cgroup2 cgroup2 $cg && $probe'" 2>&1)
expect_under "placement in a container with its own cgroup namespace" "$result" ""
for d in "$cic/isolab" "$cic/init" "$cic"; do [ -d "$d" ] && rmdir "$d" 2>/dev/null; done
[ -d "$cic" ] && record "the nested namespace's cgroups are removed" "$(find "$cic" -type d | tr '\n' ' ')"

printf '<testsuite name="scenarios">\n%s</testsuite>\n' "$results" >"$xml"
[ $failures -eq 0 ]
