import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

@Suite struct BusyboxSourceBuildTests {
    @Test func defconfigGetsStaticLinkingAndNothingElse() throws {
        let dir = try ImageTempDir()
        let config = try dir.write(".config", "CONFIG_DESKTOP=y\n# CONFIG_STATIC is not set\n# CONFIG_PIE is not set\n")
        try BusyboxSourceBuild.setStatic(config: config)
        #expect(try dir.read(".config") == "CONFIG_DESKTOP=y\nCONFIG_STATIC=y\n# CONFIG_PIE is not set\n")
        // A config that never mentions it gets the line too.
        let bare = try dir.write("bare", "CONFIG_DESKTOP=y\n")
        try BusyboxSourceBuild.setStatic(config: bare)
        #expect(try dir.read("bare") == "CONFIG_DESKTOP=y\nCONFIG_STATIC=y\n")
    }

    @Test func theDSCVersionLosesItsEpochAndMustBeAPlainVersion() throws {
        let dir = try ImageTempDir()
        let good = try dir.write("good.dsc", "Format: 3.0 (quilt)\nSource: busybox\nVersion: 1:1.35.0-4+deb12u1\n")
        #expect(try BusyboxSourceBuild.version(ofDSC: good) == "1.35.0-4+deb12u1")
        // It becomes part of a file name in the cache: nothing that could leave the folder.
        for bad in ["1:../../etc/x", "1.0 2", "", "x1.0"] {
            let path = try dir.write("bad.dsc", "Source: busybox\nVersion: \(bad)\n")
            #expect(throws: RuntimeError.self, "\(bad)") { try BusyboxSourceBuild.version(ofDSC: path) }
        }
        let none = try dir.write("none.dsc", "Source: busybox\n")
        #expect(throws: RuntimeError.self) { try BusyboxSourceBuild.version(ofDSC: none) }
    }

    @Test func theNewestCachedBinaryOfThisRecipeIsUsedWithoutBuilding() throws {
        let dir = try ImageTempDir()
        #expect(try BusyboxSourceBuild(cacheDir: dir.path).cached() == nil)
        try dir.write("busybox-1.35.0-4-defconfig-static-r0", "an older recipe")
        try dir.write("busybox-build.log", "not a binary")
        #expect(try BusyboxSourceBuild(cacheDir: dir.path).cached() == nil)
        let file = try dir.write(BusyboxSourceBuild.fileName(version: "1.35.0-4+deb12u1"), "binary")
        let found = try #require(try BusyboxSourceBuild(cacheDir: dir.path).cached())
        #expect(found.path == file && !found.isFallback)
        #expect(found.origin == "BusyBox 1.35.0, upstream's default configuration (make defconfig, CONFIG_STATIC=y), built from Debian's busybox source 1.35.0-4+deb12u1")
    }

    /// A source that did not compile before is not compiled again: Debian's busybox-static is
    /// used at once, and the origin says it is a fallback and why.
    @Test(.enabled(if: access("/bin/busybox", X_OK) == 0, "needs busybox-static"))
    func anEarlierFailedBuildFallsBackToBusyboxStaticAndSaysSo() throws {
        let dir = try ImageTempDir()
        let build = BusyboxSourceBuild(cacheDir: dir.path, progress: BuildProgress("test"))
        try dir.write((build.failedMarker as NSString).lastPathComponent, "busybox source 1.35.0-4: make exited 2\n")
        let binary = try build.binary()
        #expect(binary.isFallback && binary.path == "/bin/busybox")
        #expect(binary.origin.hasPrefix("Debian's busybox-static (BusyBox v1."), "\(binary.origin)")
        #expect(binary.origin.contains("a fallback") && binary.origin.contains("an earlier build failed"), "\(binary.origin)")
    }

    @Test func aFailedCommandQuotesTheEndOfItsLog() throws {
        let dir = try ImageTempDir()
        let log = dir.path + "/build.log"
        let command = LoggedCommand(executable: "/bin/sh", arguments: ["-c", "echo compiling; echo 'tc.c: error' >&2; exit 3"], what: "build busybox: make")
        let error = try #require(throws: RuntimeError.self) { try command.run(log: log) }
        #expect(error.message.hasPrefix("build busybox: make exited 3; the end of \(log):\n"), "\(error.message)")
        #expect(error.message.hasSuffix("compiling\ntc.c: error"), "\(error.message)")
        // Lines reach the caller as they come, and the log keeps them all.
        var lines: [String] = []
        try LoggedCommand(executable: "/bin/sh", arguments: ["-c", "printf 'a\\nb\\nno end'"], what: "t").run(log: log) { lines.append($0) }
        #expect(lines == ["a", "b", "no end"])
        #expect(try dir.read("build.log").hasSuffix("a\nb\nno end"))
    }
}
