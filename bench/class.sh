#!/bin/sh
# Grading a class on one machine: N made-up submissions of Labs/04 (a third full, a third wrong,
# a third empty), --jobs J at a time; prints the wall time (as root).
#   bench/class.sh [N] [J]      (default 30 submissions, 2 jobs)
set -eu
cd "$(dirname "$0")/.."
N=${1:-30}; J=${2:-2}
bin=$(scripts/setup.sh release)
work=$(mktemp -d /tmp/isolab-class.XXXXXX)
export ISOLAB_ROOT=$work/root
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/subs"
i=0
while [ $i -lt "$N" ]; do
    case $((i % 3)) in
        0) caps="--cap-drop ALL --cap-add CHOWN" ;;
        1) caps="--cap-drop ALL" ;;
        2) caps="" ;;
    esac
    if [ -n "$caps" ]; then
        printf '```sh {answer for=#minimal}\ndocker run -d --name minimal %s busybox sleep 3600\n```\n' "$caps" > "$work/subs/learner$i.md"
    else
        echo "# nothing done" > "$work/subs/learner$i.md"
    fi
    i=$((i + 1))
done
"$bin/isolab" image build busybox >/dev/null
t0=$(date +%s%N)
"$bin/isolab" lab grade Labs/04-capabilities.md --answers-dir "$work/subs" --jobs "$J" --out "$work/grades" >/dev/null 2>&1 || true
t1=$(date +%s%N)
graded=$(ls "$work/grades"/learner*.json | wc -l)
echo "class of $N submissions of Labs/04, --jobs $J: $(( (t1 - t0) / 1000000 )) ms, $graded results files"
