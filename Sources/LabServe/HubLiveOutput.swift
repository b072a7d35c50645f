import LabEngine
import LabReports
import LabResults

/// The running block's commands, output and samples, to every page of the lab. Used from the
/// lab's one engine thread only.
final class HubLiveOutput: BlockLiveOutput, @unchecked Sendable {
    weak var hub: LabHub?
    /// The block running now.
    var step = ""
    private var pending: [UInt8] = []

    func commandStarted(_ command: String, background: Bool) {
        flush()
        hub?.broadcast(.command(step: step, text: WalkDocument.typedLines(command: command).joined(separator: "\n")))
    }

    func output(_ bytes: [UInt8]) {
        pending += bytes
        // Hold back an incomplete UTF-8 sequence at the end for the next read.
        let cut = WalkScreen.completeUTF8Prefix(pending)
        let ready = Array(pending[0..<cut])
        pending.removeFirst(cut)
        if !ready.isEmpty { hub?.broadcast(.output(step: step, text: String(decoding: ready, as: UTF8.self))) }
    }

    func cpuSample(_ sample: CPUSample, window: Double, expected: ClosedRange<Double>?) {
        hub?.broadcast(.sample(step: step, t: sample.t, cores: sample.cores, window: window,
                               low: expected?.lowerBound, high: expected?.upperBound))
    }

    func flush() {
        if !pending.isEmpty { hub?.broadcast(.output(step: step, text: String(decoding: pending, as: UTF8.self))) }
        pending = []
    }
}
