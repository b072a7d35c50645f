#!/bin/sh
# Installs what isolab needs on a fresh Debian/Ubuntu machine (run as root) and builds it.
#   scripts/setup.sh            debug build (for tests)
#   scripts/setup.sh release    release build with a static Swift runtime and libstdc++ (starts faster)
# Prints the directory that holds `isolab`, `isolab-monitor` and the `docker` symlink.
set -eu
cd "$(dirname "$0")/.."

# Build: libcmark, libcap, libseccomp, libarchive headers. The busybox image: gcc, make, libc6-dev
# and dpkg-dev (upstream's configuration is compiled once from Debian's source package; bzip2 and
# xz-utils unpack it), busybox-static its fallback. Run time: debootstrap (the debian image),
# iproute2/procps/util-linux (tests and `top`), jq (labs), tmux (the end-to-end tests of `lab walk`
# drive it in a tmux window).
scripts/apt-install "build and run isolab" \
    libcmark-dev libcap-dev libseccomp-dev libarchive-dev pkg-config \
    gcc make libc6-dev dpkg-dev bzip2 xz-utils busybox-static \
    debootstrap debian-archive-keyring iproute2 procps util-linux jq ca-certificates tmux
# `isolab lab serve`'s terminal: Debian's xterm.js, bundled for the browser by Debian's esbuild.
scripts/apt-install "the browser terminal of lab serve" node-xterm esbuild

command -v swift >/dev/null 2>&1 || [ -x /opt/swift/usr/bin/swift ] || {
    echo "isolab setup: the Swift toolchain (swift 6) is not installed; see https://swift.org/install" >&2; exit 1; }
command -v swift >/dev/null 2>&1 || PATH=/opt/swift/usr/bin:$PATH

if [ "${1:-debug}" = release ]; then
    # libstdc++ is linked into the programs instead of loaded at every start: the dynamic loader
    # spends 0.4-0.5 ms of CPU on it per command on the project's machine (Docs/performance.md).
    # The static Swift runtime's link line names -lstdc++; a linker script of that name in a
    # directory the linker searches first points it at GCC's archive (libstdc++-12-dev, which the
    # Swift toolchain needs anyway). Without the archive the build links it dynamically, as before.
    static=""
    archive=$(gcc -print-file-name=libstdc++.a)
    if [ -f "$archive" ]; then
        mkdir -p .build/static-libstdc++
        echo "INPUT($archive)" >.build/static-libstdc++/libstdc++.so
        static="-Xlinker -L$(pwd -P)/.build/static-libstdc++"
    fi
    swift build -c release --static-swift-stdlib $static >&2
    bin=$(swift build -c release --static-swift-stdlib $static --show-bin-path)
else
    swift build --build-tests >&2
    bin=$(swift build --show-bin-path)
fi
# The monitor stays resident for every detached container, so it is built as plain C (libc, libcap
# and libseccomp only): SwiftPM links any executable it makes against the Swift runtime, which would
# more than double its memory. This replaces the SwiftPM-built copy beside isolab. libcap and
# libseccomp are linked statically (their -dev packages ship the archives): the monitor starts on
# every `run`, and the dynamic loader's work for two libraries was a quarter of its start.
cc -O2 -Wall -Werror -I Sources/CRuntime/include -I Sources/CRuntime Sources/CRuntime/*.c \
    Sources/isolab-monitor/main.c -Wl,-Bstatic -lcap -lseccomp -Wl,-Bdynamic -o "$bin/isolab-monitor.tmp" >&2
mv "$bin/isolab-monitor.tmp" "$bin/isolab-monitor"
scripts/build-xterm.sh "$bin" >&2
# Invoked as `docker`, isolab is its Docker-compatible CLI.
ln -sf isolab "$bin/docker"
echo "$bin"
