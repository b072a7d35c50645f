import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The container runtime: creates, runs, joins, stops and removes containers of one root and
/// namespace. Extensions split it by concern (`Runtime+Run.swift`, `Runtime+Exec.swift`, ...).
public struct Runtime: Sendable {
    public let context: RuntimeContext
    // The stores stay the runtime's: its users ask it (`API/`), never them.
    let store: ContainerStore
    let images: ImageStore
    /// The isolab executable (for the monitor's exit command) and the monitor beside it.
    public let isolabExecutable: String
    public let monitorExecutable: String

    public init(context: RuntimeContext, isolabExecutable: String) {
        self.context = context
        self.store = ContainerStore(context: context)
        self.images = ImageStore(root: context.root)
        self.isolabExecutable = isolabExecutable
        let dir = PathName.parent(isolabExecutable)
        self.monitorExecutable = dir + "/isolab-monitor"
    }

    /// The exit command the monitor runs when the container's init ends.
    func exitCommand(for id: String) -> [String] {
        [isolabExecutable, "--root", context.root, "--namespace", context.namespace, "container-cleanup", id]
    }

    static func randomID() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in CFormat.string("%016llx", g.next() as UInt64) }.joined()
    }
}
