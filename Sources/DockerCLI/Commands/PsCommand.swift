import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `ps [-a] [-q] [--filter k=v] [--format T]`
public struct PsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "ps", abstract: "List containers")
    public init() {}

    @Flag(name: .shortAndLong, help: "Show all containers (default shows just running)") var all = false
    @Flag(name: .shortAndLong, help: "Only display container IDs") var quiet = false
    @Flag(name: .customLong("no-trunc"), help: "Don't truncate output") var noTrunc = false
    @Option(name: .shortAndLong, help: "Filter output based on conditions provided (name=, label=, status=, id=)") var filter: [String] = []
    @Option(help: "Format output using a Go template") var format: String?
    @Option(name: [.customShort("n"), .customLong("last")], help: "Show n last created containers (includes all states)") var last: Int = -1
    @Flag(name: [.customShort("l"), .customLong("latest")], help: "Show the latest created container (includes all states)") var latest = false
    @Flag(name: [.customShort("s"), .customLong("size")], help: "Display total file sizes") var size = false

    public func run() throws {
        let rt = IsolabMain.runtime()
        let filters = try filter.map(Self.parseFilter)
        // Docker's rule: values of one key are OR-ed, different keys AND-ed.
        let byKey = Dictionary(grouping: filters, by: \.0)
        // Docker: -n and -l count the newest containers of any state; exited= and status= look
        // at stopped ones too.
        let limit = latest ? 1 : last
        let everyState = all || limit >= 0 || byKey["status"] != nil || byKey["exited"] != nil
        var shown = rt.containers().sorted { $0.config.created > $1.config.created }.filter { c in
            if !everyState && !c.isRunning { return false }
            return byKey.allSatisfy { key, values in values.contains { Self.matches(c, key, $0.1) } }
        }
        if limit >= 0 { shown = Array(shown.prefix(limit)) }
        func sizes(_ c: Container) -> String {
            let upper = rt.writableLayerSize(of: c)
            let image = rt.imageSize(of: c)
            return ImageDisplay.humanSize(upper) + " (virtual " + ImageDisplay.humanSize(upper + image) + ")"
        }
        if quiet {
            for c in shown { print(noTrunc ? c.id : c.shortID) }
            return
        }
        if let f = format, f != "table" {
            let rows = shown.map { c -> [String: Any] in
                var fields = ContainerJSON.psFields(c, truncate: !noTrunc)
                if noTrunc { fields["ID"] = c.id }
                if size { fields["Size"] = sizes(c) }
                return fields
            }
            print(try FormattedList.render(format: f, rows: rows, headers: Self.headerFields), terminator: "")
            return
        }
        var t = TableWriter(header: ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"] + (size ? ["SIZE"] : []))
        for c in shown {
            let f = ContainerJSON.psFields(c, truncate: !noTrunc)
            t.add([noTrunc ? c.id : c.shortID, c.config.image, f["Command"] as? String ?? "",
                   f["RunningFor"] as? String ?? "", f["Status"] as? String ?? "", "", c.config.name] + (size ? [sizes(c)] : []))
        }
        print(t.render(), terminator: "")
    }

    static let headerFields: [String: Any] = [
        "ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "CreatedAt": "CREATED AT",
        "RunningFor": "CREATED", "Ports": "PORTS", "State": "STATE", "Status": "STATUS", "Names": "NAMES",
        "Labels": "LABELS", "Mounts": "MOUNTS", "Networks": "NETWORKS", "Size": "SIZE",
    ]

    static func parseFilter(_ f: String) throws -> (String, String) {
        let p = f.split(separator: "=", maxSplits: 1).map(String.init)
        guard p.count == 2, ["name", "label", "status", "id", "ancestor", "exited"].contains(p[0]) else {
            throw RuntimeError.refused(.invalidArgument, "invalid filter '\(f)'")
        }
        if p[0] == "status", !["created", "restarting", "running", "removing", "paused", "exited", "dead"].contains(p[1]) {
            throw RuntimeError.refused(.invalidArgument, "invalid filter 'status=\(p[1])'")
        }
        if p[0] == "exited", Int32(p[1]) == nil {
            throw RuntimeError.refused(.invalidArgument, "invalid filter 'exited=\(p[1])'")
        }
        if p[0] == "name", (try? Regex(p[1])) == nil {
            throw RuntimeError.refused(.invalidArgument, "invalid filter 'name=\(p[1])': not a regular expression")
        }
        return (p[0], p[1])
    }

    static func matches(_ c: Container, _ key: String, _ value: String) -> Bool {
        switch key {
        case "name":
            // A regular expression over "/name", as Docker matches it (`name=^c1$` works on both).
            guard let re = try? Regex(value) else { return false }
            return c.config.name.contains(re) || ("/" + c.config.name).contains(re)
        case "id": return c.id.hasPrefix(value)
        case "ancestor": return c.config.image == value || c.config.imageID.contains(value)
        case "status": return ContainerJSON.stateString(c) == value
        case "exited": return c.status == .exited && c.exit.map { String($0.exitCode) } == value
        case "label":
            let kv = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard let v = c.config.labels[kv[0]] else { return false }
            return kv.count == 1 || v == kv[1]
        default: return false
        }
    }
}
