import Foundation
import LabFormat
import LabResults

/// Runs labs (`run`) or grades them (`grade`) and fills `RunResults`.
/// Synchronous: commands run one after another on the caller's thread; `cancellation` may be
/// triggered from any thread (a signal handler) to kill what runs and go to cleanup.
public final class LabRunner {
    let host: ContainerHost
    let options: LabRunOptions
    weak var observer: LabRunObserver?
    public let cancellation: RunCancellation
    /// The built-in images are prepared once per run, before its first block.
    var imagesPrepared = false
    /// A lab of this run did not pass (`--fail-fast` skips the later ones).
    var failureSeen = false
    /// Called with the results so far whenever a block starts or ends (the running block and
    /// its lab with status `running`), so a results file can be rewritten as the run goes and
    /// exists even when isolab is killed mid-way. Runs on the engine's thread.
    public var onProgress: ((RunResults) -> Void)?
    /// The labs finished so far and the run's start, for `onProgress`.
    private var finishedLabs: [LabResult] = []
    private var startedAt = Date()

    public init(host: ContainerHost, options: LabRunOptions, observer: LabRunObserver? = nil,
                cancellation: RunCancellation = RunCancellation()) {
        self.host = host; self.options = options; self.observer = observer; self.cancellation = cancellation
    }

    /// Runs every lab in order. Labs without the `only` block (when given) are left out.
    public func run(_ labs: [Lab]) -> RunResults {
        startedAt = Date()
        finishedLabs = []
        for lab in labs {
            if let only = options.only, lab.block(id: only) == nil { continue }
            finishedLabs.append(LabRun(runner: self, lab: lab).run())
        }
        return results(finishedLabs)
    }

    private func results(_ labs: [LabResult]) -> RunResults {
        RunResults(tool: options.toolName, mode: options.mode, learner: options.learner,
                   startedAt: startedAt, finishedAt: Date(), host: HostFactsReader.read(host: host), labs: labs)
    }

    /// Reports the run so far: the finished labs, then `current` (status `running`).
    func reportProgress(_ current: LabResult) {
        onProgress?(results(finishedLabs + [current]))
    }

    /// The blocks a lab runs, in order, by phase.
    func plan(_ lab: Lab) -> (setup: [LabBlock], main: [LabBlock], cleanup: [LabBlock]) {
        let selected: (LabBlock) -> Bool = { block in self.options.only.map { block.id == $0 } ?? true }
        if !options.runsWholeLab {
            return ([], lab.blocks.filter { $0.kind == .check && selected($0) }, [])
        }
        var main: [LabBlock] = []
        for block in lab.blocks where (block.kind == .step || block.kind == .check) && selected(block) {
            if block.kind == .check {
                if let answers = options.answers {
                    main += answers[block.id].map { [AnswerBlock.block($0, for: block)] } ?? []
                } else {
                    main += lab.solutions(for: block.id)
                }
            }
            main.append(block)
        }
        return (lab.blocks.filter { $0.kind == .setup }, main, lab.blocks.filter { $0.kind == .cleanup })
    }

    func namespace() -> String {
        if options.runsWholeLab { return LabSession.freshNamespace() }
        return options.learnerNamespace
    }

    /// The lab error of an interrupted lab, naming the signal.
    func interruptedMessage() -> String {
        if let signal = cancellation.signal { return "interrupted by \(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)")" }
        return "interrupted"
    }
}
