import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

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
                throw RuntimeError(.invalidArgument, "docker: Invalid --security-opt: \(opt.debugDescription)")
            }
            guard key == "seccomp", value != "unconfined", value != "builtin" else { return opt }
            let data = try contents(value)
            do { return "seccomp=" + (try SeccompProfile.compact(data)) } catch let e as RuntimeError {
                throw RuntimeError(.invalidArgument, "docker: compacting json for seccomp profile (\(value)) failed: \(e.message)")
            }
        }
    }

    /// The whole file, at most SeccompProfile.maxBytes; errors as Go's os.ReadFile words them.
    static func contents(_ path: String) throws -> Data {
        func failure(_ op: String, _ err: Int32) -> RuntimeError {
            RuntimeError(.invalidArgument, "docker: opening seccomp profile (\(path)) failed: \(op) \(path): \(String(cString: strerror(err)).lowercased())")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", errno) }
        defer { close(fd) }
        var data = Data()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw failure("read", errno) }
            if n == 0 { return data }
            data.append(contentsOf: buf[..<n])
            guard data.count <= SeccompProfile.maxBytes else {
                throw RuntimeError(.invalidArgument, "docker: opening seccomp profile (\(path)) failed: larger than \(SeccompProfile.maxBytes) bytes")
            }
        }
    }
}
