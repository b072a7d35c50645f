import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `namespace ls|rm`: containerd-style namespaces of a root.
public struct NamespaceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "namespace", abstract: "List and remove isolab namespaces",
        subcommands: [List.self, Remove.self])
    public init() {}

    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "ls", abstract: "List namespaces")
        public init() {}
        @Flag(name: .shortAndLong) var quiet = false
        public func run() throws {
            let rt = IsolabMain.runtime()
            let names = rt.namespaces()
            if quiet { names.forEach { print($0) }; return }
            var t = TableWriter(header: ["NAME", "CONTAINERS", "RUNNING"])
            for n in names {
                let list = rt.inNamespace(n).containers()
                t.add([n, String(list.count), String(list.filter(\.isRunning).count)])
            }
            print(t.render(), terminator: "")
        }
    }

    public struct Remove: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove namespaces and every container in them")
        public init() {}
        @Argument var names: [String]
        public func run() throws {
            var ctx = RuntimeContext.fromEnvironment()
            for n in names {
                try NamespaceName.validate(n)
                ctx.namespace = n
                try Runtime(context: ctx, isolabExecutable: IsolabMain.executablePath()).removeNamespace()
                print(n)
            }
        }
    }
}
