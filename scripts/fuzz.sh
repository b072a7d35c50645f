#!/bin/sh
# Runs a libFuzzer target of this package for a bounded time.
#   scripts/fuzz.sh PRODUCT SECONDS [CORPUS_DIR]
# PRODUCT is an executable target (FuzzLabParser, …) with a @_cdecl("LLVMFuzzerTestOneInput")
# entry; its @main calls LLVMFuzzerRunDriver under `#if FUZZING`, and otherwise replays the files
# it is given and writes its seed corpus with `--seeds DIR`.
# Builds PRODUCT with -sanitize=fuzzer into .build-fuzz, seeds CORPUS_DIR (default
# .build-fuzz/corpus/PRODUCT) when it is empty, runs libFuzzer for SECONDS, and exits non-zero on
# a crash, a timeout (10 s for one input) or running out of memory (2 GB); the failing input is
# left in .build-fuzz/artifacts/PRODUCT/, the corpus grown by the run in CORPUS_DIR.
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: scripts/fuzz.sh PRODUCT SECONDS [CORPUS_DIR]" >&2; exit 2; }
product=$1 seconds=$2
corpus=${3:-.build-fuzz/corpus/$product}
artifacts=.build-fuzz/artifacts/$product
command -v swift >/dev/null 2>&1 || PATH=/opt/swift/usr/bin:$PATH
mkdir -p "$corpus" "$artifacts"

# Seeds come from the product's normal build (its `--seeds DIR`), so none is committed.
if [ -z "$(ls -A "$corpus")" ]; then
    swift build --product "$product" >&2
    "$(swift build --show-bin-path)/$product" --seeds "$corpus" >&2 ||
        echo "fuzz.sh: $product wrote no seeds; starting from an empty corpus" >&2
fi

# The fuzzing build: every Swift module instrumented; with FUZZING the product's @main hands
# over to libFuzzer's driver (LLVMFuzzerRunDriver), as SwiftPM renames an executable's entry
# point and libFuzzer's own main would never run.
swift build --scratch-path .build-fuzz/build -c release \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING --product "$product" >&2
binary=$(swift build --scratch-path .build-fuzz/build -c release --show-bin-path)/$product

status=0
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" || status=$?
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: $product failed (exit $status); inputs in $artifacts:" >&2
    ls -l "$artifacts" >&2
    exit 1
fi
echo "fuzz.sh: $product ran ${seconds}s without a crash, timeout or out-of-memory; corpus in $corpus" >&2
