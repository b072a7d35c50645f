import ArgumentParser
import ContainerRuntime
import Foundation

/// `network rm [-f] NETWORK...`: prints each name as given; a network a running container is
/// on is refused (Docker's "has active endpoints"), the predefined ones always.
public struct NetworkRmCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove one or more networks", aliases: ["remove"])
    public init() {}

    @Flag(name: .shortAndLong, help: "Do not error if the network does not exist") var force = false
    @Argument var networks: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        var failed = false
        for ref in networks {
            do {
                let view = try NetworkView.find(ref, in: NetworkView.all(rt))
                guard let network = view.userNetwork else {
                    throw RuntimeError.refused(.invalidArgument, "\(view.name) is a pre-defined network and cannot be removed")
                }
                try rt.removeNetwork(network)
                print(ref)
            } catch let e as RuntimeError {
                if force && e.isNotFound { continue }
                fflush(stdout)
                try? FileHandle.standardError.write(contentsOf: Data((e.dockerText() + "\n").utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
