import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The container queries the CLI makes: finding, listing and re-reading containers, their
/// namespaces, their writable layer's changes and size. What they return are values; the store
/// behind them stays the runtime's.
extension Runtime {
    /// The container `ref` names (name, full id or unique id prefix) in this namespace.
    /// `allowBroken` returns a container whose files are damaged instead of refusing it (inspect).
    public func container(_ ref: String, allowBroken: Bool = false) throws -> Container {
        try store.find(ref, allowBroken: allowBroken)
    }

    /// Every container of this namespace, broken ones included (`broken` says why).
    public func containers() -> [Container] { store.list() }

    /// The container as its files say now (it may have stopped since `c` was read).
    public func current(_ c: Container) throws -> Container { try store.load(id: c.id) }

    /// When the container last started, from its run-time state or its exit record.
    public func startedAt(_ c: Container) -> Date? { store.startedAt(id: c.id) }

    /// The namespaces of this root that hold containers.
    public func namespaces() -> [String] { ContainerStore.namespaces(root: context.root) }

    /// The same runtime for another namespace of this root.
    public func inNamespace(_ namespace: String) -> Runtime {
        var other = context
        other.namespace = namespace
        return Runtime(context: other, isolabExecutable: isolabExecutable)
    }

    /// What changed in the container's writable layer against its image (`docker diff`).
    public func changes(of c: Container) throws -> [LayerChanges.Change] {
        try LayerChanges(upper: c.upperDir, lowers: c.config.lowerDirs).changes()
    }

    /// Bytes of the regular files in the container's writable layer, walked without following links.
    public func writableLayerSize(of c: Container) -> Int64 {
        guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: c.upperDir) else { return 0 }
        var total: Int64 = 0
        for path in paths {
            var st = stat()
            guard lstat(c.upperDir + "/" + path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            total += Int64(st.st_size)
        }
        return total
    }

    /// The size of the container's image (0 when the image is gone).
    public func imageSize(of c: Container) -> Int64 {
        (try? images.find(c.config.imageID))?.size ?? 0
    }
}
