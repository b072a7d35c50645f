/// One lab of a run: where it is, how it ended, and every block that ran (or was skipped).
public struct LabResult: Codable, Sendable, Equatable {
    public var path: String              // as given on the command line
    public var title: String             // the first heading, or the file name
    public var markdown: String          // the lab's source, for rendering prose in reports
    public var status: Status
    public var error: String?            // a lab-level failure (invalid lab, setup crashed, interrupted)
    public var duration: Double          // seconds
    public var blocks: [BlockResult]
    public var namespace: String?        // the isolab namespace the lab ran in

    public init(path: String, title: String, markdown: String, status: Status, error: String?,
                duration: Double, blocks: [BlockResult], namespace: String?) {
        self.path = path; self.title = title; self.markdown = markdown; self.status = status
        self.error = error; self.duration = duration; self.blocks = blocks; self.namespace = namespace
    }

    /// Points of the checks (a lab with no checks scores 0 / 0).
    public var score: Double { blocks.filter { $0.kind == .check }.reduce(0) { $0 + $1.score } }
    public var maxScore: Double { blocks.filter { $0.kind == .check }.reduce(0) { $0 + $1.maxScore } }
}
