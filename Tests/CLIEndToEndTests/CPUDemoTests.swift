import Foundation
import Testing

/// The tutorial's CPU demo, measured from the cgroup's own accounting. A check of the cap with a
/// tolerance, not a speed test; it must run alone (scripts/test.sh runs this suite by itself).
@Suite(.serialized, .enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct CPUDemoTests {
    /// Mean cores used by the container over `seconds`, from cpuacct.usage (v1) or cpu.stat (v2).
    func meanCores(pid: String, seconds: Double) throws -> Double {
        let lines = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8).split(separator: "\n")
        let read: () throws -> Double
        if let v1 = lines.first(where: { $0.split(separator: ":")[1].split(separator: ",").contains("cpuacct") }) {
            let path = "/sys/fs/cgroup/cpuacct" + v1.split(separator: ":", maxSplits: 2)[2] + "/cpuacct.usage"
            read = { Double(try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
        } else {
            let rel = lines.first { $0.hasPrefix("0::") }.map { String($0.dropFirst(3)) } ?? "/"
            let path = "/sys/fs/cgroup" + rel + "/cpu.stat"
            read = {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let usage = text.split(separator: "\n").first { $0.hasPrefix("usage_usec ") }
                return (Double(usage?.split(separator: " ")[1] ?? "0") ?? 0) * 1000
            }
        }
        let a = try read(), t0 = Date()
        Thread.sleep(forTimeInterval: seconds)
        let b = try read(), t1 = Date()
        return (b - a) / 1e9 / t1.timeIntervalSince(t0)
    }

    func spin(_ f: CLIFixture, _ name: String, flags: String) throws -> Double {
        try f.ok("docker run -d --name \(name) \(flags) busybox sleep 3600")
        try f.ok("docker exec -d \(name) sh -c 'while true; do :; done'")
        let pid = try f.ok("docker inspect -f '{{.State.Pid}}' \(name)")
        Thread.sleep(forTimeInterval: 0.5)   // let the loop start, as labs leave out the first 0.5 s
        let cores = try meanCores(pid: pid, seconds: 3)
        try f.ok("docker rm -f \(name)")
        return cores
    }

    @Test func halfACoreLimitGivesHalfACoreAndNoLimitAboutOne() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let limited = try spin(f, "cpu_limited_container", flags: "--cpus=\"0.5\"")
        #expect(abs(limited - 0.5) <= 0.05, "a --cpus 0.5 busy loop used \(limited) cores")
        let free = try spin(f, "cpu_free_container", flags: "")
        #expect(free > 0.85 && free < 1.1, "an unlimited busy loop used \(free) cores")
    }
}
