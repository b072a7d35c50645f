import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `network prune [-f]`: removes the user-defined networks no running container is on.
public struct NetworkPruneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove all unused networks")
    public init() {}

    @Flag(name: .shortAndLong, help: "Do not prompt for confirmation") var force = false

    public func run() throws {
        let warning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] "
        guard Prune.confirmed(warning, force: force) else { return }
        let rt = IsolabMain.runtime()
        var removed: [String] = []
        for n in rt.networkList() {
            do { try rt.removeNetwork(n); removed.append(n.name) } catch let e as RuntimeError where e.kind == .conflict { continue }
        }
        if !removed.isEmpty { print("Deleted Networks:\n" + removed.map { $0 + "\n" }.joined(), terminator: "") }
    }
}
