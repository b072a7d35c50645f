#!/bin/sh
# The main job: set everything up, run the labs in Labs/ against real containers, and
# leave an HTML report (plus JSON and JUnit) in out/. Run as root.
set -eu
cd "$(dirname "$0")/.."
bin=$(scripts/setup.sh release)
mkdir -p out
status=0
"$bin/isolab" lab run Labs/ --html out/report.html --json out/results.json --junit out/junit.xml || status=$?
echo
echo "Report: $(pwd)/out/report.html   (results: out/results.json, out/junit.xml)"
exit $status
