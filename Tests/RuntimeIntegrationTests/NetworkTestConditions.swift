import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// When the network integration tests can run: as root, with the tools they look through.
enum NetworkTestConditions {
    static var isRoot: Bool { geteuid() == 0 }

    /// unshare and nsenter make and enter namespaces, ip inspects them, ping (or busybox's) sends traffic.
    static var hasTools: Bool {
        ["unshare", "nsenter", "ip"].allSatisfy { which($0) != nil } && pingCommand != nil
    }

    static var canRun: Bool { isRoot && hasTools }

    /// `ping`, or `busybox ping` where iputils is not installed.
    static var pingCommand: [String]? {
        if let ping = which("ping") { return [ping] }
        if let busybox = which("busybox") { return [busybox, "ping"] }
        return nil
    }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        let directories: [String] = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
