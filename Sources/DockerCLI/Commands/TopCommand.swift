import ArgumentParser
import ContainerRuntime
import Foundation

/// `top CONTAINER [ps OPTIONS]`: as Docker's daemon does it, the host's `ps` with the given
/// options (default `-ef`), kept to the lines whose PID is one of the container's cgroup, then
/// laid out in aligned columns (the command, last, keeps its spaces).
public struct TopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "top", abstract: "Display the running processes of a container")
    public init() {}

    @Argument var container: String
    @Argument(parsing: .captureForPassthrough) var psOptions: [String] = []

    /// ps's output is read up to this much; a host with more processes than that is cut short.
    static let outputLimit = 32 << 20

    public func run() throws {
        let c = try ContainerStore(context: RuntimeContext.fromEnvironment()).find(container)
        guard c.isRunning, let run = c.run else {
            throw RuntimeError(.conflict, "Error response from daemon: container \(c.id) is not running")
        }
        var pids: Set<Int32> = [run.pid]
        if let cg = run.cgroup, let listed = try? Cgroups.manager().pids(cg), !listed.isEmpty { pids = Set(listed) }
        let (status, out, err) = try Self.ps(psOptions.isEmpty ? ["-ef"] : psOptions)
        guard status == 0 else {
            throw RuntimeError(.failed, "Error response from daemon: ps: exit status \(status): \(err.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let rows = try Self.rows(of: out, pids: pids)
        FileHandle.standardOutput.write(Data(TableWriter.align(rows, minWidth: 20).map { $0 + "\n" }.joined().utf8))
    }

    /// The header's fields, then each line of a container process cut into as many fields (the
    /// last, the command, keeps the rest of the line).
    static func rows(of output: String, pids: Set<Int32>) throws -> [[String]] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: " ").map(String.init),
              let pidColumn = header.firstIndex(of: "PID") else {
            throw RuntimeError(.failed, "Error response from daemon: Couldn't find PID field in ps output")
        }
        var rows = [header]
        for line in lines.dropFirst() {
            let fields = fieldsOf(line, count: header.count)
            guard pidColumn < fields.count, let pid = Int32(fields[pidColumn]), pids.contains(pid) else { continue }
            rows.append(fields)
        }
        return rows
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
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        try? reader.close()
        let errData = (try? err.fileHandleForReading.read(upToCount: 64 << 10)) ?? nil
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errData ?? Data(), as: UTF8.self))
    }
}
