#!/bin/sh
# Installs what the LabReports tests use to check the reports with real consumers:
# junitparser (a JUnit XML reader from PyPI) and Debian's headless Chromium; and what the browser
# test of `lab serve` uses: chromium-driver, Selenium and websocket-client.
# Without them those tests skip with a stated reason; CI runs this first so they run.
set -eu
cd "$(dirname "$0")/.."

if ! python3 -c 'import junitparser' 2>/dev/null; then
    # A Debian system Python refuses pip (PEP 668, "externally managed"): use its package then.
    if ! python3 -m pip install --quiet 'junitparser>=2.8' 2>/dev/null; then
        scripts/apt-install "the report tests' JUnit reader" python3-junitparser
    fi
fi

command -v chromium >/dev/null 2>&1 || scripts/apt-install "the report tests' HTML renderer" chromium fonts-dejavu-core
# `lab serve`'s browser test drives Chromium with Selenium, and opens a WebSocket of its own.
scripts/apt-install "the browser test of lab serve" chromium-driver
if ! python3 -c 'import selenium, websocket' 2>/dev/null; then
    if ! python3 -m pip install --quiet 'selenium>=4.10' websocket-client 2>/dev/null; then
        scripts/apt-install "the browser test of lab serve" python3-selenium python3-websocket
    fi
fi

python3 -c 'import junitparser; print("junitparser", junitparser.version)'
chromium --version
