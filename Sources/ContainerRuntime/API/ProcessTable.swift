import FoundationEssentials

/// The processes of a container as the host's `ps` shows them (`docker top`): its header's
/// fields and one row per process of the container's cgroup, the last field (the command)
/// keeping its spaces. As Docker's daemon does it: `ps` runs on the host with the user's options.
public struct ProcessTable: Sendable, Equatable {
    public var titles: [String]
    public var processes: [[String]]

    public init(titles: [String], processes: [[String]]) { self.titles = titles; self.processes = processes }

    /// ps's output is read up to this much; a host with more processes than that is cut short.
    static let outputLimit = 32 << 20

    /// The header's fields, then each line whose PID is one of `pids`, cut into as many fields.
    static func parse(_ output: String, pids: Set<Int32>) throws -> ProcessTable {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: " ").map(String.init),
              let pidColumn = header.firstIndex(of: "PID") else {
            throw RuntimeError.refused(.failed, "ps printed no PID column", operation: "top")
        }
        var rows: [[String]] = []
        for line in lines.dropFirst() {
            let fields = fieldsOf(line, count: header.count)
            guard pidColumn < fields.count, let pid = Int32(fields[pidColumn]), pids.contains(pid) else { continue }
            rows.append(fields)
        }
        return ProcessTable(titles: header, processes: rows)
    }

    /// Splits on runs of spaces into at most `count` fields.
    static func fieldsOf(_ line: Substring, count: Int) -> [String] {
        var fields: [String] = []
        var rest = line.drop { $0 == " " }
        while !rest.isEmpty {
            if fields.count == count - 1 { fields.append(String(rest)); break }
            let word = rest.prefix { $0 != " " }
            fields.append(String(word))
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        return fields
    }

    /// Runs /bin/ps with `args`: its status (128 + a signal that killed it), stdout (up to
    /// `outputLimit`) and stderr.
    static func ps(_ args: [String]) throws -> (Int32, String, String) {
        let result = try ChildProcess.run("/bin/ps", args, outputLimit: outputLimit, errorLimit: 64 << 10)
        return (result.termination.code, String(decoding: result.stdout, as: UTF8.self), String(decoding: result.stderr, as: UTF8.self))
    }
}
