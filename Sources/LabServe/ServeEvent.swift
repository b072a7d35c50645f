import Foundation

/// A message from the server to a lab page, as one JSON text frame.
enum ServeEvent {
    case status(step: String, status: String)
    case command(step: String, text: String)
    case output(step: String, text: String)
    case sample(step: String, t: Double, cores: Double, window: Double, low: Double?, high: Double?)
    /// A block's end: status, score, and the HTML of its message, diff and hint.
    case result(step: String, status: String, score: Double, maxScore: Double, html: String, canRevealSolution: Bool)
    case solution(step: String, lines: [String])
    case progress(done: Int, total: Int, score: Double, maxScore: Double)
    case notice(String)

    var json: String {
        var object: [String: Any]
        switch self {
        case .status(let step, let status): object = ["type": "status", "step": step, "status": status]
        case .command(let step, let text): object = ["type": "command", "step": step, "text": text]
        case .output(let step, let text): object = ["type": "output", "step": step, "text": text]
        case .sample(let step, let t, let cores, let window, let low, let high):
            object = ["type": "sample", "step": step, "t": Self.finite(t), "cores": Self.finite(cores), "window": Self.finite(window)]
            if let low, let high { object["low"] = Self.finite(low); object["high"] = Self.finite(high) }
        case .result(let step, let status, let score, let maxScore, let html, let reveal):
            object = ["type": "result", "step": step, "status": status, "score": Self.finite(score),
                      "max": Self.finite(maxScore), "html": html, "canRevealSolution": reveal]
        case .solution(let step, let lines): object = ["type": "solution", "step": step, "lines": lines]
        case .progress(let done, let total, let score, let maxScore):
            object = ["type": "progress", "done": done, "total": total, "score": Self.finite(score), "max": Self.finite(maxScore)]
        case .notice(let text): object = ["type": "notice", "text": text]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON has no NaN or infinity.
    static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}
