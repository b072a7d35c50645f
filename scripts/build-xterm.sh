#!/bin/sh
# Bundles xterm.js for `isolab lab serve` into DIR/xterm/ (xterm.js, xterm.css), from Debian's
# node-xterm with Debian's esbuild: nothing comes from a network or a CDN.
#   scripts/build-xterm.sh DIR
set -eu
cd "$(dirname "$0")/.."
out=$1/xterm
mkdir -p "$out"
esbuild scripts/xterm-entry.js --bundle --format=iife --global-name=XTerm --minify \
    --log-level=warning --outfile="$out/xterm.js.tmp"
mv "$out/xterm.js.tmp" "$out/xterm.js"
cp /usr/share/nodejs/xterm/lib/xterm.css "$out/xterm.css"
