
/// One entry of Gradescope's `tests[]`: one check of one lab.
struct GradescopeTest: Codable, Equatable {
    var name: String
    var score: Double
    var maxScore: Double
    /// "passed" or "failed", Gradescope's two values.
    var status: String
    var output: String
    /// Gradescope renders `output` as plain text; command output must not be read as Markdown.
    var outputFormat: String = "text"
}
