#!/bin/sh
# `isolab lab check` on large and adversarial labs: wall time and peak memory per input.
#   bench/lab-check.sh [BIN_DIR]    (default: a release build via scripts/setup.sh release)
# Goal: linear parsing; a 10 MB lab in under 2 s and 200 MB. The inputs are the quadratic
# cases of issue 9 (a 40 KB attribute list, 8 000 lab comments in one unclosed comment, 16 000
# inline lab comments, 100 000 orphan solutions, a 10 MB `(re)` line) and a 10 MB valid lab.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-$(scripts/setup.sh release)}
work=$(mktemp -d /tmp/isolab-bench-check.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
def put(name, text): open(f"{w}/{name}.md", "w").write(text)
put("attributes-40k", "```sh {" + "a=b " * 10000 + "}\ntrue\n```\n")
put("unclosed-8000", "<!-- lab:setup\n" * 8000)
put("inline-16000", "".join(f"text <!-- lab:setup -->\n" for _ in range(16000)))
put("orphans-100000", "<!-- lab:solution for=#nope -->\n\n" * 100000)
put("regex-10mb", "```console {#r}\n$ true\n" + "a" * (10 << 20) + " (re)\n```\n")
blocks, size, i = [], 0, 0
while size < 10 << 20:
    b = f"## Step {i}\n\nSome *prose* with `code` and a [link](https://example.com/{i}).\n\n```console {{#s-{i} timeout=5s}}\n$ echo {i}\n{i}\n```\n\n"
    blocks.append(b); size += len(b); i += 1
put("valid-10mb", "".join(blocks))
PY

# CPU seconds (user + system) beside wall time: on a loaded machine the wall time says little.
printf '%-18s %8s %8s %10s  %s\n' input wall cpu "peak KB" "lab check says"
for f in "$work"/*.md; do
    name=$(basename "$f" .md)
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin/isolab" lab check -q "$f" >/dev/null 2>"$work/err" || true
    # The last line is "%e %U %S %M" (a non-zero exit adds a line before it).
    set -- $(tail -1 "$work/time")
    cpu=$(echo "$2 $3" | awk '{ printf "%.2f", $1 + $2 }')
    printf '%-18s %8s %8s %10s  %s\n' "$name" "$1" "$cpu" "$4" "$(head -1 "$work/err" | sed "s|^$work/||" | cut -c1-60)"
done
