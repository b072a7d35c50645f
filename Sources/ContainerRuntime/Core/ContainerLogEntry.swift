import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One line of a container's log, as its monitor writes it (the shape of Docker's json-file
/// driver): `{"log":"text\n","stream":"stdout","time":"2024-01-02T03:04:05.123456789Z"}`.
public struct ContainerLogEntry: Codable, Sendable {
    public var log: String
    public var stream: String
    public var time: String

    /// Seconds and nanoseconds since the epoch of `time` (nil if it is not the monitor's format).
    public var timestamp: (seconds: Int64, nanos: Int)? {
        LogTimestamp.parseRFC3339(time)
    }

    /// The entries of a log file's contents; a line that is not an entry (a torn last line of
    /// a log being written) is skipped.
    public static func parse(_ data: Data) -> [ContainerLogEntry] {
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(ContainerLogEntry.self, from: Data($0)) }
    }
}
