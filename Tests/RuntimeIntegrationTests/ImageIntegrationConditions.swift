import Foundation
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Named conditions of the image integration tests.
enum ImageIntegrationConditions {
    static var isRoot: Bool { geteuid() == 0 }
    static var canDebootstrap: Bool { isRoot && access("/usr/sbin/debootstrap", X_OK) == 0 }
    /// The `isolab` built beside this test bundle, when its CLI answers `load --help`
    /// (the command tree is wired by the runtime lead).
    static var isolabBinary: String? {
        let candidates = [Bundle.main.bundlePath, Bundle.main.bundlePath + "/.."]
            .map { ($0 as NSString).standardizingPath + "/isolab" }
            + [(CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/isolab"]
        guard let path = candidates.first(where: { access($0, X_OK) == 0 }) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["load", "--help"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let help = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        // The help of the real command, not a placeholder that exits 0 for anything.
        return p.terminationStatus == 0 && help.contains("--input") ? path : nil
    }
    static var canKillIsolab: Bool { isRoot && isolabBinary != nil }
}
