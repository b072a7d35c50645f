import ContainerRuntime
import FoundationEssentials

/// `--env-file`, shared by `run`, `create` and `exec` (ProcessFlags).
enum EnvFile {
    /// An env file is small: a larger one is refused rather than read without a limit (docker/cli
    /// sets none).
    static let maxBytes = 1 << 20
    /// bufio.Scanner's longest line, its newline included (bufio.MaxScanTokenSize).
    static let maxLineBytes = 64 * 1024

    /// docker/cli's env file (its kvfile package): one `KEY=value` a line (the value as written,
    /// no quotes removed), `KEY` alone takes the caller's value, blank lines and `#` comments are
    /// skipped. Errors in its words: os.Open's alone (`open F: no such file or directory`),
    /// any later one inside `invalid env file (F): ...` (`read F: is a directory`).
    static func read(_ path: String) throws -> [String] {
        let data: Data
        do { data = try FileIO.read(path, limit: maxBytes) } catch let e as RuntimeError {
            if e.operation == "open" { throw DockerClientError(e.goText) }
            throw invalid(path, e.operation == "size limit" ? "larger than 1 MiB" : e.goText)
        }
        do {
            return try parse(data) { ProcessInfo.processInfo.environment[$0] }
        } catch let e as DockerClientError {
            throw invalid(path, e.text)
        }
    }

    /// The lines as bufio.Scanner splits them (at "\n", one "\r" before it dropped), each checked
    /// in turn as kvfile does, so the first problem is the one reported.
    static func parse(_ data: Data, lookup: (String) -> String?) throws -> [String] {
        var out: [String] = []
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }   // the file's final newline ends a line, starts none
        for (n, raw) in lines.enumerated() {
            guard raw.count < maxLineBytes else { throw DockerClientError("bufio.Scanner: token too long") }
            var bytes = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw[...]
            guard String(validating: bytes, as: UTF8.self) != nil else {
                throw DockerClientError("invalid utf8 bytes at line \(n + 1): [\(bytes.map(String.init).joined(separator: " "))]")
            }
            if n == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            // Unicode scalars, as Go's strings see them (not Characters, which join a mark to
            // the space or "=" before it).
            let line = String(decoding: bytes, as: UTF8.self).unicodeScalars.drop { $0.properties.isWhitespace }
            if line.isEmpty || line.first == "#" { continue }
            let eq = line.firstIndex(of: "=")
            let key = String(Substring(line[..<(eq ?? line.endIndex)]))
            if key.isEmpty { throw DockerClientError("no variable name on line '\(Substring(line))'") }
            if key.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" }) {
                throw DockerClientError("variable '\(key)' contains whitespaces")
            }
            if eq != nil { out.append(String(Substring(line))) }
            else if let v = lookup(key) { out.append(key + "=" + v) }
        }
        return out
    }

    private static func invalid(_ path: String, _ reason: String) -> DockerClientError {
        DockerClientError("invalid env file (\(path)): \(reason)")
    }
}
