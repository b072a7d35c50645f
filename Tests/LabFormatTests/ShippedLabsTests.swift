import Foundation
import Testing
import LabFormat

/// The labs in Labs/ are valid, and each carries an exercise that proves itself in run mode.
@Suite struct ShippedLabsTests {
    static let labsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Labs").path

    static let names = ["01-namespaces.md", "02-cgroups.md", "03-union-filesystems.md", "04-capabilities.md"]

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

    @Test func cgroupsLabMeasuresTheLimitedSpinner() throws {
        let lab = try LabParser.parse(file: Self.labsFolder + "/02-cgroups.md")
        let spin = try #require(lab.block(id: "spin-limited"))
        #expect(spin.measure == MeasureSpec(container: "cpu_limited_container", window: 3, expectedCores: 0.4...0.6))
        #expect(spin.retry == 10)
    }
}
