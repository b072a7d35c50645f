#!/bin/sh
# The guest's leak check (scripts/vm/guest-suite.sh):
#   leakcheck.sh snapshot DIR     records cgroups, mounts, links, network namespaces, processes, /run/isolab
#   leakcheck.sh diff BEFORE AFTER prints what appeared or vanished; exits 1 on a leak
# Changes of cgroup.subtree_control are printed but are not leaks: isolab enables controllers on the way
# down and leaves them (Docs/architecture.md, "Cgroup placement").
set -eu

snapshot() {
    dir=$1
    mkdir -p "$dir"
    find /sys/fs/cgroup -type d | sort >"$dir/cgroups"
    for d in $(cat "$dir/cgroups"); do
        printf '%s: %s\n' "$d" "$(cat "$d/cgroup.subtree_control" 2>/dev/null)"
    done >"$dir/subtree_control"
    awk '{ for (i = 7; $i != "-"; i++); print $5, $(i + 1) }' /proc/self/mountinfo | sort >"$dir/mounts"
    ip -o link show | awk -F': ' '{ sub("@.*", "", $2); print $2 }' | sort >"$dir/links"
    { ls /run/netns 2>/dev/null || true; } | sort >"$dir/netns"
    # Lock files stay by design (flock files, reused), as in scripts/leakcheck.
    { find /run/isolab -mindepth 1 ! -name '*.lock' ! -name lock 2>/dev/null || true; } | sort >"$dir/run-isolab"
    # Processes with their cgroup; kernel threads (children of kthreadd) and this ps are left out.
    ps -e -o pid=,ppid=,comm=,cgroup= | awk -v self=$$ '$1 != 2 && $2 != 2 && $3 != "ps" { print }' |
        sort -n >"$dir/processes"
}

diff_snapshots() {
    before=$1 after=$2 leaked=0
    for kind in cgroups mounts links netns run-isolab; do
        changes=$(diff "$before/$kind" "$after/$kind" | grep '^[<>]' || true)
        if [ -n "$changes" ]; then
            leaked=1
            echo "leakcheck: $kind changed:"; echo "$changes" | sed 's/^/  /'
        fi
    done
    # A process is a leak if it is new, still alive, outside system.slice (systemd starts services on
    # demand there) and not this check or its callers.
    ancestors=" $$ "
    pid=$$
    while [ "$pid" -gt 1 ]; do
        pid=$(awk '{ print $4 }' "/proc/$pid/stat")
        ancestors="$ancestors$pid "
    done
    new=$(awk 'NR == FNR { seen[$1 " " $3] = 1; next } !(($1 " " $3) in seen)' "$before/processes" "$after/processes" |
          awk -v keep="$ancestors" 'index(keep, " " $1 " ") == 0 && $4 !~ /system\.slice/' |
          while read -r p rest; do if [ -d "/proc/$p" ]; then echo "$p $rest"; fi; done || true)
    if [ -n "$new" ]; then
        leaked=1
        echo "leakcheck: processes left:"; echo "$new" | sed 's/^/  /'
    fi
    changes=$(diff "$before/subtree_control" "$after/subtree_control" | grep '^[<>]' || true)
    [ -z "$changes" ] || { echo "leakcheck: subtree_control changed (not a leak):"; echo "$changes" | sed 's/^/  /'; }
    return $leaked
}

case "${1:-}" in
snapshot) snapshot "$2" ;;
diff) diff_snapshots "$2" "$3" ;;
*) echo "usage: leakcheck.sh snapshot DIR | diff BEFORE AFTER" >&2; exit 2 ;;
esac
