import ContainerRuntime
import FoundationEssentials

/// Facts about the host for `version` and `info`.
public enum HostInfo {
    /// The machine as Go names it (amd64, 386, arm64, ...), as Docker prints it.
    public static func goArch() -> String { HostMachine.current.goArch }

    public static func kernel() -> String { HostMachine.current.release }
}

extension HostInfo {
    public static func osName() -> String {
        guard let data = try? FileIO.read("/etc/os-release", limit: 64 << 10) else { return "Linux" }
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return line.dropFirst("PRETTY_NAME=".count).trimming(["\""])
        }
        return "Linux"
    }
}
