import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `run IMAGE [COMMAND] [ARG...]`
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Create and run a new container from an image", helpNames: [.long])
    public init() {}

    @Flag(name: .shortAndLong, help: "Run container in background and print container ID") var detach = false
    @OptionGroup var process: ProcessFlags
    @OptionGroup var resources: ResourceFlags
    @Flag(name: .customLong("rm"), help: "Automatically remove the container when it exits") var autoRemove = false
    @Option(help: "Assign a name to the container") var name: String?
    @Option(name: [.customShort("h"), .long], help: "Container host name") var hostname: String?
    @Option(name: [.customShort("l"), .customLong("label")], help: "Set meta data on a container") var label: [String] = []
    @Flag(name: .customLong("read-only"), help: "Mount the container's root filesystem as read only") var readOnly = false
    @Flag(help: "Give extended privileges to this container") var privileged = false
    @Flag(name: .customLong("init"), help: "Run an init inside the container that forwards signals and reaps processes") var initProcess = false
    @Option(help: "IPC mode to use (private, shareable, host, container:NAME)") var ipc = "private"
    @Option(help: "PID namespace to use (host, container:NAME)") var pid = ""
    @Option(name: [.customLong("network"), .customLong("net")], help: "Connect a container to a network (bridge, none, host, container:NAME, or a network's name)") var network = "bridge"
    @Option(name: .customLong("network-alias"), help: "Add network-scoped alias for the container") var networkAlias: [String] = []
    @Option(name: .customLong("cap-add"), help: "Add Linux capabilities") var capAdd: [String] = []
    @Option(name: .customLong("cap-drop"), help: "Drop Linux capabilities") var capDrop: [String] = []
    @Option(name: .customLong("security-opt"), help: "Security Options (no-new-privileges, seccomp=unconfined|builtin|PROFILE.json)") var securityOpt: [String] = []
    @Option(name: [.customShort("v"), .customLong("volume")], help: "Bind mount a host path (HOST:CONTAINER[:ro])") var volume: [String] = []
    @Option(name: .customLong("mount"), help: "Attach a filesystem mount (type=bind|tmpfs,source=,target=,readonly)") var mount: [String] = []
    @Option(name: .customLong("tmpfs"), help: "Mount a tmpfs directory (PATH[:OPTIONS])") var tmpfs: [String] = []
    @Option(help: "Overwrite the default ENTRYPOINT of the image") var entrypoint: String?
    @Option(name: [.customShort("a"), .customLong("attach")], help: "Attach to STDIN, STDOUT or STDERR") var attach: [String] = []
    @Option(help: "Restart policy to apply when a container exits (no, always, unless-stopped, on-failure[:N])") var restart: String?
    @Argument(help: "The image") var image: String
    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments") var command: [String] = []

    public func run() throws {
        // Docker checks the terminal only when a client stays attached: -dit needs none.
        if process.interactive && process.tty && !detach && isatty(0) == 0 {
            IsolabMain.fail("the input device is not a TTY", code: 1)
        }
        let o = try runOptions()
        let rt = IsolabMain.runtime()
        let code: Int32
        do {
            code = try rt.run(o) { c in
                if c.config.detached { print(c.id); fflush(stdout) }
            }
        } catch let e as RuntimeError where e.kind == .notFound(.image) && e.operation == "find image" {
            throw Self.pullDenied(e, image: image)
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// Docker's answer for an image it would have pulled: isolab never pulls.
    static func pullDenied(_ e: RuntimeError, image: String) -> RuntimeError {
        let repo = image.split(separator: ":").first.map(String.init) ?? image
        return RuntimeError(.notFound(.image), e.dockerText() + "\ndocker: Error response from daemon: pull access denied for \(repo), repository does not exist or may require 'docker login' (isolab never pulls: build it with `isolab image build`, or `docker load`/`docker import` it).")
    }

    /// The flags as the runtime takes them (shared with `create`).
    func runOptions() throws -> RunOptions {
        var o = RunOptions(image: image)
        o.command = command
        o.name = name
        o.hostname = hostname
        o.env = try process.environment()
        o.entrypoint = entrypoint.map { [$0] }
        if let r = restart {
            do { o.restartPolicy = try RestartPolicy.parse(r) } catch let e as RestartPolicy.Invalid {
                IsolabMain.fail("\(IsolabMain.programName): \(e.description)", code: 125)
            }
            if autoRemove && o.restartPolicy?.name != "no" {
                IsolabMain.fail("\(IsolabMain.programName): conflicting options: cannot specify both --restart and --rm", code: 125)
            }
        }
        o.workingDir = process.workdir
        o.user = process.user
        o.labels = try Self.parseLabels(label)
        o.detach = detach
        o.interactive = process.interactive
        o.tty = process.tty
        o.autoRemove = autoRemove
        o.readOnly = readOnly
        o.privileged = privileged
        o.securityOpt = try SeccompProfileFile.inline(securityOpt)
        o.initProcess = initProcess
        o.ipcMode = ipc
        o.pidMode = pid
        o.networkMode = network
        o.networkAliases = networkAlias
        o.capAdd = capAdd
        o.capDrop = capDrop
        o.limits = try resources.limits()
        o.warn = DockerWarning.print
        do { o.mounts = try MountFlags.parse(volumes: volume, mounts: mount, tmpfs: tmpfs) } catch let e as MountFlags.FlagError {
            let usage = CommandUsage.table["run"].map { $0.flagMessage(e.description, program: IsolabMain.programName, key: "run") } ?? e.description
            IsolabMain.fail(usage, code: 125)
        }
        if !attach.isEmpty {
            if let bad = attach.first(where: { !["stdin", "stdout", "stderr"].contains($0.lowercased()) }) {
                let usage = CommandUsage.table["run"]?.flagMessage("invalid argument \"\(bad)\" for \"-a, --attach\" flag: valid streams are STDIN, STDOUT and STDERR",
                                                                  program: IsolabMain.programName, key: "run")
                IsolabMain.fail(usage ?? bad, code: 125)
            }
            if detach { IsolabMain.fail("conflicting options: cannot specify both --attach and --detach", code: 125) }
            let streams = attach.map { $0.lowercased() }
            o.attachStreams = streams.filter { $0 != "stdin" }
            if streams.contains("stdin") { o.interactive = true }
        }
        return o
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
