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

    /// Writes garbage over a record of a running container; returns its init's pid.
    private func corrupt(_ f: CLIFixture, _ id: String, stateToo: Bool) throws -> String {
        let pid = try f.ok("docker inspect -f '{{.State.Pid}}' \(id)")
        try Data("{\"id\": [garbage".utf8).write(to: URL(fileURLWithPath: "\(f.root)/containers/\(f.namespace)/\(id)/config.json"))
        if stateToo {
            let state = try f.ok("find /run/isolab -path '*/\(f.namespace)/\(id)/state.json'")
            #expect(!state.isEmpty)
            try Data([0xff, 0xfe]).write(to: URL(fileURLWithPath: state))
        }
        return pid
    }

    private func cgroupsLeft(_ f: CLIFixture, _ id: String) throws -> String {
        try f.sh("find /sys/fs/cgroup -type d -name \(id)").output
    }

    @Test func aContainerWithAnUnreadableConfigIsListedAndRmFKillsIt() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id = try f.ok("docker run -d busybox sleep 3600")
        let pid = try corrupt(f, id, stateToo: false)
        let ps = try f.ok("docker ps -a --format '{{.ID}} {{.State}} {{.Status}}'")
        #expect(ps.hasPrefix("\(id.prefix(12)) running Up ") && ps.hasSuffix("(broken: config.json unreadable)"), "\(ps)")
        #expect(try f.ok("docker inspect -f '{{.State.Error}}' \(id)").hasPrefix("config.json: parse "))
        let exec = try f.sh("docker exec \(id) true")
        // Outside run and create, Docker's errors exit 1.
        #expect(exec.status == 1 && exec.output.contains("is broken (config.json: "), "\(exec.output)")
        let rm = try f.sh("docker rm \(id.prefix(12))")
        #expect(rm.status != 0 && rm.output.contains("container is running"), "\(rm.output)")
        try f.ok("docker rm -f \(id.prefix(12))")
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "the init was killed")
        #expect(try cgroupsLeft(f, id).isEmpty)
        #expect(try f.ok("docker ps -a -q") == "")
        #expect(!FileManager.default.fileExists(atPath: "\(f.root)/containers/\(f.namespace)/\(id)"))
    }

    @Test func namespaceRmRemovesAContainerWhoseConfigAndStateAreUnreadable() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id = try f.ok("docker run -d busybox sh -c 'sleep 3600 & sleep 3600'")
        let pid = try corrupt(f, id, stateToo: true)
        let ps = try f.ok("docker ps -a --format '{{.ID}} {{.Status}}'")
        #expect(ps == "\(id.prefix(12)) Dead (broken: config.json unreadable)", "\(ps)")
        try f.ok("isolab namespace rm \(f.namespace)")
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "the init was killed from its cgroup")
        #expect(try cgroupsLeft(f, id).isEmpty)
        #expect(try f.vethGone(id), "host veth removed")
        #expect(!FileManager.default.fileExists(atPath: "\(f.root)/containers/\(f.namespace)"))
    }
}
