import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IsolabVersion

/// `version`
public struct VersionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "version", abstract: "Show the isolab version information")
    public init() {}
    @Option(name: [.customShort("f"), .customLong("format")]) var format: String?

    public static let version = IsolabVersion.number

    public func run() throws {
        var client = JSONObject(["Platform": ["Name": "isolab"], "Version": Self.version, "ApiVersion": "1.43",
                                 "DefaultAPIVersion": "1.43", "Os": "linux", "Arch": HostInfo.goArch()])
        client.set("APIVersion", "1.43", hiddenInJSON: true)   // the Go field behind "ApiVersion"
        let info: [String: Any] = [
            "Client": client,
            "Server": ["Version": Self.version, "ApiVersion": "1.43", "Os": "linux", "Arch": HostInfo.goArch(),
                       "KernelVersion": HostInfo.kernel(), "Platform": ["Name": "isolab (no engine: containers are made by this binary)"]],
        ]
        if let f = format { print(try GoTemplate(f).render(info)); return }
        print("""
        Client: isolab
         Version:           \(Self.version)
         API version:       1.43 (Docker-compatible subset)
         OS/Arch:           linux/\(HostInfo.goArch())

        Server: isolab (no engine: containers are made by this binary)
         Engine:
          Version:          \(Self.version)
          Kernel Version:   \(HostInfo.kernel())
          Runtime:          isolab (clone, pivot_root, overlayfs, cgroups)
        """)
    }
}
