import Foundation
import LabReports
import LabResults

/// What `lab walk --resume` needs and what survives a quit or a crash: which blocks are done,
/// the scores, the captures, the namespace the walk's containers live in, failed attempts per
/// check, which solutions were shown, and each block's last result (for the results JSON).
/// Kept in `~/.isolab/walk/<key of the lab's absolute path>.json`, written to a temporary name
/// and renamed so an interrupted write never leaves half a file.
public struct WalkProgress: Codable, Sendable, Equatable {
    public var labPath: String
    public var done: [String]
    public var scores: [String: Double]
    public var captures: [String: String]
    /// The isolab namespace of the walk's containers ("" in files of older versions: decided anew).
    public var namespace: String
    /// The walk made the namespace (`walk-…`), so removing the lab's containers may remove it whole.
    public var ownsNamespace: Bool
    /// Failed attempts per check id.
    public var failures: [String: Int]
    /// Checks whose hidden solution the learner revealed.
    public var solutionShown: [String]
    /// The last result of each block that ran, in the order they first ran.
    public var results: [BlockResult]
    /// The step or exercise the learner was at (a resume comes back there, past skipped ones).
    public var position: String?

    public init(labPath: String, done: [String] = [], scores: [String: Double] = [:],
                captures: [String: String] = [:], namespace: String = "", ownsNamespace: Bool = false,
                failures: [String: Int] = [:], solutionShown: [String] = [], results: [BlockResult] = []) {
        self.labPath = labPath; self.done = done; self.scores = scores; self.captures = captures
        self.namespace = namespace; self.ownsNamespace = ownsNamespace; self.failures = failures
        self.solutionShown = solutionShown; self.results = results
    }

    enum CodingKeys: String, CodingKey {
        case labPath, done, scores, captures, namespace, ownsNamespace, failures, solutionShown, results, position
    }

    /// Fields newer than the file are given their defaults, so an older progress file still resumes.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        labPath = try c.decode(String.self, forKey: .labPath)
        done = try c.decodeIfPresent([String].self, forKey: .done) ?? []
        scores = try c.decodeIfPresent([String: Double].self, forKey: .scores) ?? [:]
        captures = try c.decodeIfPresent([String: String].self, forKey: .captures) ?? [:]
        namespace = try c.decodeIfPresent(String.self, forKey: .namespace) ?? ""
        ownsNamespace = try c.decodeIfPresent(Bool.self, forKey: .ownsNamespace) ?? false
        failures = try c.decodeIfPresent([String: Int].self, forKey: .failures) ?? [:]
        solutionShown = try c.decodeIfPresent([String].self, forKey: .solutionShown) ?? []
        results = try c.decodeIfPresent([BlockResult].self, forKey: .results) ?? []
        position = try c.decodeIfPresent(String.self, forKey: .position)
    }

    /// Records `result` as the block's latest, keeping the order in which blocks first ran.
    public mutating func record(_ result: BlockResult) {
        var result = result
        if solutionShown.contains(result.id) { result.solutionShown = true }
        if let i = results.firstIndex(where: { $0.id == result.id }) { results[i] = result } else { results.append(result) }
    }

    /// The key of the lab at `path`: FNV-1a of its absolute path, 16 hex digits.
    public static func key(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in absolute.utf8 { hash ^= UInt64(byte); hash = hash &* 0x100000001b3 }
        return String(format: "%016llx", hash)
    }

    /// The folder of the walk's files under `home`.
    public static func folder(home: String) -> String { home + "/.isolab/walk" }

    /// The progress file of the lab at `path` under `home`.
    public static func file(for path: String, home: String) -> String {
        folder(home: home) + "/" + key(for: path) + ".json"
    }

    /// The results file (`lab report` reads it) of the lab at `path` under `home`.
    public static func resultsFile(for path: String, home: String) -> String {
        folder(home: home) + "/" + key(for: path) + ".results.json"
    }

    /// The namespace a walk of the lab at `path` makes when the learner set none:
    /// `walk-` and the first 8 hex digits of its key, the same on every resume.
    public static func namespace(for path: String) -> String { "walk-" + key(for: path).prefix(8) }

    /// Progress files are small; a bigger one is not ours.
    static let sizeLimit = 16 << 20

    /// The saved progress, or nil when there is none.
    public static func load(from file: String) throws -> WalkProgress? {
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        let data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
        guard data.count <= sizeLimit else {
            throw CocoaError(.fileReadTooLarge, userInfo: [NSFilePathErrorKey: file])
        }
        return try JSONDecoder().decode(WalkProgress.self, from: data)
    }

    public func save(to file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
