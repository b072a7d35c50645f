import ArgumentParser
import ContainerRuntime

/// `network create [-d bridge] [--label k=v] NAME`: prints the new network's id.
public struct NetworkCreateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a network")
    public init() {}

    @Option(name: .shortAndLong, help: "Driver to manage the Network (bridge only)") var driver = "bridge"
    @Option(name: .customLong("label"), help: "Set metadata on a network") var label: [String] = []
    @Option(name: .customLong("subnet"), help: "Not supported: isolab picks a /24 of 10.215.0.0/16") var subnet: [String] = []
    @Option(name: .customLong("gateway"), help: "Not supported") var gateway: [String] = []
    @Option(name: .customLong("ip-range"), help: "Not supported") var ipRange: [String] = []
    @Option(name: [.customShort("o"), .customLong("opt")], help: "Not supported") var opt: [String] = []
    @Flag(name: .customLong("attachable"), help: "Accepted (every isolab network is)") var attachable = false
    @Flag(name: .customLong("internal"), help: "Accepted: isolab's networks reach only the host anyway") var internalOnly = false
    @Argument var name: String

    public func run() throws {
        guard driver == "bridge" else {
            throw RuntimeError.refused(.notFound(.other), "plugin \"\(driver)\" not found")
        }
        // Refused, not dropped: a lab that asks for an address plan must not get another silently.
        for (flag, values) in [("--subnet", subnet), ("--gateway", gateway), ("--ip-range", ipRange), ("--opt", opt)] where !values.isEmpty {
            throw RuntimeError.refused(.invalidArgument, "isolab does not support \(flag): each network gets a /24 of 10.215.0.0/16")
        }
        var labels: [String: String] = [:]
        for l in label {
            let parts = l.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            labels[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let network = try IsolabMain.runtime().createNetwork(name: name, labels: labels)
        print(network.id)
    }
}
