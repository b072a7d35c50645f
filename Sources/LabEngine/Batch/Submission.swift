/// One learner's answers file in a class's submissions folder.
public struct Submission: Sendable, Equatable {
    /// The learner: the folder's or the file's name.
    public var learner: String
    /// `DIR/NAME/answers.md` or `DIR/NAME.md`.
    public var answersPath: String

    public init(learner: String, answersPath: String) {
        self.learner = learner; self.answersPath = answersPath
    }
}
