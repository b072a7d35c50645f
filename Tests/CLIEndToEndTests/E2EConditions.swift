import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Named conditions for tests that make real containers.
enum E2EConditions {
    static let isRoot = geteuid() == 0
    static let hasBinary = FileManager.default.isExecutableFile(atPath: IsolabBinary.path)
    /// Root, and isolab built: real containers can be made.
    static let canRunContainers = isRoot && hasBinary
    static let reason: Comment = "needs root and a built isolab (swift build) to make real containers"
    /// Real containers, and tmux to drive `lab walk` in a terminal.
    static let canDriveWalk = canRunContainers && TmuxWindow.path != nil
    static let walkReason: Comment = "needs root, a built isolab (swift build or ISOLAB_BIN) and tmux (scripts/setup.sh installs it)"
    static let isV1 = !FileManager.default.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers")
}

/// Where the isolab executable under test is: $ISOLAB_BIN, or the package's debug build.
enum IsolabBinary {
    static let path: String = {
        if let p = ProcessInfo.processInfo.environment["ISOLAB_BIN"], !p.isEmpty { return p }
        let pkg = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return pkg.appendingPathComponent(".build/debug/isolab").path
    }()
}
