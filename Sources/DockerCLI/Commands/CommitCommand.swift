import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `commit CONTAINER [REPOSITORY[:TAG]]`: the container's upper layer becomes a new image layer.
public struct CommitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "commit", abstract: "Create a new image from a container's changes")
    public init() {}

    @Option(name: [.customShort("m"), .customLong("message")], help: "Commit message") var message: String?
    @Option(name: [.customShort("a"), .customLong("author")], help: "Author") var author: String?
    @Option(name: [.customShort("c"), .customLong("change")], help: "Apply Dockerfile instruction (CMD, ENV, WORKDIR, USER, ENTRYPOINT, LABEL)") var change: [String] = []
    @Flag(name: [.customShort("p"), .customLong("pause")], help: "Pause container during commit (isolab copies the upper layer as it is)") var pause = false
    @Argument var container: String
    @Argument var reference: String?

    public func run() throws {
        let rt = IsolabMain.runtime()
        let c = try rt.container(container)
        let img = try rt.commit(c, reference: reference, comment: message) { config in
            config.cmd = c.config.cmd
            config.entrypoint = c.config.entrypoint
            config.env = c.config.env
            config.workingDir = c.config.workingDir
            config.user = c.config.user
            for ch in change { try Self.apply(ch, to: &config) }
        }
        print(img.id)
    }

    /// The few Dockerfile instructions `commit -c` takes; anything else is refused, not ignored.
    static func apply(_ change: String, to config: inout ImageConfig) throws {
        let parts = change.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw RuntimeError.refused(.invalidArgument, "invalid change: \(change)") }
        let arg = parts[1]
        func list(_ s: String) -> [String] {
            if let d = s.data(using: .utf8), let a = try? JSONDecoder().decode([String].self, from: d) { return a }
            return ["/bin/sh", "-c", s]
        }
        switch parts[0].uppercased() {
        case "CMD": config.cmd = list(arg)
        case "ENTRYPOINT": config.entrypoint = list(arg)
        case "WORKDIR": config.workingDir = arg
        case "USER": config.user = arg
        case "ENV":
            let kv = arg.contains("=") ? arg : arg.firstIndex(of: " ").map { arg[..<$0] + "=" + arg[arg.index(after: $0)...] } ?? arg
            let key = kv.split(separator: "=", maxSplits: 1).first.map(String.init) ?? kv
            config.env.removeAll { $0.hasPrefix(key + "=") }
            config.env.append(kv)
        case "LABEL":
            let kv = arg.split(separator: "=", maxSplits: 1).map(String.init)
            config.labels[kv[0]] = kv.count > 1 ? kv[1].trimming(["\""]) : ""
        default:
            throw RuntimeError.refused(.invalidArgument, "\(parts[0]) is not a valid change command (isolab takes CMD, ENTRYPOINT, ENV, LABEL, USER, WORKDIR)")
        }
    }
}
