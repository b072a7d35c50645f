import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the host for `version` and `info`.
public enum HostInfo {
    /// The machine as Go names it (amd64, arm64, ...), as Docker prints it.
    public static func goArch() -> String {
        var u = utsname()
        uname(&u)
        let m = withUnsafePointer(to: &u.machine) { $0.withMemoryRebound(to: CChar.self, capacity: 65) { String(cString: $0) } }
        return ["x86_64": "amd64", "aarch64": "arm64", "i686": "386", "armv7l": "arm", "ppc64le": "ppc64le", "s390x": "s390x", "riscv64": "riscv64"][m] ?? m
    }

    public static func kernel() -> String {
        var u = utsname()
        uname(&u)
        return withUnsafePointer(to: &u.release) { $0.withMemoryRebound(to: CChar.self, capacity: 65) { String(cString: $0) } }
    }
}

extension HostInfo {
    public static func osName() -> String {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return "Linux" }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return line.dropFirst("PRETTY_NAME=".count).trimming(["\""])
        }
        return "Linux"
    }
}
