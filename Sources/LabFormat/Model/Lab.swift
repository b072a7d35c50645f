/// A parsed and validated lab file.
public struct Lab: Sendable, Equatable {
    /// The path as given (used in every message).
    public var path: String
    /// The Markdown source.
    public var source: String
    /// The first heading's text, or the file name.
    public var title: String
    /// Executable blocks in document order.
    public var blocks: [LabBlock]

    public init(path: String, source: String, title: String, blocks: [LabBlock]) {
        self.path = path; self.source = source; self.title = title; self.blocks = blocks
    }

    /// The block with this id.
    public func block(id: String) -> LabBlock? { blocks.first { $0.id == id } }

    /// Solutions of check `id`, in document order.
    public func solutions(for id: String) -> [LabBlock] {
        blocks.filter { $0.kind == .solution && $0.solutionFor == id }
    }
}
