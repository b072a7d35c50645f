/// Which log entries `docker logs --since/--until` keeps: those stamped inside the window (an
/// entry without a timestamp only when there is no window).
public struct LogWindow: Sendable {
    public var since: (seconds: Int64, nanos: Int)?
    public var until: (seconds: Int64, nanos: Int)?

    public init(since: (seconds: Int64, nanos: Int)? = nil, until: (seconds: Int64, nanos: Int)? = nil) {
        self.since = since
        self.until = until
    }

    public func keeps(_ e: ContainerLogEntry) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let t = e.timestamp else { return false }
        if let s = since, (t.seconds, t.nanos) < (s.seconds, s.nanos) { return false }
        if let u = until, (t.seconds, t.nanos) > (u.seconds, u.nanos) { return false }
        return true
    }
}
