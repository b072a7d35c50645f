import LabResults

/// The JSON file's top level: Gradescope's results shape (`score`, `max_score`, `tests[]`,
/// `execution_time`, `output`), with isolab's full `RunResults` beside it under `isolab`.
/// Keys are snake_case on disk (`JSONReport` converts them).
struct GradescopeResults: Codable {
    var score: Double
    var maxScore: Double
    var executionTime: Double
    var output: String
    var tests: [GradescopeTest]
    var isolab: RunResults
}
