import Foundation

/// The submissions of a class: every `DIR/NAME/answers.md` (a learner's repository, as GitHub
/// Classroom's clones lay them out) and every `DIR/NAME.md`, sorted by learner. What cannot be
/// a submission is listed in `problems`, so the instructor hears of it and the rest are graded.
public struct SubmissionSet: Sendable {
    public private(set) var submissions: [Submission] = []
    /// `path: why` for entries that were passed over.
    public private(set) var problems: [String] = []

    /// A class larger than this is a mistake (the wrong folder), not a class.
    public static let limit = 10_000

    public init(directory: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var seen: [String: String] = [:]
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            var candidate: Submission? = nil
            if type == S_IFDIR {
                let answers = path + "/answers.md"
                var inner = stat()
                if lstat(answers, &inner) != 0 {
                    problems.append("\(path): no answers.md inside")
                } else if inner.st_mode & S_IFMT != S_IFREG {
                    problems.append("\(answers): not a regular file")
                } else {
                    candidate = Submission(learner: name, answersPath: answers)
                }
            } else if name.hasSuffix(".md"), name.count > 3 {
                // A symbolic link could point anywhere on the grader's machine.
                if type == S_IFREG { candidate = Submission(learner: String(name.dropLast(3)), answersPath: path) }
                else { problems.append("\(path): not a regular file") }
            }
            guard let candidate else { continue }
            if let earlier = seen[candidate.learner] {
                problems.append("\(candidate.answersPath): learner '\(candidate.learner)' already has \(earlier)")
                continue
            }
            seen[candidate.learner] = candidate.answersPath
            submissions.append(candidate)
            if submissions.count > Self.limit {
                throw SubmissionSetError(directory: directory, reason: "more than \(Self.limit) submissions")
            }
        }
        submissions.sort { $0.learner < $1.learner }
    }
}

/// The submissions folder could not be read as one.
public struct SubmissionSetError: Error, CustomStringConvertible {
    public var directory: String
    public var reason: String
    public var description: String { "\(directory): \(reason)" }
}
