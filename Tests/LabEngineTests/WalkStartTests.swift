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

    /// `lab serve` starts each lab through the same rules with its own home: the progress
    /// files under that home whatever HOME says, the learner's namespace taken as the walk's.
    @Test func anExplicitHomeHoldsTheProgress() throws {
        let home = try home(); defer { try? FileManager.default.removeItem(atPath: home) }
        let start = WalkStart(file: "lab.md", resume: true, reset: false, home: home,
                              environment: ["HOME": "/elsewhere", "ISOLAB_NAMESPACE": "mine"])
        #expect(start.progressFile == WalkProgress.file(for: "lab.md", home: home))
        #expect(start.resultsFile == WalkProgress.resultsFile(for: "lab.md", home: home))
        #expect(start.progress.namespace == "mine" && !start.progress.ownsNamespace)
        #expect(WalkStart(file: "lab.md", resume: false, reset: false, environment: ["HOME": home]).progressFile
                == start.progressFile)
    }

    /// The driver a start makes works in the walk's namespace, writes the start's files, and
    /// a restored stepper has the saved captures and failure counts.
    @Test func theDriverAndStepperGoOnFromTheProgress() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let lab = try h.lab("""
            ```sh {check #made hint="one" hint="two"}
            echo "$SAVED" > @S@/saved; false
            ```
            """)
        var saved = WalkProgress(labPath: lab.path, captures: ["SAVED": "kept"], failures: ["made": 1])
        let first = WalkStart(file: lab.path, resume: false, reset: false, home: h.scratch, environment: [:])
        saved.namespace = first.progress.namespace
        saved.ownsNamespace = true
        try saved.save(to: first.progressFile)

        let start = WalkStart(file: lab.path, resume: true, reset: false, home: h.scratch, environment: [:])
        let driver = try start.driver(lab: lab, host: h.host,
                                      options: start.options(keep: false, dockerExecutable: nil,
                                                             environment: ["PATH": "/usr/bin:/bin"]))
        defer { driver.finish() }
        #expect(driver.namespace == saved.namespace)
        start.restore(into: driver.stepper)
        #expect(driver.stepper.captures == ["SAVED": "kept"])
        let result = driver.run(try #require(lab.block(id: "made")))
        #expect(h.read("saved") == "kept\n")
        #expect(result.hint == "two", "the second failure shows the second hint")
        #expect(driver.writeResults(start.progress) == start.resultsFile)
    }
}
