import Foundation

/// What one `isolab lab run|grade` produced: every lab of the run, in the order they ran.
/// This is the contract between LabEngine (which fills it) and the reporters (which render it).
/// It is Codable; `RunResults+Gradescope.swift` gives it Gradescope's top-level shape on disk.
public struct RunResults: Codable, Sendable, Equatable {
    public var tool: String              // "isolab 0.1.0"
    public var mode: RunMode
    public var learner: String?
    public var startedAt: Date
    public var finishedAt: Date
    public var host: HostFacts
    public var labs: [LabResult]

    public init(tool: String, mode: RunMode, learner: String?, startedAt: Date, finishedAt: Date,
                host: HostFacts, labs: [LabResult]) {
        self.tool = tool; self.mode = mode; self.learner = learner
        self.startedAt = startedAt; self.finishedAt = finishedAt; self.host = host; self.labs = labs
    }
}

public enum RunMode: String, Codable, Sendable { case run, grade, walk }

public struct HostFacts: Codable, Sendable, Equatable {
    public var hostname: String
    public var kernel: String            // uname -r
    public var cgroupVersion: String     // "v1 (hybrid)", "v2"
    public var architecture: String
    /// Where the `busybox` image came from; says when it is Debian's busybox-static as a fallback.
    public var busyboxImage: String?
    public init(hostname: String, kernel: String, cgroupVersion: String, architecture: String, busyboxImage: String? = nil) {
        self.hostname = hostname; self.kernel = kernel
        self.cgroupVersion = cgroupVersion; self.architecture = architecture; self.busyboxImage = busyboxImage
    }
}

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

public enum BlockKind: String, Codable, Sendable { case step, check, setup, cleanup, solution }

public enum Status: String, Codable, Sendable {
    case passed, failed, timedOut = "timed_out", error, skipped, running
}

public struct BlockResult: Codable, Sendable, Equatable {
    public var id: String
    public var kind: BlockKind
    public var language: String          // "console", "sh", "" for hidden blocks
    public var line: Int                 // 1-based line of the block's opening in the lab file
    public var column: Int
    public var status: Status
    public var duration: Double          // seconds, all attempts
    public var attempts: Int
    public var commands: [CommandResult] // transcripts: one per `$` command that ran; scripts: one
    public var score: Double             // checks only; 0 otherwise
    public var maxScore: Double          // a check's points; 0 otherwise
    public var message: String?          // FAIL: lines, timeout or crash reason, the first mismatch
    public var hint: String?             // shown when a check fails
    public var background: Bool
    public var measure: CPUMeasurement?
    public var solutionShown: Bool?      // `lab walk`: the learner revealed the solution (absent: no)

    public init(id: String, kind: BlockKind, language: String, line: Int, column: Int, status: Status,
                duration: Double, attempts: Int, commands: [CommandResult], score: Double, maxScore: Double,
                message: String?, hint: String?, background: Bool, measure: CPUMeasurement?,
                solutionShown: Bool? = nil) {
        self.id = id; self.kind = kind; self.language = language; self.line = line; self.column = column
        self.status = status; self.duration = duration; self.attempts = attempts; self.commands = commands
        self.score = score; self.maxScore = maxScore; self.message = message; self.hint = hint
        self.background = background; self.measure = measure; self.solutionShown = solutionShown
    }
}

public struct CommandResult: Codable, Sendable, Equatable {
    public var command: String           // the shell text as run (continuation lines joined by newlines)
    public var line: Int                 // its line in the lab file
    public var expected: String?         // expected output lines (transcripts), nil for scripts
    public var expectedStatus: Int?
    public var actual: String            // stdout+stderr, cleaned as the matcher saw it
    public var exitStatus: Int32?        // nil when killed by the timeout
    public var duration: Double
    public var matched: Bool
    public var diff: String?             // unified-style diff of expected vs actual on a mismatch
    public var timedOut: Bool

    public init(command: String, line: Int, expected: String?, expectedStatus: Int?, actual: String,
                exitStatus: Int32?, duration: Double, matched: Bool, diff: String?, timedOut: Bool) {
        self.command = command; self.line = line; self.expected = expected; self.expectedStatus = expectedStatus
        self.actual = actual; self.exitStatus = exitStatus; self.duration = duration; self.matched = matched
        self.diff = diff; self.timedOut = timedOut
    }
}

/// CPU samples of a `measure=cpu:NAME` or `measure=cgroup:PATH` block.
public struct CPUMeasurement: Codable, Sendable, Equatable {
    public var container: String         // NAME of measure=cpu:NAME; "" for a cgroup
    public var cgroup: String?           // PATH of measure=cgroup:PATH, captures expanded
    public var window: Double            // seconds
    public var expectLow: Double?        // expect-cores A..B
    public var expectHigh: Double?
    public var samples: [CPUSample]      // 10 Hz, the first 0.5 s left out
    public var meanCores: Double

    public init(container: String, cgroup: String? = nil, window: Double, expectLow: Double?, expectHigh: Double?,
                samples: [CPUSample], meanCores: Double) {
        self.container = container; self.cgroup = cgroup; self.window = window; self.expectLow = expectLow
        self.expectHigh = expectHigh; self.samples = samples; self.meanCores = meanCores
    }

    /// "container NAME" or "cgroup PATH", as reports name what was measured.
    public var subject: String { cgroup.map { "cgroup \($0)" } ?? "container \(container)" }
}

public struct CPUSample: Codable, Sendable, Equatable {
    public var t: Double                 // seconds since the block started
    public var cores: Double             // CPU time used over the sample interval / interval
    public init(t: Double, cores: Double) { self.t = t; self.cores = cores }
}
