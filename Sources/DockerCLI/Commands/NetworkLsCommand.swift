import ArgumentParser
import ContainerRuntime

/// `network ls [-q] [--no-trunc] [-f name=|id=|driver=|label=|type=] [--format T]`
public struct NetworkLsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "ls", abstract: "List networks", aliases: ["list"])
    public init() {}

    @Flag(name: .shortAndLong, help: "Only display network IDs") var quiet = false
    @Flag(name: .customLong("no-trunc"), help: "Do not truncate the output") var noTrunc = false
    @Option(name: .shortAndLong, help: "Provide filter values (e.g. \"driver=bridge\")") var filter: [String] = []
    @Option(help: "Format output using a custom template") var format: String?

    static let headerFields: [String: Any] = [
        "ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE", "IPv6": "IPV6",
        "Internal": "INTERNAL", "CreatedAt": "CREATED AT", "Labels": "LABELS",
    ]

    public func run() throws {
        let filters = try filter.map { f -> (String, String) in
            let parts = f.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard parts.count == 2, ["name", "id", "driver", "label", "type", "scope"].contains(key) else {
                // An unknown key is the daemon's refusal; a filter without "=" the CLI's own.
                if parts.count == 2 { throw RuntimeError.refused(.invalidArgument, "invalid filter '\(key)'") }
                throw RuntimeError(.invalidArgument, "bad format of filter (expected name=value)")
            }
            return (key, String(parts[1]))
        }
        // Docker: values of one key are OR-ed, different keys AND-ed; name and id match a part.
        let byKey = Dictionary(grouping: filters, by: \.0)
        let shown = NetworkView.all(IsolabMain.runtime()).filter { n in
            byKey.allSatisfy { key, values in
                values.contains { _, v in
                    switch key {
                    case "name": return n.name.contains(v)
                    case "id": return n.id.hasPrefix(v)
                    case "driver": return n.driver == v
                    case "scope": return v == "local"
                    case "type": return v == (n.userNetwork == nil ? "builtin" : "custom")
                    default:
                        let kv = v.split(separator: "=", maxSplits: 1).map(String.init)
                        return kv.count == 2 ? n.labels[kv[0]] == kv[1] : n.labels[v] != nil
                    }
                }
            }
        }
        if quiet {
            for n in shown { print(noTrunc ? n.id : String(n.id.prefix(12))) }
            return
        }
        if let f = format, f != "table" {
            print(try FormattedList.render(format: f, rows: shown.map { $0.row(truncate: !noTrunc) }, headers: Self.headerFields), terminator: "")
            return
        }
        var t = TableWriter(header: ["NETWORK ID", "NAME", "DRIVER", "SCOPE"])
        for n in shown { t.add([noTrunc ? n.id : String(n.id.prefix(12)), n.name, n.driver, "local"]) }
        print(t.render(), terminator: "")
    }
}
