import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `export [-o FILE] CONTAINER`: the container's filesystem as a flat tar.
public struct ExportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a container's filesystem as a tar archive")
    public init() {}

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to a file, instead of STDOUT") var output: String?
    @Argument var container: String

    public func run() throws {
        let rt = IsolabMain.runtime()
        let c = try rt.container(container)
        if let path = output {
            let tmp = path + ".isolab-tmp"
            let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw RuntimeError.errno("open", tmp) }
            do {
                try rt.export(c, to: fd)
                close(fd)
                guard rename(tmp, path) == 0 else { throw RuntimeError.errno("rename to", path) }
            } catch { close(fd); unlink(tmp); throw error }
            return
        }
        if isatty(1) != 0 {
            throw RuntimeError(.invalidArgument, "cowardly refusing to save to a terminal. Use the -o flag or redirect")
        }
        try rt.export(c, to: 1)
    }
}
