import Foundation
import Testing
@testable import LabEngine

/// How `lab walk` begins (was in the executable, out of the tests' reach).
@Suite struct WalkStartTests {
    private func home() throws -> String {
        let home = NSTemporaryDirectory() + "isolab-walkstart-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
        return home
    }

    @Test func aFreshWalkOwnsANamespaceNamedAfterTheLab() throws {
        let home = try home(); defer { try? FileManager.default.removeItem(atPath: home) }
        let start = WalkStart(file: "Labs/01.md", resume: false, reset: false, environment: ["HOME": home])
        #expect(start.progress.namespace == WalkProgress.namespace(for: "Labs/01.md"))
        #expect(start.progress.ownsNamespace)
        #expect(start.notices.isEmpty)
        #expect(start.progressFile.hasPrefix(home + "/"))
        let options = start.options(keep: true, dockerExecutable: "/bin/isolab", environment: ["HOME": home])
        #expect(options.environment["ISOLAB_NAMESPACE"] == start.progress.namespace)
        #expect(options.mode == .walk && options.keep)
    }

    @Test func theLearnersNamespaceIsUsedAndNeverOwned() throws {
        let home = try home(); defer { try? FileManager.default.removeItem(atPath: home) }
        let start = WalkStart(file: "Labs/01.md", resume: false, reset: false,
                              environment: ["HOME": home, "ISOLAB_NAMESPACE": "mine"])
        #expect(start.progress.namespace == "mine")
        #expect(!start.progress.ownsNamespace)
    }

    @Test func resumeGoesOnFromTheSavedProgressAndSaysWhenItCannot() throws {
        let home = try home(); defer { try? FileManager.default.removeItem(atPath: home) }
        let first = WalkStart(file: "lab.md", resume: false, reset: false, environment: ["HOME": home])
        var saved = first.progress
        saved.done = ["step-1"]
        try saved.save(to: first.progressFile)

        let again = WalkStart(file: "lab.md", resume: false, reset: false, environment: ["HOME": home])
        #expect(again.progress.done.isEmpty)
        #expect(again.notices.map(\.error) == [false], "an earlier walk is mentioned, not resumed")
        let resumed = WalkStart(file: "lab.md", resume: true, reset: false, environment: ["HOME": home])
        #expect(resumed.progress.done == ["step-1"])
        #expect(resumed.notices.isEmpty)

        try Data("not json".utf8).write(to: URL(fileURLWithPath: first.progressFile))
        let broken = WalkStart(file: "lab.md", resume: true, reset: false, environment: ["HOME": home])
        #expect(broken.progress.done.isEmpty)
        #expect(broken.notices.map(\.error) == [true])
        #expect(broken.notices.first?.text.contains(first.progressFile) == true)
    }
}
