import Foundation

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
            throw RuntimeError.refused(.failed, "Couldn't find PID field in ps output", operation: "top")
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

    /// Runs /bin/ps with `args`: its status, stdout (up to `outputLimit`) and stderr.
    static func ps(_ args: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/ps")
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        var data = Data()
        let reader = out.fileHandleForReading
        while data.count < outputLimit {
            // availableData is a fatalError on a read error; this throws instead.
            guard let chunk = try reader.read(upToCount: 1 << 16), !chunk.isEmpty else { break }
            data.append(chunk)
        }
        try? reader.close()
        let errData = (try? err.fileHandleForReading.read(upToCount: 64 << 10)) ?? nil
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errData ?? Data(), as: UTF8.self))
    }
}
