import ContainerRuntime
import Foundation

/// Parses Docker's resource flags (`--cpus 0.5`, `-m 512m`) into limits.
enum ResourceFlags {
    static func limits(cpus: String?, cpuQuota: Int64?, cpuPeriod: Int64?, cpusetCpus: String?,
                       memory: String?, pidsLimit: Int64?) throws -> ResourceLimits {
        var l = ResourceLimits()
        if let c = cpus {
            guard let v = Double(c), v >= 0 else {
                throw RuntimeError(.invalidArgument, "invalid argument \"\(c)\" for \"--cpus\" flag: failed to parse \(c) as a rational number")
            }
            let online = Double(ProcessInfo.processInfo.activeProcessorCount)
            if v > online {
                throw RuntimeError(.invalidArgument, "docker: Error response from daemon: range of CPUs is from 0.01 to \(Int(online)).00, as there are only \(Int(online)) CPUs available.")
            }
            l.nanoCPUs = Int64((v * 1e9).rounded())
            if cpuQuota != nil || cpuPeriod != nil {
                throw RuntimeError(.invalidArgument, "docker: Error response from daemon: Conflicting options: Nano CPUs and CPU Period cannot both be set.")
            }
        }
        l.cpuQuota = cpuQuota ?? 0
        l.cpuPeriod = cpuPeriod ?? 0
        l.cpusetCpus = cpusetCpus ?? ""
        if let m = memory { l.memory = try parseBytes(m, flag: "--memory") }
        if let m = memory, l.memory < 6 * 1024 * 1024 {
            throw RuntimeError(.invalidArgument, "docker: Error response from daemon: Minimum memory limit allowed is 6MB (got \(m)).")
        }
        l.pidsLimit = pidsLimit ?? 0
        return l
    }

    /// "512m", "1g", "1024k", "100000" (bytes), as Docker's RAMInBytes (binary units).
    static func parseBytes(_ s: String, flag: String) throws -> Int64 {
        let lower = s.lowercased()
        let units: [(String, Int64)] = [("kb", 1 << 10), ("mb", 1 << 20), ("gb", 1 << 30), ("tb", 1 << 40),
                                        ("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30), ("t", 1 << 40), ("b", 1)]
        for (suffix, mult) in units where lower.hasSuffix(suffix) {
            if let v = Double(lower.dropLast(suffix.count)), v >= 0 { return Int64(v * Double(mult)) }
        }
        if let v = Int64(lower), v >= 0 { return v }
        throw RuntimeError(.invalidArgument, "invalid argument \"\(s)\" for \"\(flag)\" flag: invalid size: '\(s)'")
    }
}
