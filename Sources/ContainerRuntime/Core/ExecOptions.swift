import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What `exec` asks for.
public struct ExecOptions: Sendable {
    public var command: [String]
    public var detach = false
    public var interactive = false
    public var tty = false
    public var env: [String] = []
    public var workingDir: String?
    public var user: String?
    public init(command: [String]) { self.command = command }
}
