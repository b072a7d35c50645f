import ArgumentParser
import ContainerRuntime
import Foundation

/// What the prune commands share: Docker's confirmation prompt and its report.
enum Prune {
    /// Docker asks unless `-f`; anything but y/Y (or no input) declines.
    static func confirmed(_ warning: String, force: Bool) -> Bool {
        if force { return true }
        try? FileHandle.standardOutput.write(contentsOf: Data((warning + "\nAre you sure you want to continue? [y/N] ").utf8))
        let answer = readLine(strippingNewline: true) ?? ""
        return answer.lowercased() == "y" || answer.lowercased() == "yes"
    }

    /// Stopped containers of the namespace, removed; their ids and the bytes of their layers.
    static func containers() -> (ids: [String], bytes: Int64) {
        let rt = IsolabMain.runtime()
        var ids: [String] = []
        var bytes: Int64 = 0
        for c in rt.containers() where !c.isRunning {
            let size = rt.writableLayerSize(of: c)
            if (try? rt.remove(c.id, force: false)) != nil { ids.append(c.id); bytes += size }
        }
        return (ids, bytes)
    }

    /// Images no container uses: untagged ones, or with `all` every one.
    static func images(all: Bool) -> (lines: [String], bytes: Int64) {
        let (removed, bytes) = IsolabMain.runtime().pruneImages(all: all)
        // `rmi`'s lines in prune's words.
        let lines = removed.map { $0.hasPrefix("Deleted: ") ? "deleted: " + $0.dropFirst("Deleted: ".count) : "untagged: " + $0.dropFirst("Untagged: ".count) }
        return (lines, bytes)
    }

    static func report(_ sections: [(String, [String])], bytes: Int64) {
        var out = ""
        for (title, lines) in sections where !lines.isEmpty { out += title + "\n" + lines.joined(separator: "\n") + "\n\n" }
        out += "Total reclaimed space: " + ImageDisplay.humanSize(bytes) + "\n"
        try? FileHandle.standardOutput.write(contentsOf: Data(out.utf8))
    }
}

/// `container prune [-f]`: removes the namespace's stopped containers.
public struct ContainerPruneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove all stopped containers")
    public init() {}
    @Flag(name: .shortAndLong, help: "Do not prompt for confirmation") var force = false
    @Option(help: "Provide filter values (isolab: not supported)") var filter: [String] = []

    public func run() throws {
        guard Prune.confirmed("WARNING! This will remove all stopped containers.", force: force) else { return }
        let (ids, bytes) = Prune.containers()
        Prune.report([("Deleted Containers:", ids)], bytes: bytes)
    }
}

/// `image prune [-f] [-a]`: removes images no container uses (untagged ones, or all with -a).
public struct ImagePruneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove unused images")
    public init() {}
    @Flag(name: .shortAndLong, help: "Remove all unused images, not just dangling ones") var all = false
    @Flag(name: .shortAndLong, help: "Do not prompt for confirmation") var force = false

    public func run() throws {
        let warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                          : "WARNING! This will remove all dangling images."
        guard Prune.confirmed(warning, force: force) else { return }
        let (lines, bytes) = Prune.images(all: all)
        Prune.report([("Deleted Images:", lines)], bytes: bytes)
    }
}

/// `system prune [-f] [-a]`: stopped containers, then unused images.
public struct SystemPruneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove unused data")
    public init() {}
    @Flag(name: .shortAndLong, help: "Remove all unused images not just dangling ones") var all = false
    @Flag(name: .shortAndLong, help: "Do not prompt for confirmation") var force = false

    public func run() throws {
        let warning = """
            WARNING! This will remove:
              - all stopped containers
              - all networks not used by at least one container
              - \(all ? "all images without at least one container associated to them" : "all dangling images")
              - unused build cache

            """
        guard Prune.confirmed(warning, force: force) else { return }
        let (ids, cbytes) = Prune.containers()
        let (lines, ibytes) = Prune.images(all: all)
        Prune.report([("Deleted Containers:", ids), ("Deleted Images:", lines)], bytes: cbytes + ibytes)
    }
}

/// `docker container`: the management form; its commands are the top-level ones.
public struct ContainerCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "container", abstract: "Manage containers (container ls|run|rm|inspect|logs|... are the top-level commands)",
        subcommands: [ContainerPruneCommand.self])
    public init() {}
}

/// `docker system`: `prune`.
public struct SystemCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "system", abstract: "Manage Docker", subcommands: [SystemPruneCommand.self])
    public init() {}
}
