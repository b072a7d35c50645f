import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `stats [--no-stream] [--format T] [CONTAINER...]`: CPU %, memory and PIDs from each
/// container's cgroup accounting (CPU % is cores × 100 over the sampling interval, as Docker's).
public struct StatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "stats", abstract: "Display a live stream of container(s) resource usage statistics")
    public init() {}

    @Flag(name: .customLong("no-stream"), help: "Disable streaming stats and only pull the first result") var noStream = false
    @Flag(name: .shortAndLong, help: "Show all containers (default shows just running)") var all = false
    @Flag(name: .customLong("no-trunc"), help: "Do not truncate output") var noTrunc = false
    @Option(help: "Format output using a Go template") var format: String?
    @Argument var containers: [String] = []

    public func run() throws {
        let rt = IsolabMain.runtime()
        let chosen = try containers.isEmpty ? rt.containers().filter { $0.broken == nil && (all || $0.isRunning) } : containers.map { try rt.container($0) }
        var previous = try rt.stats(of: chosen)
        var lastTime = Date()
        repeat {
            usleep(500_000)
            let now = try rt.stats(of: chosen)
            let t = Date()
            let dt = t.timeIntervalSince(lastTime)
            let rows = chosen.map { c -> [String: Any] in
                let a = previous[c.id], b = now[c.id]
                let cpu = (a != nil && b != nil && b!.cgroup.cpuNanos >= a!.cgroup.cpuNanos)
                    ? Double(b!.cgroup.cpuNanos - a!.cgroup.cpuNanos) / (dt * 1e9) * 100 : 0
                return Self.fields(c, stats: b, cpuPercent: cpu, noTrunc: noTrunc)
            }
            var out = ""
            if !noStream && isatty(1) != 0 { out += "\u{1b}[2J\u{1b}[H" }
            if let f = format, f != "table" {
                out += try FormattedList.render(format: f, rows: rows, headers: Self.header)
            } else {
                var tw = TableWriter(header: ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"])
                for r in rows {
                    tw.add(["ID", "Name", "CPUPerc", "MemUsage", "MemPerc", "NetIO", "BlockIO", "PIDs"].map { r[$0] as? String ?? "" })
                }
                out += tw.render()
            }
            print(out, terminator: "")
            fflush(stdout)
            previous = now
            lastTime = t
        } while !noStream
    }

    static let header: [String: Any] = ["Container": "CONTAINER", "ID": "CONTAINER ID", "Name": "NAME", "CPUPerc": "CPU %",
                                        "MemUsage": "MEM USAGE / LIMIT", "MemPerc": "MEM %", "NetIO": "NET I/O",
                                        "BlockIO": "BLOCK I/O", "PIDs": "PIDS"]

    static func fields(_ c: Container, stats sample: ContainerStats?, cpuPercent: Double, noTrunc: Bool) -> [String: Any] {
        let stats = sample?.cgroup
        let limit = stats?.memoryLimit ?? UInt64(ProcessInfo.processInfo.physicalMemory)
        let usage = stats?.memoryUsage ?? 0
        let net = sample?.network.map { "\(decimal($0.received)) / \(decimal($0.transmitted))" } ?? "0B / 0B"
        return [
            "Container": c.config.name, "ID": noTrunc ? c.id : c.shortID, "Name": c.config.name,
            "CPUPerc": CFormat.string("%.2f%%", cpuPercent),
            "MemUsage": "\(binary(usage)) / \(binary(limit))",
            "MemPerc": CFormat.string("%.2f%%", limit > 0 ? Double(usage) / Double(limit) * 100 : 0),
            "NetIO": stats == nil ? "0B / 0B" : net, "BlockIO": "0B / 0B", "PIDs": String(stats?.pids ?? 0),
        ]
    }

    /// go-units BytesSize (binary: KiB, MiB) and HumanSize (decimal: kB, MB).
    static func binary(_ n: UInt64) -> String { scaled(Double(n), 1024, ["B", "KiB", "MiB", "GiB", "TiB"]) }
    static func decimal(_ n: UInt64) -> String { scaled(Double(n), 1000, ["B", "kB", "MB", "GB", "TB"]) }
    static func scaled(_ v: Double, _ base: Double, _ units: [String]) -> String {
        var x = v, i = 0
        while x >= base && i < units.count - 1 { x /= base; i += 1 }
        return i == 0 ? "\(Int(x))\(units[0])" : CFormat.string("%.4g", x) + units[i]
    }
}
