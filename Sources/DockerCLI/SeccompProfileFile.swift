import ContainerRuntime
import FoundationEssentials

/// docker/cli's handling of `--security-opt seccomp=FILE`: the CLIENT reads the file and sends
/// its content, compacted, as `seccomp=<json>`, so the container keeps its profile when the file
/// is later changed or deleted. "unconfined" and "builtin" are names, not files.
enum SeccompProfileFile {
    static func inline(_ opts: [String]) throws -> [String] {
        try opts.map { opt in
            // Docker splits at "=", or at ":" (the older form); no-new-privileges alone needs no value.
            var key = opt, value = ""
            if let eq = opt.firstIndex(of: "=") {
                key = String(opt[..<eq]); value = String(opt[opt.index(after: eq)...])
            } else if opt != "no-new-privileges", let colon = opt.firstIndex(of: ":") {
                key = String(opt[..<colon]); value = String(opt[opt.index(after: colon)...])
            }
            if value.isEmpty && key != "no-new-privileges" {
                throw DockerClientError("Invalid --security-opt: \(opt.debugDescription)")
            }
            guard key == "seccomp", value != "unconfined", value != "builtin" else { return opt }
            let data = try contents(value)
            do { return "seccomp=" + (try SeccompProfile.compact(data)) } catch let e as RuntimeError {
                throw DockerClientError("compacting json for seccomp profile (\(value)) failed: \(e.message)")
            }
        }
    }

    /// The whole file, at most SeccompProfile.maxBytes; errors as Go's os.ReadFile words them.
    static func contents(_ path: String) throws -> Data {
        do { return try FileIO.read(path, limit: SeccompProfile.maxBytes) } catch let e as RuntimeError {
            let reason = e.operation == "size limit" ? "larger than \(SeccompProfile.maxBytes) bytes" : e.goText
            throw DockerClientError("opening seccomp profile (\(path)) failed: \(reason)")
        }
    }
}
