import Foundation

/// Images and layers under `<root>/images` and `<root>/layers`, shared by every namespace of a root.
/// Owned by the image work (issues #2, #3); the runtime calls these.
public struct ImageStore: Sendable {
    public let root: String
    public init(root: String) { self.root = root }

    /// Builds `busybox` or `debian` if the store lacks it (a no-op when present).
    public func ensureBuiltin(_ name: String) throws {
        throw RuntimeError(.failed, "images: not implemented yet")
    }

    /// Resolves "busybox", "busybox:latest", an id or an id prefix. Built-in names are built on first use.
    public func resolve(_ reference: String) throws -> ImageRecord {
        throw RuntimeError(.notFound, "Unable to find image '\(reference)' locally")
    }

    /// Unpacked layer directories of `image` for overlayfs `lowerdir`, top layer first.
    public func lowerDirs(of image: ImageRecord) throws -> [String] {
        return []
    }
}
