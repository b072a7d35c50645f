import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `--env-file`, shared by `run`, `create` and `exec` (ProcessFlags).
enum EnvFile {
    /// docker/cli's env file: one `KEY=value` a line (the value as written, no quotes removed),
    /// `KEY` alone takes the caller's value, blank lines and `#` comments are skipped.
    static func read(_ path: String) throws -> [String] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw RuntimeError(.invalidArgument, "open \(path): \(String(cString: strerror(errno)).lowercased())")
        }
        // An env file is small: more than 1 MiB is refused rather than read without a limit.
        let data = ChildProcess.drain(fd, limit: (1 << 20) + 1, stopAtLimit: true)
        guard data.count <= 1 << 20 else { throw RuntimeError(.invalidArgument, "\(path): env file larger than 1 MiB") }
        var out: [String] = []
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let key = String(trimmed.prefix { $0 != "=" })
            guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "\t" }) else {
                throw RuntimeError(.invalidArgument, "\(path):\(n + 1): variable '\(key)' contains whitespaces")
            }
            if trimmed.contains("=") { out.append(String(trimmed)) }
            else if let v = ProcessInfo.processInfo.environment[key] { out.append(key + "=" + v) }
        }
        return out
    }
}
