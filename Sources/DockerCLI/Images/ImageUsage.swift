import ContainerRuntime

/// How the image commands learn that a container uses an image (`rmi` refuses to remove it).
/// The container store is the runtime lead's: it sets `containerUsing` once at start-up.
public enum ImageUsage {
    /// Returns the id of a container (of any namespace of the root) that uses `image`, or nil.
    nonisolated(unsafe) public static var containerUsing: (RuntimeContext, ImageRecord) -> String? = { _, _ in nil }
}
