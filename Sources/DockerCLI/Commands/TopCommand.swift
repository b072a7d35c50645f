import ArgumentParser
import ContainerRuntime
import Foundation

/// `top CONTAINER [ps OPTIONS]`: the container's processes as the host's `ps` sees them.
public struct TopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "top", abstract: "Display the running processes of a container")
    public init() {}

    @Argument var container: String
    @Argument(parsing: .captureForPassthrough) var psOptions: [String] = []

    public func run() throws {
        let c = try ContainerStore(context: RuntimeContext.fromEnvironment()).find(container)
        guard c.isRunning, let run = c.run else {
            throw RuntimeError(.conflict, "Error response from daemon: container \(c.id) is not running")
        }
        var pids: [Int32] = [run.pid]
        if let cg = run.cgroup, let listed = try? Cgroups.manager().pids(cg), !listed.isEmpty { pids = listed.sorted() }
        let opts = psOptions.isEmpty ? ["-f"] : psOptions
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/ps")
        p.arguments = opts + ["-p", pids.map(String.init).joined(separator: ",")]
        try p.run()
        p.waitUntilExit()
    }
}
