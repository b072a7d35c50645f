import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `cp CONTAINER:SRC DEST` and `cp SRC CONTAINER:DEST`: files and trees between the host and a
/// container, running or stopped, every container path resolved inside its root.
public struct CpCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "cp", abstract: "Copy files/folders between a container and the local filesystem")
    public init() {}

    @Flag(name: .shortAndLong, help: "Suppress progress output during copy (isolab prints none)") var quiet = false
    @Flag(name: [.customShort("a"), .customLong("archive")], help: "Archive mode (accepted; files copied in belong to root)") var archive = false
    @Flag(name: [.customShort("L"), .customLong("follow-link")], help: "Always follow symbol link in SRC_PATH (accepted)") var followLink = false
    @Argument var source: String
    @Argument var destination: String

    /// "name:path" names a container; a path with a slash before the colon does not.
    static func split(_ arg: String) -> (String, String)? {
        guard let colon = arg.firstIndex(of: ":"), !arg[..<colon].contains("/"), colon != arg.startIndex else { return nil }
        return (String(arg[..<colon]), String(arg[arg.index(after: colon)...]))
    }

    public func run() throws {
        let rt = IsolabMain.runtime()
        switch (Self.split(source), Self.split(destination)) {
        case (let (name, path)?, nil):
            guard destination != "-" else { throw RuntimeError(.invalidArgument, "isolab cp does not write tar streams to stdout: give a destination path") }
            let c = try rt.container(name)
            try ContainerCopy(container: c).copyOut(path.isEmpty ? "/" : path, containerName: name, to: destination)
        case (nil, let (name, path)?):
            guard source != "-" else { throw RuntimeError(.invalidArgument, "isolab cp does not read tar streams from stdin: give a source path") }
            let c = try rt.container(name)
            var st = stat()
            guard lstat(source, &st) == 0 else {
                throw RuntimeError(.notFound(.file), "lstat \(FileManager.default.currentDirectoryPath)/\(source): no such file or directory")
            }
            try ContainerCopy(container: c).copyIn(source, to: path.isEmpty ? "/" : path, containerName: name)
        case (_?, _?):
            throw RuntimeError(.invalidArgument, "copying between containers is not supported")
        case (nil, nil):
            throw RuntimeError(.invalidArgument, "must specify at least one container source")
        }
    }
}
