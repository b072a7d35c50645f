import Foundation
import Testing

/// The store under concurrent and damaged state: names claimed under the namespace lock, and a
/// container whose config cannot be read still listed and removable.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct ContainerStateTests {
    @Test func twentyParallelUnnamedRunsAllGetDistinctNames() throws {
        let f = try CLIFixture()
        defer { f.close() }
        // Twenty clients at once, started from here (not with a shell's `&` and `wait`).
        let runs = try (1...20).map { _ in try f.spawn("docker run -d busybox sleep 3600") }
        let results = runs.map { $0.wait() }
        let failures = results.filter { $0.status != 0 }
        #expect(failures.isEmpty, "\(failures.map { "exit \($0.status): \($0.output)" })")
        let names = try f.ok("docker ps -a --format '{{.Names}}'").split(separator: "\n").map(String.init)
        #expect(names.count == 20)
        #expect(Set(names).count == 20, "\(names)")
        for n in names { #expect(n.contains("_"), "a Docker-style name: \(n)") }
    }
}
