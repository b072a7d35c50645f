
/// What GitHub Classroom's grading reporter reads from one runner: the JSON object that its
/// `<RUNNER>_RESULTS` variable holds, base64-encoded. The reporter sums `tests[].score` against
/// `max_score` for the points it sends to Classroom, and fails the job when `status` is `fail`
/// or `error`.
struct ClassroomResults: Codable, Equatable {
    struct Test: Codable, Equatable {
        var name: String
        /// `pass`, `fail` or `error`.
        var status: String
        var score: Double
        var message: String
        var lineNumber: Int
        var filename: String
        /// Milliseconds, as the other Classroom runners report it.
        var duration: Int
        var testCode: String

        enum CodingKeys: String, CodingKey {
            case name, status, score, message, filename, duration
            case lineNumber = "line_no"
            case testCode = "test_code"
        }
    }

    var version: Int = 1
    var status: String
    var maxScore: Double
    var tests: [Test]

    enum CodingKeys: String, CodingKey {
        case version, status, tests
        case maxScore = "max_score"
    }
}
