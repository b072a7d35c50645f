import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `-v`, `--mount` and `--tmpfs` of `run`/`create`, as docker/cli parses them (its words for
/// what the client refuses, moby's for what the daemon would), into bind and tmpfs mounts.
/// isolab has no named volumes: a `-v` source that is not an absolute host path is refused.
enum MountFlags {
    /// A flag error (exit 125 with the usage line), in pflag's words.
    struct FlagError: Error, CustomStringConvertible { let description: String }

    static let limit = 24

    static func parse(volumes: [String], mounts: [String], tmpfs: [String]) throws -> [ContainerMount] {
        var out: [ContainerMount] = []
        for v in volumes { out.append(try volume(v)) }
        for m in mounts { out.append(try mount(m)) }
        for t in tmpfs {
            let parts = t.split(separator: ":", maxSplits: 1).map(String.init)
            let target = parts.first ?? ""
            guard target.hasPrefix("/") else {
                throw RuntimeError(.invalidArgument, "docker: Error response from daemon: invalid tmpfs mount: invalid mount path: '\(target)' mount path must be absolute")
            }
            out.append(ContainerMount(kind: .tmpfs, source: "", target: target, readOnly: false, options: parts.count > 1 ? parts[1] : ""))
        }
        guard out.count <= limit else {
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: isolab takes at most \(limit) mounts (\(out.count) given)")
        }
        var seen = Set<String>()
        for m in out where !seen.insert(m.target).inserted {
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: Duplicate mount point: \(m.target)")
        }
        return out
    }

    /// `-v /host:/ctr[:ro|rw]`. Docker makes a missing host directory; so does isolab.
    static func volume(_ spec: String) throws -> ContainerMount {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 && parts.count <= 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            if parts.count == 1 {
                throw RuntimeError(.invalidArgument, "docker: Error response from daemon: isolab supports bind mounts only: -v \(spec) would be an anonymous volume (use -v /host/dir:\(spec))")
            }
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: invalid volume specification: '\(spec)'")
        }
        let (source, target) = (parts[0], parts[1])
        guard source.hasPrefix("/") else {
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: isolab supports bind mounts only: \"\(source)\" is not an absolute host path (named volumes are not supported)")
        }
        guard target.hasPrefix("/") else {
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: invalid volume specification: '\(spec)': invalid mount config for type \"bind\": invalid mount path: '\(target)' mount path must be absolute")
        }
        var readOnly = false
        if parts.count == 3 {
            for opt in parts[2].split(separator: ",") {
                switch opt {
                case "ro": readOnly = true
                case "rw", "z", "Z", "private", "rprivate", "shared", "rshared", "slave", "rslave", "nocopy", "consistent", "cached", "delegated": continue
                default: throw RuntimeError(.invalidArgument, "docker: Error response from daemon: invalid mode: \(opt)")
                }
            }
        }
        var st = stat()
        if stat(source, &st) != 0 {
            do { try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true) } catch {
                throw RuntimeError(.failed, "docker: Error response from daemon: error while creating mount source path '\(source)': \(error)")
            }
        }
        return ContainerMount(kind: .bind, source: source, target: target, readOnly: readOnly, options: parts.count == 3 ? parts[2] : "")
    }

    /// `--mount type=bind|tmpfs,source=...,target=...,readonly,tmpfs-size=...,tmpfs-mode=...`.
    static func mount(_ spec: String) throws -> ContainerMount {
        func bad(_ why: String) -> FlagError { FlagError(description: "invalid argument \"\(spec)\" for \"--mount\" flag: \(why)") }
        var kind = "volume", source = "", target = "", readOnly = false
        var tmpfsOptions: [String] = []
        for field in spec.split(separator: ",").map(String.init) {
            let kv = field.split(separator: "=", maxSplits: 1).map(String.init)
            let key = kv[0].lowercased()
            let value = kv.count > 1 ? kv[1] : nil
            switch key {
            case "readonly", "ro":
                guard let b = value.map({ FlagNormalizer.parseBool($0) }) ?? true else { throw bad("invalid value for \(key): \(value ?? "")") }
                readOnly = b
                continue
            default: break
            }
            guard let value else { throw bad("invalid field '\(field)' must be a key=value pair") }
            switch key {
            case "type": kind = value
            case "source", "src": source = value
            case "target", "destination", "dst": target = value
            case "bind-propagation", "consistency", "bind-recursive", "bind-nonrecursive": continue
            case "tmpfs-size":
                guard let n = Self.bytes(value) else { throw bad("invalid value for tmpfs-size: \(value)") }
                tmpfsOptions.append("size=\(n)")
            case "tmpfs-mode":
                guard let m = UInt32(value, radix: 8), m <= 0o7777 else { throw bad("invalid value for tmpfs-mode: \(value)") }
                tmpfsOptions.append("mode=" + String(m, radix: 8))
            default: throw bad("unexpected key '\(kv[0])' in '\(field)'")
            }
        }
        guard !target.isEmpty else { throw bad("target is required") }
        let invalid = "docker: Error response from daemon: invalid mount config for type \"\(kind)\": "
        guard target.hasPrefix("/") else { throw RuntimeError(.invalidArgument, invalid + "invalid mount path: '\(target)' mount path must be absolute") }
        switch kind {
        case "bind":
            guard !source.isEmpty else { throw RuntimeError(.invalidArgument, invalid + "field Source must not be empty") }
            guard source.hasPrefix("/") else { throw RuntimeError(.invalidArgument, invalid + "invalid mount path: '\(source)' mount path must be absolute") }
            var st = stat()
            guard stat(source, &st) == 0 else { throw RuntimeError(.invalidArgument, invalid + "bind source path does not exist: \(source)") }
            return ContainerMount(kind: .bind, source: source, target: target, readOnly: readOnly)
        case "tmpfs":
            guard source.isEmpty else { throw RuntimeError(.invalidArgument, invalid + "field Source must be empty") }
            return ContainerMount(kind: .tmpfs, source: "", target: target, readOnly: readOnly, options: tmpfsOptions.joined(separator: ","))
        case "volume":
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: isolab supports bind and tmpfs mounts only (type=volume: named volumes are not supported)")
        default:
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: invalid mount config: mount type unknown: \"\(kind)\"")
        }
    }

    /// `64m`, `1g`, `1024`: bytes, range-checked.
    static func bytes(_ s: String) -> Int64? {
        let units: [Character: Int64] = ["b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        var digits = s.lowercased()
        var scale: Int64 = 1
        if let last = digits.last, let u = units[last] { scale = u; digits.removeLast() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(\.isNumber), let n = Int64(digits) else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: scale)
        return overflow ? nil : v
    }
}
