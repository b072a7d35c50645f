import Foundation

/// What `lab walk --resume` needs: which blocks are done, their scores, and the captures.
/// Kept in `~/.isolab/walk/<key of the lab's absolute path>.json`, written to a temporary name
/// and renamed so an interrupted write never leaves half a file.
public struct WalkProgress: Codable, Sendable, Equatable {
    public var labPath: String
    public var done: [String]
    public var scores: [String: Double]
    public var captures: [String: String]
    /// Failures per check so far: a resumed walk shows the next hint, not the first again.
    public var failures: [String: Int]

    public init(labPath: String, done: [String] = [], scores: [String: Double] = [:], captures: [String: String] = [:],
                failures: [String: Int] = [:]) {
        self.labPath = labPath; self.done = done; self.scores = scores; self.captures = captures
        self.failures = failures
    }

    private enum CodingKeys: String, CodingKey { case labPath, done, scores, captures, failures }

    /// Progress files written before `failures` existed still load.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        labPath = try c.decode(String.self, forKey: .labPath)
        done = try c.decode([String].self, forKey: .done)
        scores = try c.decode([String: Double].self, forKey: .scores)
        captures = try c.decode([String: String].self, forKey: .captures)
        failures = try c.decodeIfPresent([String: Int].self, forKey: .failures) ?? [:]
    }

    /// The progress file of the lab at `path` under `home`.
    public static func file(for path: String, home: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in absolute.utf8 { hash ^= UInt64(byte); hash = hash &* 0x100000001b3 }
        return home + "/.isolab/walk/" + String(format: "%016llx", hash) + ".json"
    }

    /// The saved progress, or nil when there is none.
    public static func load(from file: String) throws -> WalkProgress? {
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        return try JSONDecoder().decode(WalkProgress.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
    }

    public func save(to file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
