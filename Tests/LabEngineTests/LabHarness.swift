import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// Runs a lab given as Markdown text with a fake host, and a scratch folder for markers that
/// tests read after the run (removed by `deinit`-free `cleanUp`, called in `defer`).
struct LabHarness {
    let host: FakeContainerHost
    let scratch: String

    init(host: FakeContainerHost = FakeContainerHost()) throws {
        self.host = host
        scratch = NSTemporaryDirectory() + "isolab-engine-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// `@S@` in the source stands for the scratch folder.
    func lab(_ markdown: String, path: String = "Labs/test.md") throws -> Lab {
        try LabParser.parse(source: markdown.replacingOccurrences(of: "@S@", with: scratch), path: path)
    }

    func run(_ markdown: String, options: LabRunOptions = LabRunOptions(),
             cancellation: RunCancellation = RunCancellation(), observer: LabRunObserver? = nil) throws -> LabResult {
        var options = options
        if options.environment.isEmpty { options.environment = ["PATH": "/usr/bin:/bin", "HOME": "/root"] }
        let runner = LabRunner(host: host, options: options, observer: observer, cancellation: cancellation)
        let results = runner.run([try lab(markdown)])
        guard let result = results.labs.first else { throw HarnessError.noResult }
        return result
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: scratch + "/" + name) }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: scratch + "/" + name, encoding: .utf8)
    }

    enum HarnessError: Error { case noResult }
}

extension LabResult {
    func block(_ id: String) -> BlockResult? { blocks.first { $0.id == id } }
}
