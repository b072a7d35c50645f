import Foundation
import Testing
import LabFormat

/// The labs in Labs/ are valid, and each carries an exercise that proves itself in run mode.
@Suite struct ShippedLabsTests {
    static let labsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Labs").path

    static let names = ["01-namespaces.md", "02-cgroups.md", "03-union-filesystems.md", "04-capabilities.md", "05-memory.md",
                         "06-pids.md", "07-namespaces-from-the-host.md", "08-a-container-by-hand.md",
                         "09-networking-by-hand.md", "10-seccomp-and-privileges.md"]

    @Test(arguments: names)
    func labIsValidAndSelfProving(name: String) throws {
        let lab = try LabParser.parse(file: Self.labsFolder + "/" + name)
        let checks = lab.blocks.filter { $0.kind == .check }
        #expect(checks.contains { $0.points >= 1 && $0.hint != nil }, "an exercise: a check with points and a hint")
        #expect(checks.contains { !lab.solutions(for: $0.id).isEmpty && lab.solutions(for: $0.id).allSatisfy(\.hidden) },
                "a hidden solution")
        #expect(lab.blocks.contains { $0.kind == .setup && $0.hidden })
        #expect(lab.blocks.contains { $0.kind == .cleanup && $0.hidden })
    }

    /// A scored check is an exercise (points, a hint, a hidden solution); a demo's own sanity
    /// test is a step.
    @Test(arguments: names)
    func everyCheckIsAnExercise(name: String) throws {
        let lab = try LabParser.parse(file: Self.labsFolder + "/" + name)
        for check in lab.blocks where check.kind == .check {
            #expect(check.hint != nil, "\(check.id) has no hint")
            #expect(!lab.solutions(for: check.id).isEmpty, "\(check.id) has no solution")
        }
    }

    /// Images are shared by every namespace: a lab's setup must not remove an image, which may
    /// be the learner's own or another run's.
    @Test(arguments: names)
    func setupRemovesNoImage(name: String) throws {
        let lab = try LabParser.parse(file: Self.labsFolder + "/" + name)
        for setup in lab.blocks where setup.kind == .setup {
            guard case .script(let script) = setup.body else { continue }
            #expect(!script.contains("rmi"), "\(setup.id) removes an image")
        }
    }

    /// Every lab in Labs/ is listed here (so it is checked above), and its title carries its
    /// file's number: "NN-name.md" opens with "# Lab N: ...".
    @Test func everyLabIsListedAndNumberedAsItsFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.labsFolder)
            .filter { $0.hasSuffix(".md") }.sorted()
        #expect(files == Self.names.sorted())
        for name in files {
            let number = try #require(Int(name.prefix(2)), "\(name) starts with its number")
            let lab = try LabParser.parse(file: Self.labsFolder + "/" + name)
            #expect(lab.title.hasPrefix("Lab \(number): "), "\(name): \(lab.title)")
        }
    }

    @Test func cgroupsLabMeasuresTheLimitedSpinner() throws {
        let lab = try LabParser.parse(file: Self.labsFolder + "/02-cgroups.md")
        let spin = try #require(lab.block(id: "spin-limited"))
        #expect(spin.measure == MeasureSpec(container: "cpu_limited_container", window: 3, expectedCores: 0.4...0.6))
        #expect(spin.retry == 10)
    }
}
