import ArgumentParser
import ContainerRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `run IMAGE [COMMAND] [ARG...]`
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Create and run a new container from an image", helpNames: [.long])
    public init() {}

    @Flag(name: .shortAndLong, help: "Run container in background and print container ID") var detach = false
    @Flag(name: .shortAndLong, help: "Keep STDIN open") var interactive = false
    @Flag(name: .shortAndLong, help: "Allocate a pseudo-TTY (the terminal is passed through)") var tty = false
    @Flag(name: .customLong("rm"), help: "Automatically remove the container when it exits") var autoRemove = false
    @Option(help: "Assign a name to the container") var name: String?
    @Option(name: [.customShort("h"), .long], help: "Container host name") var hostname: String?
    @Option(name: [.customShort("e"), .customLong("env")], help: "Set environment variables") var env: [String] = []
    @Option(name: [.customShort("w"), .customLong("workdir")], help: "Working directory inside the container") var workdir: String?
    @Option(name: [.customShort("u"), .customLong("user")], help: "Username or UID (format: <name|uid>[:<group|gid>])") var user: String?
    @Option(name: [.customShort("l"), .customLong("label")], help: "Set meta data on a container") var label: [String] = []
    @Flag(name: .customLong("read-only"), help: "Mount the container's root filesystem as read only") var readOnly = false
    @Flag(help: "Give extended privileges to this container") var privileged = false
    @Flag(name: .customLong("init"), help: "Run an init inside the container that forwards signals and reaps processes") var initProcess = false
    @Option(help: "IPC mode to use (private, shareable, host, container:NAME)") var ipc = "private"
    @Option(help: "PID namespace to use (host, container:NAME)") var pid = ""
    @Option(name: [.customLong("network"), .customLong("net")], help: "Connect a container to a network (bridge, none, host, container:NAME)") var network = "bridge"
    @Option(help: "Number of CPUs") var cpus: String?
    @Option(name: .customLong("cpu-quota"), help: "Limit CPU CFS quota") var cpuQuota: String?
    @Option(name: .customLong("cpu-period"), help: "Limit CPU CFS period") var cpuPeriod: String?
    @Option(name: .customLong("cpuset-cpus"), help: "CPUs in which to allow execution (0-3, 0,1)") var cpusetCpus: String?
    @Option(name: [.customShort("m"), .customLong("memory")], help: "Memory limit") var memory: String?
    @Option(name: .customLong("pids-limit"), help: "Tune container pids limit (set -1 for unlimited)") var pidsLimit: String?
    @Option(name: .customLong("cap-add"), help: "Add Linux capabilities") var capAdd: [String] = []
    @Option(name: .customLong("cap-drop"), help: "Drop Linux capabilities") var capDrop: [String] = []
    @Option(name: .customLong("security-opt"), help: "Security Options (no-new-privileges)") var securityOpt: [String] = []
    @Argument(help: "The image") var image: String
    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments") var command: [String] = []

    public func run() throws {
        if interactive && tty && isatty(0) == 0 {
            IsolabMain.fail("the input device is not a TTY", code: 1)
        }
        var o = RunOptions(image: image)
        o.command = command
        o.name = name
        o.hostname = hostname
        o.env = try env.map { try FlagValue.env($0) }
        o.workingDir = workdir
        o.user = user
        o.labels = try Self.parseLabels(label)
        o.detach = detach
        o.interactive = interactive
        o.tty = tty
        o.autoRemove = autoRemove
        o.readOnly = readOnly
        o.privileged = privileged
        o.securityOpt = securityOpt
        o.initProcess = initProcess
        o.ipcMode = ipc
        o.pidMode = pid
        o.networkMode = network
        o.capAdd = capAdd
        o.capDrop = capDrop
        o.limits = try ResourceFlags.limits(cpus: cpus, cpuQuota: cpuQuota, cpuPeriod: cpuPeriod,
                                            cpusetCpus: cpusetCpus, memory: memory, pidsLimit: pidsLimit)
        let rt = IsolabMain.runtime()
        let code: Int32
        do {
            code = try rt.run(o) { c in
                if c.config.detached { print(c.id); fflush(stdout) }
            }
        } catch let e as RuntimeError where e.kind == .notFound && e.message.hasPrefix("Unable to find image") {
            let repo = image.split(separator: ":").first.map(String.init) ?? image
            throw RuntimeError(.notFound, e.message + "\ndocker: Error response from daemon: pull access denied for \(repo), repository does not exist or may require 'docker login' (isolab never pulls: build it with `isolab image build`, or `docker load`/`docker import` it).")
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// docker/cli's ValidateLabel: a name (leading blanks ignored) without blanks; then
    /// "k=v", or "k" for an empty value.
    static func parseLabels(_ labels: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for l in labels {
            let parts = l.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let key = parts[0]
            let name = key.drop { $0 == " " || $0 == "\t" }
            if name.isEmpty {
                throw FlagValue.error(l, flag: "-l, --label", "invalid label '\(l)': empty name")
            }
            if name.contains(where: { $0 == " " || $0 == "\t" }) {
                throw FlagValue.error(l, flag: "-l, --label", "label '\(name)' contains whitespaces")
            }
            out[key] = parts.count > 1 ? parts[1] : ""
        }
        return out
    }
}
