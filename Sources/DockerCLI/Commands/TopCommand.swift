import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

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
            throw RuntimeError(.failed, "Error response from daemon: ps: exit status \(status): \(err.trimmingWhitespace())")
        }
        let rows = try Self.rows(of: out, pids: pids)
        StandardStream.out(TableWriter.align(rows, minWidth: 20).map { $0 + "\n" }.joined())
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
        let out = try ChildProcess.pipe()
        let err: (read: Int32, write: Int32)
        do { err = try ChildProcess.pipe() } catch { close(out.read); close(out.write); throw error }
        let child: ChildProcess
        do { child = try ChildProcess.spawn("/bin/ps", args, stdout: out.write, stderr: err.write) } catch {
            for fd in [out.read, out.write, err.read, err.write] { close(fd) }
            throw error
        }
        close(out.write)
        close(err.write)
        // ps writes its errors after its output (or instead of it): stdout first, then stderr.
        let data = ChildProcess.drain(out.read, limit: outputLimit)
        let errData = ChildProcess.drain(err.read, limit: 64 << 10)
        let end = child.wait()
        return (end.exited ? end.status : 128 + end.status, String(decoding: data, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
