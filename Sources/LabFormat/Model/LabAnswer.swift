/// A learner's answer to one check, from an answers file: the commands that take the place of
/// the check's hidden solution when `lab grade --answers` runs the lab.
public struct LabAnswer: Sendable, Equatable {
    /// The check it answers (without `#`).
    public var checkID: String
    /// The block's shell script, run as one `/bin/sh -c`.
    public var script: String
    /// The answers file, as given.
    public var path: String
    /// Where the block opens in the answers file.
    public var location: SourceLocation

    public init(checkID: String, script: String, path: String, location: SourceLocation) {
        self.checkID = checkID; self.script = script; self.path = path; self.location = location
    }
}
