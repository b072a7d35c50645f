import Foundation

/// Seconds on a clock that never jumps (CLOCK_MONOTONIC), for timeouts and durations.
enum MonotonicClock {
    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    static func sleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        usleep(useconds_t(min(seconds, 3600) * 1e6))
    }
}
